package no.postmottak.keystore.internal;

import java.security.GeneralSecurityException;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import no.postmottak.api.keystore.DecryptionException;

/** Builds the JDK (SunJCE) cipher for the CMS content: AES-CBC with PKCS#7 padding and the IV from the header. */
final class ContentCipher {

    private static final Map<ASN1ObjectIdentifier, Integer> AES_CBC_KEY_BYTES = Map.of(
            NISTObjectIdentifiers.id_aes128_CBC, 16,
            NISTObjectIdentifiers.id_aes192_CBC, 24,
            NISTObjectIdentifiers.id_aes256_CBC, 32);

    private ContentCipher() {
    }

    static Cipher create(AlgorithmIdentifier algorithm, byte[] key) throws DecryptionException {
        Integer keyBytes = AES_CBC_KEY_BYTES.get(algorithm.getAlgorithm());
        if (keyBytes == null) {
            throw new DecryptionException("Unsupported content encryption algorithm " + algorithm.getAlgorithm()
                    + " (expected AES-CBC)");
        }
        if (key.length != keyBytes) {
            throw new DecryptionException("Content key has " + key.length + " bytes, the algorithm needs " + keyBytes
                    + ": wrong key or damaged payload");
        }
        byte[] iv;
        try {
            iv = ASN1OctetString.getInstance(algorithm.getParameters()).getOctets();
        } catch (RuntimeException e) {
            throw new DecryptionException("The AES-CBC parameters hold no IV");
        }
        if (iv.length != 16) {
            throw new DecryptionException("The AES-CBC IV has " + iv.length + " bytes, expected 16");
        }
        try {
            Cipher cipher = JdkCiphers.cipher("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("Cannot initialise AES-CBC: " + e.getClass().getSimpleName());
        }
    }
}
