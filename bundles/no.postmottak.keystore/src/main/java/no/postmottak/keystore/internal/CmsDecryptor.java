package no.postmottak.keystore.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Cipher;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientIdentifier;
import org.bouncycastle.cms.KeyTransRecipientId;
import org.bouncycastle.util.encoders.Hex;

import no.postmottak.api.keystore.DecryptionException;
import no.postmottak.api.keystore.NoKeyForRecipientException;

/**
 * Streaming decryption of CMS EnvelopedData as SvarUt produces it. {@link CmsHeader} walks the framing and lets
 * Bouncy Castle decode the recipient infos; the RSA key transport and the bulk AES run on JDK (SunJCE) ciphers.
 * The key is chosen by the recipient the CMS names, never by trial.
 */
final class CmsDecryptor {

    private final KeyRing keys;

    CmsDecryptor(KeyRing keys) {
        this.keys = keys;
    }

    /** Reads the header and returns the plaintext stream; see {@code KeyStoreService#decrypt}. */
    DecryptingInputStream decrypt(InputStream cms) throws IOException {
        SourceGuard source = new SourceGuard(cms);
        try {
            CmsHeader header = readHeader(source);
            List<String> names = new ArrayList<>();
            for (KeyTransRecipientInfo recipient : header.recipients()) {
                KeyTransRecipientId id = recipientId(recipient);
                String name = describe(id);
                names.add(name);
                Optional<LoadedKey> key = keys.find(id);
                if (key.isPresent()) {
                    byte[] contentKey = ContentKeyUnwrapper.unwrap(key.get().privateKey(),
                            recipient.getKeyEncryptionAlgorithm(), recipient.getEncryptedKey().getOctets(), name);
                    Cipher cipher = ContentCipher.create(header.contentAlgorithm(), contentKey);
                    Arrays.fill(contentKey, (byte) 0);
                    return new DecryptingInputStream(header.ciphertext(), source, cipher);
                }
            }
            throw new NoKeyForRecipientException(String.join("; ", names));
        } catch (IOException e) {
            closeQuietly(source);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(source);
            throw new DecryptionException("Corrupt CMS recipient info: " + e.getMessage());
        }
    }

    private static CmsHeader readHeader(SourceGuard source) throws IOException {
        try {
            return CmsHeader.read(source);
        } catch (DecryptionException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (source.failure() != null) {
                throw source.failure();
            }
            throw new DecryptionException("Not a readable CMS EnvelopedData stream: " + e.getMessage());
        }
    }

    static KeyTransRecipientId recipientId(KeyTransRecipientInfo recipient) throws DecryptionException {
        RecipientIdentifier rid = recipient.getRecipientIdentifier();
        if (rid.isTagged()) {
            return new KeyTransRecipientId(ASN1OctetString.getInstance(rid.getId()).getOctets());
        }
        IssuerAndSerialNumber issuerAndSerial = IssuerAndSerialNumber.getInstance(rid.getId());
        return new KeyTransRecipientId(issuerAndSerial.getName(), issuerAndSerial.getSerialNumber().getValue());
    }

    /** "issuer=…, serial=…" (serial in upper-case hex) or "subjectKeyIdentifier=…". */
    static String describe(KeyTransRecipientId id) {
        if (id.getIssuer() != null) {
            return "issuer=" + id.getIssuer() + ", serial=" + id.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        }
        return "subjectKeyIdentifier=" + Hex.toHexString(id.getSubjectKeyIdentifier()).toUpperCase(Locale.ROOT);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the decryption error is what the caller needs to see
        }
    }
}
