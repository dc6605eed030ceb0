package no.postmottak.keystore.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Makes a new receiver key: an RSA key pair in a PKCS#12 file with a self-signed certificate, plus the certificate
 * as PEM (what is uploaded to SvarUt's admin page) and optionally a CSR. All crypto runs on JDK providers; Bouncy
 * Castle only builds and encodes the ASN.1. Never overwrites an existing file.
 */
public final class SelfSignedKeyGenerator {

    /** What to generate. {@code csrFile} may be null. */
    public record Request(String subject, Duration validity, int keySize, String alias, char[] password,
                          Path keystoreFile, Path certificateFile, Path csrFile) {

        @Override
        public String toString() {
            return "Request[subject=" + subject + ", validity=" + validity + ", keySize=" + keySize + ", alias="
                    + alias + ", keystore=" + keystoreFile + ", certificate=" + certificateFile + ", csr=" + csrFile
                    + ", password=***]";
        }
    }

    private final SecureRandom random = new SecureRandom();

    public X509Certificate generate(Request request) throws IOException, GeneralSecurityException {
        if (request.keySize() < 2048) {
            throw new IllegalArgumentException("RSA-nøkler må ha minst 2048 bit");
        }
        if (request.password() == null || request.password().length == 0) {
            throw new IllegalArgumentException("Nøkkellageret må ha et passord");
        }
        X500Name subject = new X500Name(request.subject());
        for (Path p : new Path[] {request.keystoreFile(), request.certificateFile(), request.csrFile()}) {
            if (p != null && Files.exists(p)) {
                throw new FileAlreadyExistsException(p.toString(), null, "refusing to overwrite");
            }
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(request.keySize(), random);
        KeyPair pair = generator.generateKeyPair();
        X509Certificate certificate = selfSign(subject, pair, request.validity());

        writeKeystore(request, pair, certificate);
        writePem(request.certificateFile(), certificate);
        if (request.csrFile() != null) {
            writePem(request.csrFile(), new JcaPKCS10CertificationRequestBuilder(subject, pair.getPublic())
                    .build(signer(pair)));
        }
        return certificate;
    }

    private X509Certificate selfSign(X500Name subject, KeyPair pair, Duration validity)
            throws GeneralSecurityException {
        Instant now = Instant.now();
        BigInteger serial = new BigInteger(63, random).add(BigInteger.ONE);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject,
                    pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyEncipherment | KeyUsage.dataEncipherment))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(pair.getPublic()));
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(pair)));
        } catch (IOException e) {
            throw new GeneralSecurityException("Cannot build certificate: " + e.getMessage(), e);
        }
    }

    private static ContentSigner signer(KeyPair pair) throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot sign: " + e.getMessage(), e);
        }
    }

    private static void writeKeystore(Request request, KeyPair pair, X509Certificate certificate)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(request.alias(), pair.getPrivate(), request.password(), new Certificate[] {certificate});
        Path target = request.keystoreFile().toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".keygen", ".tmp");
        try {
            restrictToOwner(tmp);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                store.store(out, request.password());
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: rely on the folder's permissions
        }
    }

    private static void writePem(Path file, Object object) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.US_ASCII,
                java.nio.file.StandardOpenOption.CREATE_NEW);
             JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(object);
        }
    }
}
