package no.postmottak.svarinn.simulator;

import static no.postmottak.svarinn.simulator.TestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.postmottak.svarinn.simulator.internal.DemoKeys;
import no.postmottak.testfixtures.SvarInnFixtures;

/** Real SvarUt fixtures served as-is, and the simulator's own CMS compared with them byte for byte. */
class FixtureServingTest {
    static final String ORG = "999888777";
    Path sak;
    X509Certificate spCert;
    PrivateKey spKey;
    SvarInnSimulator sim;

    @BeforeEach
    void start() throws Exception {
        sak = SvarInnFixtures.root().resolve("svarut-sak-mottak");
        spCert = DemoKeys.readCertificate(sak.resolve("sp-cert.pem"));
        try (Reader r = Files.newBufferedReader(sak.resolve("sp-key.pem"));
             PEMParser p = new PEMParser(r)) {
            spKey = new JcaPEMKeyConverter().getKeyPair((PEMKeyPair) p.readObject()).getPrivate();
        }
        sim = SvarInnSimulator.start(0);
        sim.addMottakersystem(Mottakersystem.of("SAK", "sak", "pw", spCert, ORG));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void servesFixtureJsonAndBlobAsIs() throws Exception {
        JsonNode fixture = MAPPER.readTree(sak.resolve("SvarUtForsendelse.json").toFile());
        JsonNode first = fixture.get(0);   // 43ee26b7…, mottaker.orgnr 999888777, gets dokumenter.crypt
        JsonNode second = fixture.get(1);  // d1c6d795…, mottaker.orgnr null, gets small.crypt
        sim.addForsendelse(ForsendelseSpec.builder().rawJson(first.toString())
                .preEncrypted(sak.resolve("dokumenter.crypt"), "application/zip", "dokumenter.zip").build());
        sim.addForsendelse(ForsendelseSpec.builder().rawJson(second.toString()).mottaker(ORG, null)
                .preEncrypted(sak.resolve("small.crypt"), "application/pdf", "small.pdf").build());

        JsonNode listed = list(sim, "sak", "pw");
        assertThat(listed).hasSize(2);
        for (int i = 0; i < 2; i++) {
            ObjectNode got = listed.get(i).deepCopy();
            ObjectNode want = fixture.get(i).deepCopy();
            assertThat(got.remove("downloadUrl").asText())
                    .isEqualTo(sim.baseUri() + "/forsendelse/" + want.get("id").asText());
            want.remove("downloadUrl");
            assertThat(got).isEqualTo(want);
        }

        HttpResponse<byte[]> zip = getBytes(URI.create(listed.get(0).get("downloadUrl").asText()), "sak", "pw");
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(zip.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"dokumenter.zip\"");
        assertThat(zip.body()).isEqualTo(Files.readAllBytes(sak.resolve("dokumenter.crypt")));
        byte[] plain = decryptAll(zip.body(), spKey);
        assertThat(plain).isEqualTo(Files.readAllBytes(sak.resolve("dokumenter.zip")));
        assertThat(unzip(plain, StandardCharsets.UTF_8).keySet()).containsExactly("small.pdf", "text.txt");

        HttpResponse<byte[]> pdf = getBytes(URI.create(listed.get(1).get("downloadUrl").asText()), "sak", "pw");
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(decryptAll(pdf.body(), spKey)).isEqualTo(Files.readAllBytes(sak.resolve("small.pdf")));
    }

    @Test
    void ownCmsMatchesSvarUtFixtureLayoutByteForByte() throws Exception {
        String id = sim.addForsendelse(ForsendelseSpec.builder().mottaker(ORG, "X")
                .dokument(text("text.txt", "En text fil")).build());
        byte[] ours = getBytes(URI.create(sim.baseUri() + "/forsendelse/" + id), "sak", "pw").body();
        byte[] theirs = Files.readAllBytes(sak.resolve("dokumenter.crypt"));
        String o = HexFormat.of().formatHex(ours);
        String t = HexFormat.of().formatHex(theirs);
        // Same recipient certificate, so everything up to the encrypted key must be identical:
        // ContentInfo, EnvelopedData v0, the RecipientInfo with issuer+serial and the 62-byte OAEP identifier.
        int key = t.indexOf("04820100");
        assertThat(key).isPositive();
        assertThat(o.substring(0, key + 8)).isEqualTo(t.substring(0, key + 8));
        assertThat(t.substring(0, key)).contains(PayloadTest.OAEP_HEX);
        // After the 256-byte key: EncryptedContentInfo (indefinite), id-data, aes256-CBC with a 16-byte IV,
        // then [0] constructed indefinite with a first 1000-byte chunk (fixture) or a shorter one (ours).
        int after = key + 8 + 512;
        String layout = "3080" + "06092a864886f70d010701" + "301d" + "060960864801650304012a" + "0410";
        assertThat(o.substring(after, after + layout.length())).isEqualTo(layout);
        assertThat(t.substring(after, after + layout.length())).isEqualTo(layout);
        int content = after + layout.length() + 32;
        assertThat(o.substring(content, content + 4)).isEqualTo("a080").isEqualTo(t.substring(content, content + 4));
        assertThat(o).endsWith("00".repeat(10));
        assertThat(t).endsWith("00".repeat(10));
        assertThat(unzip(decryptAll(ours, spKey), StandardCharsets.UTF_8))
                .containsOnlyKeys("text.txt").extractingByKey("text.txt").isEqualTo("En text fil".getBytes());
    }

    @Test
    void servesRealEmptyZipToSomdalen() throws Exception {
        Path efm = SvarInnFixtures.root().resolve("efm-ks-svarut");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = SvarInnFixtures.open("efm-fiks-meldingsformidler/somdalen.p12")) {
            ks.load(in, "changeit".toCharArray());
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate("somdalen");
        PrivateKey key = (PrivateKey) ks.getKey("somdalen", "changeit".toCharArray());
        sim.addMottakersystem(Mottakersystem.of("Somdalen", "somdalen", "pw", cert, "910229028"));
        JsonNode sample = MAPPER.readTree(efm.resolve("sampleresponse.json").toFile()).get(0);
        String id = sim.addForsendelse(ForsendelseSpec.builder().rawJson(sample.toString())
                .preEncrypted(efm.resolve("empty_encrypted_svarinnfiles.zip"), "application/zip", null).build());
        JsonNode item = list(sim, "somdalen", "pw").get(0);
        assertThat(item.get("id").asText()).isEqualTo(id).isEqualTo("9b45ab9e-e13a-489e-832d-56e836c9a8bc");
        HttpResponse<byte[]> r = getBytes(URI.create(item.get("downloadUrl").asText()), "somdalen", "pw");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"dokumenter-9b45ab9e.zip\"");
        assertThat(HexFormat.of().formatHex(decryptAll(r.body(), key))).isEqualTo("504b0506" + "00".repeat(18));
        // Our own encryption to the same certificate decrypts with the same key too.
        String own = sim.addForsendelse(ForsendelseSpec.builder().mottaker("910229028", "Sømådalen")
                .dokument(text("a.txt", "æøå")).build());
        byte[] cms = getBytes(URI.create(sim.baseUri() + "/forsendelse/" + own), "somdalen", "pw").body();
        assertThat(unzip(decryptAll(cms, key), StandardCharsets.UTF_8)).containsOnlyKeys("a.txt");
    }
}
