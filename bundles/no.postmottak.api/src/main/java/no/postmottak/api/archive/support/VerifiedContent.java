package no.postmottak.api.archive.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import no.postmottak.api.archive.ArchiveDocument;
import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;
import no.postmottak.api.inbox.StoredDocument;

/**
 * A document's content as the inbox stored it, checked while it streams: at the end of the stream its size and
 * SHA-256 must be what the inbox recorded, or the read that reaches the end fails with an {@link IOException} and
 * {@link #mismatched()} turns true. HTTP clients often wrap a failing request body in their own exception, so
 * callers ask {@link #mismatched()} rather than look for the cause. Memory use does not depend on the size.
 *
 * @since 1.0.0
 */
public final class VerifiedContent extends FilterInputStream {

    private final StoredDocument expected;
    private final MessageDigest sha = sha256();
    private long size;
    private String actualSha256;
    private volatile boolean mismatched;

    private VerifiedContent(InputStream in, StoredDocument expected) {
        super(in);
        this.expected = expected;
    }

    /** Opens the document for a checked read; the caller closes the stream. */
    public static VerifiedContent open(ArchiveDocument document) throws IOException {
        return new VerifiedContent(document.open(), document.metadata());
    }

    /**
     * Copies the whole document to {@code out}, checked.
     *
     * @throws ArchiveException REJECTED when the content differs from what the inbox recorded
     * @throws IOException      when reading or writing fails
     */
    public static void copy(ArchiveDocument document, OutputStream out) throws IOException, ArchiveException {
        VerifiedContent in = open(document);
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            if (in.mismatched()) {
                throw mismatch(document.metadata());
            }
            throw e;
        }
    }

    /** The clerk's message for a document whose content no longer is what the inbox recorded. */
    public static ArchiveException mismatch(StoredDocument document) {
        return new ArchiveException(Reason.REJECTED, "Dokumentet " + document.fileName()
                + " er endret eller skadet i innboksen (størrelse eller SHA-256 stemmer ikke)");
    }

    /** A new SHA-256 digest (every Java platform has one). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the end of the stream showed a size or SHA-256 other than recorded. */
    public boolean mismatched() {
        return mismatched;
    }

    /** The SHA-256 of what was read (lower-case hex), once the end was reached; null before. */
    public String actualSha256() {
        return actualSha256;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            sha.update(b, off, n);
            size += n;
        } else if (n < 0 && actualSha256 == null) {
            actualSha256 = HexFormat.of().formatHex(sha.digest());
            boolean shaDiffers = expected.sha256() != null && !expected.sha256().isBlank()
                    && !expected.sha256().equalsIgnoreCase(actualSha256);
            if (shaDiffers || expected.size() >= 0 && expected.size() != size) {
                mismatched = true;
                throw new IOException("document " + expected.index() + " does not match its recorded SHA-256/size");
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would escape the digest.
        throw new IOException("a verified document cannot skip");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
