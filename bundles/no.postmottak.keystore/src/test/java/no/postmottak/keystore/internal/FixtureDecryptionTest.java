package no.postmottak.keystore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.cms.CMSEnvelopedDataParser;
import org.bouncycastle.cms.KeyTransRecipientId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import no.postmottak.api.keystore.NoKeyForRecipientException;
import no.postmottak.testfixtures.SvarInnFixtures;

/** Every published SvarInn fixture decrypts with its published key to the size and SHA-256 its README states. */
class FixtureDecryptionTest {

    @TempDir
    Path tmp;

    private static KeySource spKey() {
        return KeySource.pem("sp", "sak", List.of(), SvarInnFixtures.path("svarut-sak-mottak/sp-key.pem"), null,
                SvarInnFixtures.path("svarut-sak-mottak/sp-cert.pem"));
    }

    private static KeySource somdalen(String store) {
        return KeySource.keystore("somdalen-" + store, "efm", List.of("910229028"), SvarInnFixtures.path(store),
                "changeit".toCharArray(), null);
    }

    @ParameterizedTest
    @CsvSource({
        "svarut-sak-mottak/small.crypt, sp, 3151, 8b628fc6410a8617083a6a265c4d9ac6c8f501aa378d8137e9aae0403db95d39",
        "svarut-sak-mottak/dokumenter.crypt, sp, 1776, 9a71850e8f9e4e0269b37caf8640bca85d4f56147b9e3cae0e8b07b6f98d80a0",
        "svarut-sak-mottak/test.crypt, sp, 3183789, 2c36b627f6160abe2ad5c625c90e24185055c6c1557adc4bb94922d5b6204868",
        "efm-ks-svarut/somdalen-dokumenter-ae68b33d.zip, efm-fiks-meldingsformidler/somdalen.p12, 248, "
                + "6a83244caebca5728ea03a6ad62cb86bab0ed9239f16b4a393f48dfe3c92de0f",
        "efm-ks-svarut/somdalen-dokumenter-ae68b33d.zip, efm-ks-svarut/somdalen.jks, 248, "
                + "6a83244caebca5728ea03a6ad62cb86bab0ed9239f16b4a393f48dfe3c92de0f",
        "efm-ks-svarut/empty_encrypted_svarinnfiles.zip, efm-fiks-meldingsformidler/somdalen.p12, 22, "
                + "8739c76e681f900923b900c9df0ef75cf421d39cabb54650c4b9ad19b6a76d85",
        "efm-ks-svarut/empty_encrypted_svarinnfiles.zip, efm-ks-svarut/somdalen.jks, 22, "
                + "8739c76e681f900923b900c9df0ef75cf421d39cabb54650c4b9ad19b6a76d85",
    })
    void fixtureDecryptsToPublishedPlaintext(String fixture, String key, long size, String sha256) throws Exception {
        KeyEntry entry = KeyEntry.load(key.equals("sp") ? spKey() : somdalen(key));
        assertThat(entry.problem()).isNull();
        assertDecrypts(fixture, entry, size, sha256);
    }

    @Test
    void kryptertPdfDecryptsWithReconstructedCertificate() throws Exception {
        Path cms = SvarInnFixtures.path("dekrypter/kryptert.pdf.crypt");
        KeyTransRecipientId rid;
        try (InputStream in = Files.newInputStream(cms)) {
            rid = (KeyTransRecipientId) new CMSEnvelopedDataParser(in).getRecipientInfos().iterator().next().getRID();
        }
        assertThat(rid.getSerialNumber().toString(16)).isEqualToIgnoringCase("85237A2E1F9D120D");
        Path keyFile = SvarInnFixtures.path("dekrypter/privatekey.pem");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) PemKeyReader.readKey(keyFile, new char[0]);
        PublicKey pub = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        // The certificate the sender used: issuer DN and serial as the CMS names them, signed by this key.
        Path cert = TestPki.writePem(tmp.resolve("gd.pem"),
                TestPki.certificate(rid.getIssuer(), rid.getSerialNumber(), pub, key, Duration.ofDays(30)));

        KeyEntry entry = KeyEntry.load(KeySource.pem("gd", "", List.of(), keyFile, null, cert));
        assertThat(entry.problem()).isNull();
        assertDecrypts("dekrypter/kryptert.pdf.crypt", entry, 3820,
                "29a1cb78c0f5e76a2dd86f60361abd0d6abcc104296b7d4d69359fa0b7749569");
    }

    @Test
    void idCryptHasNoKeyAndNamesIssuerAndSerial() throws Exception {
        KeyRing ring = new KeyRing();
        ring.add(KeyEntry.load(spKey()));
        ring.add(KeyEntry.load(somdalen("efm-fiks-meldingsformidler/somdalen.p12")));
        try (InputStream in = Files.newInputStream(SvarInnFixtures.path("svarut-sak-mottak/id.crypt"))) {
            assertThatThrownBy(() -> new CmsDecryptor(ring).decrypt(in))
                    .isInstanceOf(NoKeyForRecipientException.class)
                    .hasMessageContaining("issuer=C=Unknown,ST=Unknown,L=Unknown,O=Unknown,OU=Unknown,CN=Unknown")
                    .hasMessageContaining("serial=3302B7BB")
                    .extracting(e -> ((NoKeyForRecipientException) e).recipient())
                    .isEqualTo("issuer=C=Unknown,ST=Unknown,L=Unknown,O=Unknown,OU=Unknown,CN=Unknown, "
                            + "serial=3302B7BB");
        }
    }

    @Test
    void contentCipherIsTheJdksSunJce() throws Exception {
        KeyRing ring = new KeyRing();
        ring.add(KeyEntry.load(spKey()));
        try (InputStream in = Files.newInputStream(SvarInnFixtures.path("svarut-sak-mottak/small.crypt"));
             DecryptingInputStream plain = new CmsDecryptor(ring).decrypt(in)) {
            assertThat(plain.providerName()).isEqualTo("SunJCE");
        }
    }

    private static void assertDecrypts(String fixture, KeyEntry entry, long size, String sha256) throws Exception {
        KeyRing ring = new KeyRing();
        ring.add(entry);
        try (InputStream in = Files.newInputStream(SvarInnFixtures.path(fixture));
             InputStream plain = new CmsDecryptor(ring).decrypt(in)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            long read = 0;
            for (int n; (n = plain.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                read += n;
            }
            assertThat(read).isEqualTo(size);
            assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(sha256);
        }
    }
}
