package no.postmottak.api.keystore;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Holds our RSA private keys and decrypts CMS EnvelopedData with them. The key is chosen by the CMS recipient
 * (issuer and serial number, or subject key identifier), so several keys may be active at once (certificate
 * rollover).
 */
@ProviderType
public interface KeyStoreService {

    /**
     * Starts decrypting a CMS EnvelopedData stream (BER or DER, as SvarUt produces it). Reads only the header before
     * returning; the plaintext is produced as the returned stream is read, in constant memory. The returned stream
     * throws {@link DecryptionException} if the ciphertext turns out corrupt or truncated, at the latest at its end,
     * so a consumer must read to the end before trusting the content. Closing it closes {@code cms}.
     *
     * @throws NoKeyForRecipientException when no configured key matches the recipient (our configuration problem)
     * @throws DecryptionException        when the stream is not CMS EnvelopedData or cannot be decrypted
     */
    InputStream decrypt(InputStream cms) throws IOException;

    /** The configured keys, including broken configurations with their reason. Never reveals key material. */
    List<KeyInfo> keys();
}
