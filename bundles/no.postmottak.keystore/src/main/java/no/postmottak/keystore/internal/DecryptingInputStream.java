package no.postmottak.keystore.internal;

import java.io.IOException;
import java.io.InputStream;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.ShortBufferException;

import no.postmottak.api.keystore.DecryptionException;

/**
 * Plaintext of the CMS content, decrypted with a JDK {@link Cipher} in 64 KiB steps. Replaces
 * {@code javax.crypto.CipherInputStream}, whose 512-byte steps are slow and whose errors are plain IOExceptions:
 * here a bad padding or truncated ciphertext throws {@link DecryptionException}, at the latest at the end.
 * Parser errors become {@code DecryptionException}; failures of the source itself pass through unchanged.
 */
public final class DecryptingInputStream extends InputStream {

    private static final int STEP = 64 * 1024;

    private final InputStream ciphertext;
    private final SourceGuard source;
    private final Cipher cipher;
    private final byte[] in = new byte[STEP];
    private final byte[] out = new byte[STEP + 32];
    private final byte[] one = new byte[1];
    private int pos;
    private int limit;
    private boolean finished;
    private DecryptionException failure;
    private long plaintextBytes;

    DecryptingInputStream(InputStream ciphertext, SourceGuard source, Cipher cipher) {
        this.ciphertext = ciphertext;
        this.source = source;
        this.cipher = cipher;
    }

    /** The JCA provider doing the bulk decryption ("SunJCE" on a normal JDK). */
    public String providerName() {
        return cipher.getProvider().getName();
    }

    /** Plaintext bytes produced so far. */
    public long plaintextBytes() {
        return plaintextBytes;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos == limit) {
            if (failure != null) {
                throw failure; // a broken payload never turns into a clean end of stream
            }
            if (finished) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(out, pos, b, off, n);
        pos += n;
        plaintextBytes += n;
        return n;
    }

    @Override
    public int available() {
        return limit - pos;
    }

    private void fill() throws IOException {
        int n = readCiphertext();
        pos = 0;
        try {
            if (n < 0) {
                finished = true;
                limit = cipher.doFinal(out, 0);
            } else {
                limit = cipher.update(in, 0, n, out, 0);
            }
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            limit = 0;
            failure = new DecryptionException("The encrypted content is corrupt or truncated (" + e.getMessage()
                    + ")");
            throw failure;
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private int readCiphertext() throws IOException {
        try {
            return ciphertext.read(in, 0, in.length);
        } catch (IOException e) {
            if (source.failure() != null) {
                throw e;
            }
            failure = e instanceof DecryptionException d ? d
                    : new DecryptionException("The CMS stream is corrupt or truncated: " + e.getMessage());
            throw failure;
        }
    }

    @Override
    public void close() throws IOException {
        finished = true;
        pos = limit;
        source.close();
    }
}
