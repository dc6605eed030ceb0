package no.postmottak.keystore.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test keys, certificates and payloads encrypted exactly as SvarUt (KS kryptering) does. */
public final class TestPki {

    private TestPki() {
    }

    public static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** A certificate for {@code publicKey} with the given issuer and serial, signed by {@code signer}. */
    public static X509Certificate certificate(X500Name issuer, BigInteger serial, PublicKey publicKey,
                                              PrivateKey signer, Duration validity) throws Exception {
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(issuer, serial,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(validity)), issuer, publicKey)
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    }

    public static X509Certificate selfSigned(KeyPair pair, String dn, long serial) throws Exception {
        return certificate(new X500Name(dn), BigInteger.valueOf(serial), pair.getPublic(), pair.getPrivate(),
                Duration.ofDays(365));
    }

    /** The recipient generator KS kryptering uses: OAEP SHA-256/MGF1-SHA-256, which encodes explicit NULLs. */
    static JceKeyTransRecipientInfoGenerator svarUtRecipient(X509Certificate certificate) throws Exception {
        AlgorithmIdentifier oaep = new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(
                PKCSObjectIdentifiers.id_RSAES_OAEP,
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        return new JceKeyTransRecipientInfoGenerator(certificate, oaep);
    }

    /** Streams {@code plaintext} into {@code out} as SvarUt does: BER indefinite length, 1000-byte chunks. */
    public static void encryptSvarUt(InputStream plaintext, X509Certificate certificate, OutputStream out)
            throws Exception {
        CMSEnvelopedDataStreamGenerator generator = new CMSEnvelopedDataStreamGenerator();
        generator.addRecipientInfoGenerator(svarUtRecipient(certificate));
        try (OutputStream encrypting = generator.open(out,
                new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).build())) {
            plaintext.transferTo(encrypting);
        }
    }

    public static byte[] encryptSvarUt(byte[] plaintext, X509Certificate certificate) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encryptSvarUt(new java.io.ByteArrayInputStream(plaintext), certificate, out);
        return out.toByteArray();
    }

    /** The same content as definite-length DER. */
    public static byte[] encryptDer(byte[] plaintext, X509Certificate certificate) throws Exception {
        CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
        generator.addRecipientInfoGenerator(svarUtRecipient(certificate));
        byte[] ber = generator.generate(new CMSProcessableByteArray(plaintext),
                new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).build()).getEncoded();
        return ASN1Primitive.fromByteArray(ber).getEncoded(ASN1Encoding.DER);
    }

    public static Path writePem(Path file, Object object) throws IOException {
        try (Writer w = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(object);
        }
        return file;
    }

    public static Path writePkcs12(Path file, String alias, KeyPair pair, X509Certificate cert, char[] password)
            throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, pair.getPrivate(), password, new Certificate[] {cert});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }
}
