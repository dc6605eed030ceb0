package no.postmottak.keystore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated key loads back through the normal configuration path and decrypts mail sent to its certificate. */
class SelfSignedKeyGeneratorTest {

    @TempDir
    Path tmp;

    private SelfSignedKeyGenerator.Request request(String subject, int bits) {
        return new SelfSignedKeyGenerator.Request(subject, Duration.ofDays(365), bits, "postmottak",
                "genPass-123".toCharArray(), tmp.resolve("keys/new.p12"), tmp.resolve("keys/new.cert.pem"),
                tmp.resolve("keys/new.csr.pem"));
    }

    @Test
    void generatedKeyLoadsBackAndDecrypts() throws Exception {
        X509Certificate generated = new SelfSignedKeyGenerator().generate(
                request("CN=Postmottak, O=Testkommune, serialNumber=123456789", 2048));
        assertThat(((RSAPublicKey) generated.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(generated.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(364)));
        assertThat(Files.readString(tmp.resolve("keys/new.cert.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
        X509Certificate uploaded;
        try (InputStream in = Files.newInputStream(tmp.resolve("keys/new.cert.pem"))) {
            uploaded = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(uploaded).isEqualTo(generated);
        uploaded.verify(uploaded.getPublicKey());

        KeyEntry entry = KeyEntry.load(KeySource.keystore("gen", "acc", List.of(), tmp.resolve("keys/new.p12"),
                "genPass-123".toCharArray(), null));
        assertThat(entry.problem()).isNull();
        assertThat(entry.info().subject()).contains("CN=Postmottak");
        KeyRing ring = new KeyRing();
        ring.add(entry);
        byte[] data = "Brev til kommunen".getBytes();
        try (InputStream plain = new CmsDecryptor(ring)
                .decrypt(new ByteArrayInputStream(TestPki.encryptSvarUt(data, uploaded)))) {
            assertThat(plain.readAllBytes()).isEqualTo(data);
        }

        try (Reader r = Files.newBufferedReader(tmp.resolve("keys/new.csr.pem")); PEMParser p = new PEMParser(r)) {
            PKCS10CertificationRequest csr = (PKCS10CertificationRequest) p.readObject();
            assertThat(csr.getSubject().toString()).contains("CN=Postmottak");
            assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(uploaded.getPublicKey())))
                    .isTrue();
        }
    }

    @Test
    void refusesWeakKeysAndOverwriting() throws Exception {
        assertThatThrownBy(() -> new SelfSignedKeyGenerator().generate(request("CN=x", 1024)))
                .isInstanceOf(IllegalArgumentException.class);
        Files.createDirectories(tmp.resolve("keys"));
        Files.writeString(tmp.resolve("keys/new.cert.pem"), "existing");
        assertThatThrownBy(() -> new SelfSignedKeyGenerator().generate(request("CN=x", 2048)))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(tmp.resolve("keys/new.cert.pem"))).isEqualTo("existing");
        assertThat(request("CN=x", 2048).toString()).doesNotContain("genPass");
    }
}
