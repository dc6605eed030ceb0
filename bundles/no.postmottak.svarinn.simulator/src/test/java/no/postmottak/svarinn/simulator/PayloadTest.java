package no.postmottak.svarinn.simulator;

import static no.postmottak.svarinn.simulator.TestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.postmottak.svarinn.simulator.internal.DemoKeys;
import no.postmottak.simulator.content.PdfWriter;

class PayloadTest {
    /** The 62-byte OAEP AlgorithmIdentifier of all real SvarUt fixtures (fixture README §1). */
    static final String OAEP_HEX = "303c06092a864886f70d010107302fa00f300d06096086480165030402010500a11c301a06092a864886"
            + "f70d010108300d06096086480165030402010500";
    static final String ORG = "921123450";
    static final String USER = "u-1";
    static final String PASS = "p-1";
    static DemoKeys.KeyAndCertificate keys;
    SvarInnSimulator sim;

    @BeforeAll
    static void keys() {
        keys = TestSupport.keys("Mottaker");
    }

    @BeforeEach
    void start() {
        sim = SvarInnSimulator.start(0);
        sim.addMottakersystem(Mottakersystem.of("Arkiv", USER, PASS, keys.certificate(), ORG));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private ForsendelseSpec.Builder threeDocs() {
        return ForsendelseSpec.builder().id("ae68b33d-1111-4222-8333-444455556666").mottaker(ORG, "Fjordvik")
                .dokument(Dokument.of("Vedtak.pdf", "application/pdf", "H", PdfWriter.onePage("Vedtak", List.of("x"))))
                .dokument(Dokument.of("Vedlegg æøå.txt", "text/plain", "V", random(3000)))
                .dokument(text("Kart.txt", "kart"));
    }

    private HttpResponse<byte[]> download(String id) throws Exception {
        JsonNode item = null;
        for (JsonNode n : list(sim, USER, PASS)) {
            if (n.get("id").asText().equals(id)) {
                item = n;
            }
        }
        assertThat(item).as("listed").isNotNull();
        return getBytes(URI.create(item.get("downloadUrl").asText()), USER, PASS);
    }

    private JsonNode item(String id) throws Exception {
        for (JsonNode n : list(sim, USER, PASS)) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError(id + " not listed");
    }

    @Test
    void zipPayloadIsEncryptedExactlyLikeSvarUt() throws Exception {
        String id = sim.addForsendelse(threeDocs().build());
        JsonNode meta = item(id);
        HttpResponse<byte[]> r = download(id);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(r.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"dokumenter-ae68b33d.zip\"");
        byte[] cms = r.body();

        // Indefinite-length BER: ContentInfo starts 30 80, and five end-of-contents pairs close it.
        assertThat(HexFormat.of().formatHex(cms, 0, 2)).isEqualTo("3080");
        byte[] end = java.util.Arrays.copyOfRange(cms, cms.length - 10, cms.length);
        assertThat(end).containsOnly(0);
        assertThat(HexFormat.of().formatHex(cms)).contains(OAEP_HEX);
        // encryptedContent [0] constructed, indefinite, then 1000-byte OCTET STRING chunks.
        assertThat(chunkSizes(cms)).hasSizeGreaterThan(1).allMatch(n -> n <= 1000);
        List<Integer> chunks = chunkSizes(cms);
        assertThat(chunks.subList(0, chunks.size() - 1)).containsOnly(1000);

        EnvelopedData env = EnvelopedData.getInstance(ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms)).getContent());
        assertThat(env.getVersion().intValueExact()).isZero();
        assertThat(env.getRecipientInfos().size()).isEqualTo(1);
        KeyTransRecipientInfo ktri = (KeyTransRecipientInfo) RecipientInfo.getInstance(env.getRecipientInfos().getObjectAt(0)).getInfo();
        IssuerAndSerialNumber iasn = IssuerAndSerialNumber.getInstance(ktri.getRecipientIdentifier().getId());
        assertThat(iasn.getSerialNumber().getValue()).isEqualTo(keys.certificate().getSerialNumber());
        assertThat(ktri.getEncryptedKey().getOctets()).hasSize(256);
        assertThat(env.getEncryptedContentInfo().getContentEncryptionAlgorithm().getAlgorithm().getId())
                .isEqualTo("2.16.840.1.101.3.4.1.42");

        byte[] zip = decryptAll(cms, keys.privateKey());
        Map<String, byte[]> entries = unzip(zip, StandardCharsets.UTF_8);
        assertThat(entries.keySet()).containsExactly("Vedtak.pdf", "Vedlegg æøå.txt", "Kart.txt");
        int i = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            JsonNode fm = meta.get("filmetadata").get(i++);
            assertThat(fm.get("filnavn").asText()).isEqualTo(e.getKey());
            assertThat(fm.get("sha256hash").asText()).isEqualTo(sha256(e.getValue()));
            assertThat(fm.get("size").asLong()).isEqualTo(e.getValue().length);
        }
        assertThat(new String(entries.get("Vedtak.pdf"), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // general-purpose flag bit 11 (UTF-8 names) is set in the first local header
        assertThat(zip[7] & 0x08).isEqualTo(0x08);
        assertThat(sim.forsendelse(id).orElseThrow().nedlastinger()).isEqualTo(1);
        assertThat(sim.forsendelse(id).orElseThrow().bytesSendt()).isEqualTo(cms.length);
        assertThat(sim.forsendelse(id).orElseThrow().status()).isEqualTo(ForsendelseStatus.KLAR_FOR_MOTTAK);
    }

    @Test
    void barePdfMode() throws Exception {
        byte[] pdf = PdfWriter.onePage("Brev", List.of("Hei"));
        String id = sim.addForsendelse(ForsendelseSpec.builder().id("d1c6d795-0000-4000-8000-000000000000")
                .mottaker(ORG, "F").mode(PayloadMode.BARE_PDF)
                .dokument(Dokument.of("brev.pdf", "application/pdf", null, pdf)).build());
        HttpResponse<byte[]> r = download(id);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"dokument-d1c6d795.pdf\"");
        assertThat(decryptAll(r.body(), keys.privateKey())).isEqualTo(pdf);
    }

    @Test
    void wrongRecipientCertificate() throws Exception {
        String id = sim.addForsendelse(threeDocs().fault(Fault.WRONG_RECIPIENT_CERTIFICATE).build());
        byte[] cms = download(id).body();
        EnvelopedData env = EnvelopedData.getInstance(ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms)).getContent());
        KeyTransRecipientInfo ktri = (KeyTransRecipientInfo) RecipientInfo.getInstance(env.getRecipientInfos().getObjectAt(0)).getInfo();
        assertThat(IssuerAndSerialNumber.getInstance(ktri.getRecipientIdentifier().getId()).getSerialNumber().getValue())
                .isNotEqualTo(keys.certificate().getSerialNumber());
        assertThatThrownBy(() -> decryptAll(cms, keys.privateKey())).isInstanceOf(Exception.class);
    }

    @Test
    void truncatedCiphertextFailsToParse() throws Exception {
        String id = sim.addForsendelse(threeDocs().fault(Fault.TRUNCATED_CIPHERTEXT).build());
        HttpResponse<byte[]> r = download(id);
        assertThat(r.statusCode()).isEqualTo(200);
        byte[] cms = r.body();
        assertThat(java.util.Arrays.copyOfRange(cms, cms.length - 10, cms.length)).isNotEqualTo(new byte[10]);
        assertThatThrownBy(() -> decryptAll(cms, keys.privateKey())).isInstanceOf(Exception.class);
    }

    @Test
    void corruptCiphertextBreaksPaddingEveryTime() throws Exception {
        // Several plaintext lengths so that the flipped byte lands in the last and in the previous chunk.
        for (int len : new int[] {5, 990, 1000, 1990, 2995}) {
            String id = sim.addForsendelse(ForsendelseSpec.builder().mottaker(ORG, "F").mode(PayloadMode.BARE_PDF)
                    .dokument(Dokument.of("a.pdf", "application/pdf", null, new byte[len]))
                    .fault(Fault.CORRUPT_CIPHERTEXT).build());
            byte[] cms = download(id).body();
            assertThatThrownBy(() -> decryptAll(cms, keys.privateKey())).as("length %d", len)
                    .hasStackTraceContaining("pad");
        }
    }

    @Test
    void hashMismatchMissingExtraAndEmptyZip() throws Exception {
        String hash = sim.addForsendelse(threeDocs().id("10000000-0000-4000-8000-000000000001").fault(Fault.HASH_MISMATCH).build());
        JsonNode fm = item(hash).get("filmetadata").get(0);
        byte[] pdf = unzip(decryptAll(download(hash).body(), keys.privateKey()), StandardCharsets.UTF_8).get("Vedtak.pdf");
        assertThat(fm.get("sha256hash").asText()).hasSize(64).isNotEqualTo(sha256(pdf));

        String missing = sim.addForsendelse(threeDocs().id("10000000-0000-4000-8000-000000000002").fault(Fault.MISSING_ZIP_ENTRY).build());
        assertThat(item(missing).get("filmetadata")).hasSize(3);
        assertThat(unzip(decryptAll(download(missing).body(), keys.privateKey()), StandardCharsets.UTF_8).keySet())
                .containsExactly("Vedtak.pdf", "Vedlegg æøå.txt");

        String extra = sim.addForsendelse(threeDocs().id("10000000-0000-4000-8000-000000000003").fault(Fault.EXTRA_ZIP_ENTRY).build());
        assertThat(unzip(decryptAll(download(extra).body(), keys.privateKey()), StandardCharsets.UTF_8).keySet())
                .containsExactly("Vedtak.pdf", "Vedlegg æøå.txt", "Kart.txt", "ekstra-vedlegg.txt");

        String empty = sim.addForsendelse(threeDocs().id("10000000-0000-4000-8000-000000000004").fault(Fault.EMPTY_ZIP).build());
        byte[] zip = decryptAll(download(empty).body(), keys.privateKey());
        assertThat(HexFormat.of().formatHex(zip)).isEqualTo("504b0506" + "00".repeat(18));
    }

    @Test
    void cp437EntryNamesWithoutUtf8Flag() throws Exception {
        String id = sim.addForsendelse(threeDocs().fault(Fault.CP437_ENTRY_NAMES).build());
        byte[] zip = decryptAll(download(id).body(), keys.privateKey());
        assertThat(zip[7] & 0x08).as("UTF-8 flag").isZero();
        String hex = HexFormat.of().formatHex(zip);
        // æ = 0x91 and å = 0x86 as in CP437, ø = 0x9B as in CP865
        assertThat(hex).contains(HexFormat.of().formatHex("Vedlegg ".getBytes(StandardCharsets.US_ASCII)) + "919b86")
                .doesNotContain(HexFormat.of().formatHex("æøå".getBytes(StandardCharsets.UTF_8)));
        assertThat(unzip(zip, Charset.forName("IBM865")).keySet()).contains("Vedlegg æøå.txt");
    }

    @Test
    void jsonFaults() throws Exception {
        String unknown = sim.addForsendelse(threeDocs().id("20000000-0000-4000-8000-000000000001").fault(Fault.UNKNOWN_JSON_FIELDS).build());
        JsonNode u = item(unknown);
        assertThat(u.has("nyttFeltFraKs")).isTrue();
        assertThat(u.get("filmetadata").get(0).has("signeringsstatus")).isTrue();

        AvleverendeMetadata full = new AvleverendeMetadata(1, 2024, 2024, 5, 6, "U", "F",
                java.time.Instant.parse("2024-06-17T07:30:00Z"), java.time.Instant.parse("2024-06-17T07:30:00Z"),
                null, null, Map.of());
        String nulls = sim.addForsendelse(threeDocs().id("20000000-0000-4000-8000-000000000002").avleverende(full)
                .fault(Fault.NULL_METADATA_NUMBERS).build());
        JsonNode n = item(nulls).get("metadataFraAvleverendeSystem");
        assertThat(List.of(n.get("journalaar"), n.get("journalsekvensnummer"), n.get("journalpostnummer")))
                .allMatch(JsonNode::isNull);

        String iso = sim.addForsendelse(threeDocs().id("20000000-0000-4000-8000-000000000003").avleverende(full)
                .date(java.time.Instant.parse("2024-06-17T07:30:00Z")).fault(Fault.DATES_AS_ISO).build());
        JsonNode i = item(iso);
        assertThat(i.get("date").asText()).isEqualTo("2024-06-17T09:30:00.000+02:00");
        assertThat(i.get("metadataFraAvleverendeSystem").get("journaldato").isTextual()).isTrue();

        String millis = sim.addForsendelse(threeDocs().id("20000000-0000-4000-8000-000000000004")
                .forImport(new ImportMetadata(1, 2024, null, null,
                        java.time.OffsetDateTime.parse("2024-06-17T00:00:00+02:00"), null))
                .fault(Fault.IMPORT_DATE_AS_MILLIS).build());
        assertThat(item(millis).get("metadataForImport").get("dokumentetsDato").asLong())
                .isEqualTo(java.time.Instant.parse("2024-06-16T22:00:00Z").toEpochMilli());
    }

    @Test
    void definiteLengthDerOption() throws Exception {
        String id = sim.addForsendelse(threeDocs().fault(Fault.DEFINITE_LENGTH_DER).build());
        byte[] cms = download(id).body();
        assertThat(cms[0]).isEqualTo((byte) 0x30);
        assertThat(cms[1] & 0x80).isEqualTo(0x80);
        assertThat(cms[1]).isNotEqualTo((byte) 0x80);
        assertThat(unzip(decryptAll(cms, keys.privateKey()), StandardCharsets.UTF_8)).hasSize(3);
    }

    @Test
    void slowDownloadIsThrottled() throws Exception {
        String id = sim.addForsendelse(threeDocs().bytesPerSecond(8_000).build());
        long start = System.nanoTime();
        byte[] cms = download(id).body();
        long millis = (System.nanoTime() - start) / 1_000_000;
        // A lower bound only: the throttle guarantees the body cannot arrive faster than its rate.
        assertThat(millis).isGreaterThanOrEqualTo(cms.length * 1000L / 8_000 - 150);
        assertThat(unzip(decryptAll(cms, keys.privateKey()), StandardCharsets.UTF_8)).hasSize(3);
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new java.util.Random(n).nextBytes(b);
        return b;
    }

    /** Sizes of the primitive OCTET STRING chunks inside the constructed, indefinite encryptedContent. */
    static List<Integer> chunkSizes(byte[] cms) throws Exception {
        String hex = HexFormat.of().formatHex(cms);
        // contentEncryptionAlgorithm aes256-CBC, then the IV (04 10 + 16 bytes), then [0] constructed indefinite
        int aes = hex.indexOf("060960864801650304012a") / 2;
        assertThat(aes).isPositive();
        int start = aes + 11 + 18;
        assertThat(HexFormat.of().formatHex(cms, start, start + 2)).isEqualTo("a080");
        start += 2;
        List<Integer> sizes = new ArrayList<>();
        {
            int pos = start;
            while ((cms[pos] & 0xFF) == 0x04) {
                int lenByte = cms[pos + 1] & 0xFF;
                int hdr;
                int len;
                if (lenByte < 0x80) {
                    len = lenByte;
                    hdr = 2;
                } else {
                    int k = lenByte & 0x7F;
                    len = 0;
                    for (int j = 0; j < k; j++) {
                        len = (len << 8) | (cms[pos + 2 + j] & 0xFF);
                    }
                    hdr = 2 + k;
                }
                sizes.add(len);
                pos += hdr + len;
            }
        }
        return sizes;
    }
}
