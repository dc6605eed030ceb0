package no.postmottak.keystore.internal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import no.postmottak.api.keystore.DecryptionException;

/**
 * Decrypts the content-encryption key of a KeyTransRecipientInfo with the JDK's RSA cipher: RSA-OAEP with the hash,
 * MGF1 hash and label the RecipientInfo names (SvarUt: SHA-256/MGF1-SHA-256, explicit NULL hash parameters), or
 * PKCS#1 v1.5.
 */
final class ContentKeyUnwrapper {

    private static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            OIWObjectIdentifiers.idSHA1, "SHA-1",
            NISTObjectIdentifiers.id_sha224, "SHA-224",
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private ContentKeyUnwrapper() {
    }

    static byte[] unwrap(PrivateKey key, AlgorithmIdentifier algorithm, byte[] encryptedKey, String recipient)
            throws DecryptionException {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        try {
            Cipher rsa;
            if (PKCSObjectIdentifiers.id_RSAES_OAEP.equals(oid)) {
                rsa = JdkCiphers.cipher("RSA/ECB/OAEPPadding");
                rsa.init(Cipher.DECRYPT_MODE, key, oaepSpec(algorithm));
            } else if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
                rsa = JdkCiphers.cipher("RSA/ECB/PKCS1Padding");
                rsa.init(Cipher.DECRYPT_MODE, key);
            } else {
                throw new DecryptionException("Unsupported key encryption algorithm " + oid + " for " + recipient);
            }
            return rsa.doFinal(encryptedKey);
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("Cannot decrypt the content key for " + recipient
                    + ": the private key does not fit, or the payload is damaged (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    private static OAEPParameterSpec oaepSpec(AlgorithmIdentifier algorithm) throws DecryptionException {
        RSAESOAEPparams params = algorithm.getParameters() == null
                ? new RSAESOAEPparams() : RSAESOAEPparams.getInstance(algorithm.getParameters());
        String digest = digest(params.getHashAlgorithm());
        AlgorithmIdentifier mgf = params.getMaskGenAlgorithm();
        if (!PKCSObjectIdentifiers.id_mgf1.equals(mgf.getAlgorithm())) {
            throw new DecryptionException("Unsupported OAEP mask generation function " + mgf.getAlgorithm());
        }
        String mgfDigest = digest(AlgorithmIdentifier.getInstance(mgf.getParameters()));
        byte[] label = ASN1OctetString.getInstance(params.getPSourceAlgorithm().getParameters()).getOctets();
        return new OAEPParameterSpec(digest, "MGF1", new MGF1ParameterSpec(mgfDigest), new PSource.PSpecified(label));
    }

    private static String digest(AlgorithmIdentifier algorithm) throws DecryptionException {
        String name = DIGESTS.get(algorithm.getAlgorithm());
        if (name == null) {
            throw new DecryptionException("Unsupported OAEP digest " + algorithm.getAlgorithm());
        }
        return name;
    }
}
