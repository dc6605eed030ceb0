package no.postmottak.svarinn.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputEncryptor;

/**
 * CMS EnvelopedData exactly as SvarUt writes it (spec §7.1, KS {@code CMSKrypteringImpl}): one
 * KeyTransRecipientInfo by issuer and serial, RSA-OAEP with SHA-256/MGF1-SHA-256 whose hash identifiers carry an
 * explicit NULL (the 62-byte identifier of the real fixtures), AES-256-CBC, indefinite-length BER with 1000-byte
 * OCTET STRING chunks.
 */
final class CmsEncryption {
    private static final AlgorithmIdentifier SHA256 =
            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);
    /** RSAES-OAEP(SHA-256, MGF1(SHA-256), default pSource) with NULL hash parameters. */
    static final AlgorithmIdentifier OAEP_SHA256 = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP,
            new RSAESOAEPparams(SHA256, new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, SHA256),
                    RSAESOAEPparams.DEFAULT_P_SOURCE_ALGORITHM));
    /** The five indefinite-length levels each end with 00 00. */
    static final int TRAILING_END_OF_CONTENTS = 10;
    static final int CHUNK = 1000;

    CmsEncryption() {
        // The JDK's own providers (SunJCE, SunRsaSign) do AES-CBC and RSA-OAEP; no BouncyCastle provider is needed
        // (its construction costs a few hundred ms per simulator and JDK-8168469 warns against registering many).
    }

    /** @return a stream that encrypts into {@code out}; closing it writes the end-of-contents, not closing out */
    OutputStream open(OutputStream out, X509Certificate recipient) throws IOException {
        try {
            CMSEnvelopedDataStreamGenerator gen = new CMSEnvelopedDataStreamGenerator();
            gen.setBufferSize(CHUNK);
            gen.addRecipientInfoGenerator(recipientInfo(recipient));
            return gen.open(out, encryptor());
        } catch (CMSException | CertificateEncodingException e) {
            throw new IOException("cannot set up CMS encryption: " + e.getMessage(), e);
        }
    }

    /** Definite-length DER variant; holds the whole plaintext in memory. */
    byte[] encryptDer(byte[] plaintext, X509Certificate recipient) throws IOException {
        try {
            CMSEnvelopedDataGenerator gen = new CMSEnvelopedDataGenerator();
            gen.addRecipientInfoGenerator(recipientInfo(recipient));
            return gen.generate(new CMSProcessableByteArray(plaintext), encryptor())
                    .toASN1Structure().getEncoded(ASN1Encoding.DER);
        } catch (CMSException | CertificateEncodingException e) {
            throw new IOException("cannot encrypt: " + e.getMessage(), e);
        }
    }

    private JceKeyTransRecipientInfoGenerator recipientInfo(X509Certificate recipient)
            throws CertificateEncodingException {
        return new JceKeyTransRecipientInfoGenerator(recipient, OAEP_SHA256);
    }

    private OutputEncryptor encryptor() throws CMSException {
        return new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).build();
    }

    /** @return the AES-CBC/PKCS#7 ciphertext length for a plaintext length */
    static long cipherLength(long plaintextLength) {
        return (plaintextLength / 16 + 1) * 16;
    }

    /**
     * @param cipherLength total ciphertext length
     * @param k            ciphertext offset (0-based)
     * @return how many bytes of the CMS stream follow ciphertext byte {@code k}
     */
    static long bytesAfterCipherByte(long cipherLength, long k) {
        long last = cipherLength - CHUNK * ((cipherLength - 1) / CHUNK);
        long after = cipherLength - 1 - k + TRAILING_END_OF_CONTENTS;
        if (k < cipherLength - last) {
            after += last < 128 ? 2 : last < 256 ? 3 : 4; // header of the last OCTET STRING chunk
        }
        return after;
    }
}
