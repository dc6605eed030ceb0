package no.postmottak.keystore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.postmottak.testfixtures.SvarInnFixtures;

/** Key sources: PKCS#12 (modern and legacy), JKS, PEM in all forms, and every way a configuration can be wrong. */
class KeyLoaderTest {

    private static final String SECRET = "s3cr3t-Passw0rd";

    @TempDir
    Path tmp;

    private static KeyPair pair;
    private static X509Certificate cert;

    @BeforeAll
    static void keys() throws Exception {
        pair = TestPki.rsa();
        cert = TestPki.selfSigned(pair, "CN=Loader test", 42);
    }

    private static KeyEntry load(KeySource source) {
        KeyEntry entry = KeyEntry.load(source);
        assertThat(entry.toString()).doesNotContain(SECRET).doesNotContain("changeit").doesNotContain("test1234");
        assertThat(entry.info().toString()).doesNotContain(SECRET).doesNotContain("changeit");
        assertThat(source.toString()).doesNotContain(SECRET).doesNotContain("changeit").doesNotContain("test1234");
        return entry;
    }

    private static KeySource store(Path file, String password, String alias) {
        return KeySource.keystore("cfg", "acc", List.of("910229028"), file, password.toCharArray(), alias);
    }

    @Test
    void legacyPkcs12AndJksFromKryptering() {
        for (String file : List.of("kryptering/keystore.p12", "kryptering/keystore.jks")) {
            KeyEntry entry = load(store(SvarInnFixtures.path(file), "test1234", "kryptering"));
            assertThat(entry.problem()).as(file).isNull();
            assertThat(entry.info().serialHex()).isEqualTo("8242EA7DEE5BD4A5");
            assertThat(entry.info().subject()).contains("CN=kryptering");
        }
    }

    @Test
    void somdalenStoresWithoutAlias() {
        KeyEntry entry = load(store(SvarInnFixtures.path("efm-ks-svarut/somdalen.jks"), "changeit", null));
        assertThat(entry.problem()).isNull();
        assertThat(entry.info().serialHex()).isEqualTo("526A935A");
        assertThat(entry.info().orgnrs()).containsExactly("910229028");
        assertThat(entry.info().subject()).contains("Sømådalen");
        assertThat(entry.info().alias()).isEqualTo("somdalen");
    }

    @Test
    void wrongPasswordIsClearAndSecretFree() {
        for (String file : List.of("efm-fiks-meldingsformidler/somdalen.p12", "efm-ks-svarut/somdalen.jks",
                "kryptering/keystore.p12")) {
            KeyEntry entry = load(store(SvarInnFixtures.path(file), SECRET, null));
            assertThat(entry.problem()).as(file).containsIgnoringCase("wrong password").doesNotContain(SECRET);
            assertThat(entry.info().usable()).isFalse();
        }
    }

    @Test
    void missingAliasAndMissingFile() {
        assertThat(load(store(SvarInnFixtures.path("efm-ks-svarut/somdalen.jks"), "changeit", "nope")).problem())
                .contains("Alias 'nope' not found").contains("somdalen");
        assertThat(load(store(tmp.resolve("absent.p12"), "x", null)).problem()).contains("not found");
    }

    @Test
    void severalKeysNeedAnAlias() throws Exception {
        KeyPair other = TestPki.rsa();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("a", pair.getPrivate(), SECRET.toCharArray(), new Certificate[] {cert});
        ks.setKeyEntry("b", other.getPrivate(), SECRET.toCharArray(),
                new Certificate[] {TestPki.selfSigned(other, "CN=b", 2)});
        Path file = tmp.resolve("two.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, SECRET.toCharArray());
        }
        assertThat(load(store(file, SECRET, null)).problem()).contains("2 key entries").contains("keystore.alias");
        assertThat(load(store(file, SECRET, "b")).info().subject()).isEqualTo("CN=b");
    }

    @Test
    void pemPkcs1Pkcs8AndEncryptedPkcs8() throws Exception {
        Path certFile = TestPki.writePem(tmp.resolve("cert.pem"), cert);
        Path pkcs1 = TestPki.writePem(tmp.resolve("pkcs1.pem"), pair.getPrivate()); // JcaPEMWriter: RSA PRIVATE KEY
        Path pkcs8 = TestPki.writePem(tmp.resolve("pkcs8.pem"), new JcaPKCS8Generator(pair.getPrivate(), null));
        Path encrypted = TestPki.writePem(tmp.resolve("enc.pem"), new JcaPKCS8Generator(pair.getPrivate(),
                new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(new BouncyCastleProvider())
                        .setPassword(SECRET.toCharArray()).build()));
        assertThat(Files.readString(pkcs1)).contains("BEGIN RSA PRIVATE KEY");
        assertThat(Files.readString(pkcs8)).contains("BEGIN PRIVATE KEY");
        assertThat(Files.readString(encrypted)).contains("BEGIN ENCRYPTED PRIVATE KEY");

        for (Path key : List.of(pkcs1, pkcs8)) {
            assertThat(load(KeySource.pem("p", "", List.of(), key, null, certFile)).problem()).isNull();
        }
        KeyEntry ok = load(KeySource.pem("p", "", List.of(), encrypted, SECRET.toCharArray(), certFile));
        assertThat(ok.problem()).isNull();
        assertThat(((RSAPrivateCrtKey) ok.key().orElseThrow().privateKey()).getModulus())
                .isEqualTo(((RSAPrivateCrtKey) pair.getPrivate()).getModulus());
        assertThat(load(KeySource.pem("p", "", List.of(), encrypted, "wrong".toCharArray(), certFile)).problem())
                .contains("wrong pem.passphrase");
        assertThat(load(KeySource.pem("p", "", List.of(), encrypted, null, certFile)).problem())
                .contains("set pem.passphrase");
    }

    @Test
    void certificateMustBelongToTheKey() throws Exception {
        Path otherCert = TestPki.writePem(tmp.resolve("other.pem"), TestPki.selfSigned(TestPki.rsa(), "CN=o", 1));
        Path key = TestPki.writePem(tmp.resolve("k.pem"), pair.getPrivate());
        assertThat(load(KeySource.pem("p", "", List.of(), key, null, otherCert)).problem()).contains("mismatch");
        assertThat(load(KeySource.pem("p", "", List.of(), key, null, null)).problem())
                .contains("pem.certificate.file is required");
        assertThat(load(KeySource.pem("p", "", List.of(), SvarInnFixtures.path("svarut-sak-mottak/sp-key.pem"), null,
                SvarInnFixtures.root().resolve("efm-ks-svarut/../svarut-sak-mottak/sp-cert.pem"))).problem()).isNull();
    }

    @Test
    void exactlyOneSourceKind() {
        assertThat(load(new KeySource("x", "", List.of(), null, null, null, null, null, null)).problem())
                .contains("exactly one");
    }

    @Test
    void keyInfoShowsCertificateData() throws Exception {
        Path p12 = TestPki.writePkcs12(tmp.resolve("k.p12"), "mykey", pair, cert, SECRET.toCharArray());
        KeyEntry entry = load(store(p12, SECRET, null));
        assertThat(entry.info()).satisfies(info -> {
            assertThat(info.alias()).isEqualTo("mykey");
            assertThat(info.subject()).isEqualTo("CN=Loader test");
            assertThat(info.issuer()).isEqualTo("CN=Loader test");
            assertThat(info.serialHex()).isEqualTo("2A");
            assertThat(info.notAfter()).isEqualTo(cert.getNotAfter().toInstant());
            assertThat(info.account()).isEqualTo("acc");
            assertThat(info.usable()).isTrue();
        });
    }
}
