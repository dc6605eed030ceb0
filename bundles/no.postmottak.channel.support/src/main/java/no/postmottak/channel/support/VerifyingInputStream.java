package no.postmottak.channel.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * Computes the SHA-256 and size of a document while it streams and compares them with what the sender announced
 * when the stream ends. Under the strict policy a mismatch throws there, before the inbox commits; otherwise it is
 * reported as a warning. Also stops a document that grows past its budget (zip bomb).
 */
public final class VerifyingInputStream extends FilterInputStream {

    private final String fileName;
    private final long expectedSize;
    private final String expectedSha256;
    private final boolean strict;
    private final Consumer<String> warnings;
    private final ByteBudget budget;
    private final MessageDigest sha256;
    private long size;
    private boolean verified;

    /**
     * @param expectedSize   the announced size, or -1 when unknown
     * @param expectedSha256 the announced SHA-256 (hex), or null when unknown
     * @param strict         whether a mismatch throws (else it is a warning)
     */
    public VerifyingInputStream(InputStream in, String fileName, long expectedSize, String expectedSha256, boolean strict,
                         Consumer<String> warnings, ByteBudget budget) {
        super(in);
        this.fileName = fileName;
        this.expectedSize = expectedSize;
        this.expectedSha256 = expectedSha256 == null || expectedSha256.isBlank() ? null
                : expectedSha256.trim().toLowerCase(java.util.Locale.ROOT);
        this.strict = strict;
        this.warnings = warnings;
        this.budget = budget;
        try {
            // Nothing to compare with, nothing to compute: the inbox hashes what it stores anyway.
            this.sha256 = this.expectedSha256 == null ? null : MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            if (sha256 != null) {
                sha256.update(b, off, n);
            }
            size += n;
            budget.consume(n, fileName);
        } else if (n < 0) {
            verify();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping would bypass the hash: read instead.
        byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        return Math.max(read(buffer, 0, buffer.length), 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void verify() throws ContentException {
        if (verified) {
            return;
        }
        verified = true;
        if (expectedSize > 0 && expectedSize != size) {
            mismatch("Filen " + fileName + " er " + size + " byte, men avsender oppga " + expectedSize + " byte");
        }
        String actual = sha256 == null ? null : HexFormat.of().formatHex(sha256.digest());
        if (expectedSha256 != null && !expectedSha256.equals(actual)) {
            mismatch("Filen " + fileName + " har SHA-256 " + actual + ", men avsender oppga " + expectedSha256);
        }
    }

    private void mismatch(String message) throws ContentException {
        if (strict) {
            throw new ContentException(message);
        }
        warnings.accept(message);
    }
}
