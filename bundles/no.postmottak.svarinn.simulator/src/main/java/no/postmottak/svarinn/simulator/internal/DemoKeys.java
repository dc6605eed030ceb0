package no.postmottak.svarinn.simulator.internal;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Receiver key material for demos and tests: self-signed RSA-2048 certificates as in KS's README, PEM I/O. */
public final class DemoKeys {
    private DemoKeys() {
    }

    /** A private key with its self-signed certificate. */
    public record KeyAndCertificate(PrivateKey privateKey, X509Certificate certificate) {
        @Override
        public String toString() {
            return "KeyAndCertificate[" + certificate.getSubjectX500Principal() + "]";
        }
    }

    /**
     * @param dn subject (= issuer) DN
     * @return a fresh RSA-2048 key and a self-signed certificate valid for 10 years
     */
    public static KeyAndCertificate generate(String dn) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048, new SecureRandom());
            KeyPair kp = gen.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name(dn);
            var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(63, new SecureRandom()).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                    kp.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new KeyAndCertificate(kp.getPrivate(), cert);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate demo key pair: " + e.getMessage(), e);
        }
    }

    /**
     * @param pem a PEM (or DER) X.509 certificate file
     * @return the certificate
     * @throws IOException if unreadable or not a certificate
     */
    public static X509Certificate readCertificate(Path pem) throws IOException {
        try (var in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException e) {
            throw new IOException("not an X.509 certificate: " + pem + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code receiver-key.pem} (PKCS#8, unencrypted: demo only) and {@code receiver-cert.pem}. */
    public static void writePem(KeyAndCertificate kc, Path dir) throws IOException {
        Files.createDirectories(dir);
        write(kc.privateKey(), dir.resolve("receiver-key.pem"));
        write(kc.certificate(), dir.resolve("receiver-cert.pem"));
    }

    private static void write(Object o, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(o instanceof PrivateKey k ? new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY",
                    k.getEncoded()) : o);
        }
    }
}
