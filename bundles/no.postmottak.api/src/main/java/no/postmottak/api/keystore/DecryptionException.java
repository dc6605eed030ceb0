package no.postmottak.api.keystore;

import java.io.IOException;

/**
 * A CMS payload could not be decrypted: not CMS, corrupt, truncated or not decryptable with our key. An
 * {@link IOException} because it can surface while the plaintext stream is read. Never carries key material.
 */
public class DecryptionException extends IOException {

    private static final long serialVersionUID = 1L;

    public DecryptionException(String message) {
        super(message);
    }

    public DecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
