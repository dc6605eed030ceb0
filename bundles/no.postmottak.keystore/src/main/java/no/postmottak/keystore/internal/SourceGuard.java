package no.postmottak.keystore.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers whether the source itself failed, so that a network error is passed on as what it is and only parser
 * errors become {@code DecryptionException}s (a corrupt payload is the sender's problem, a dropped connection is not).
 */
final class SourceGuard extends FilterInputStream {

    private IOException failure;

    SourceGuard(InputStream in) {
        super(in);
    }

    /** The source's own exception, or null when it has not failed. */
    IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }
}
