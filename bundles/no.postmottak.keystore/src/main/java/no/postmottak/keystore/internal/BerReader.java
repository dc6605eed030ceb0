package no.postmottak.keystore.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import no.postmottak.api.keystore.DecryptionException;

/**
 * A minimal buffered BER/DER tag-length reader for the framing of a CMS stream. Bouncy Castle's streaming parser
 * reached only about 0.74x of this route's throughput on the 1000-byte chunks SvarUt writes (see the bundle's
 * README), so the framing is walked here and only the small, complete elements (recipient infos, algorithm
 * identifiers) are handed to Bouncy Castle for decoding.
 */
final class BerReader {

    /** First tag byte and length ({@code -1}: indefinite form); {@code encoded} is the raw header. */
    record Header(int tag, long length, byte[] encoded) {

        boolean indefinite() {
            return length < 0;
        }

        boolean constructed() {
            return (tag & 0x20) != 0;
        }
    }

    /** Tag (up to 5 bytes with a high tag number) and length (up to 1 + 7 bytes). */
    private static final int MAX_HEADER = 13;

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int lim;
    private int lastTag;
    private int lastHeaderSize;

    BerReader(InputStream in) {
        this.in = in;
    }

    /** Reads a tag and length; null at a clean end of the stream (only allowed before the first byte). */
    Header readHeader() throws IOException {
        if (!fill(1)) {
            return null;
        }
        long length = parseHeader();
        // the header's bytes are still in the buffer: parseHeader fills it only before the first of them
        return new Header(lastTag, length, Arrays.copyOfRange(buf, pos - lastHeaderSize, pos));
    }

    /**
     * Reads a tag and length like {@link #readHeader} without allocating anything: {@link #lastTag()} and
     * {@link #lastHeaderSize()} tell the rest. For the encrypted content's chunks (SvarUt writes 1000-byte ones: a
     * million headers per GiB, which as {@link Header} objects were most of what a large download allocated).
     *
     * @throws EOFException at the end of the stream
     */
    long readLength() throws IOException {
        if (!fill(1)) {
            throw new EOFException("the CMS stream ends before an element");
        }
        return parseHeader();
    }

    /** The first tag byte of the header read last. */
    int lastTag() {
        return lastTag;
    }

    /** The size in bytes of the header read last. */
    int lastHeaderSize() {
        return lastHeaderSize;
    }

    /** Parses the header at {@code pos} (at least one byte buffered); returns its length, -1 for indefinite. */
    private long parseHeader() throws IOException {
        // A header is at most 1 + 5 + 1 + 7 bytes: have them in the buffer at once, so it is never split
        fill(MAX_HEADER);
        int start = pos;
        int first = next();
        if ((first & 0x1F) == 0x1F) { // high tag number: never one we look for, only copied through
            int b;
            int guard = 0;
            do {
                b = next();
                if (++guard > 4) {
                    throw new DecryptionException("Corrupt CMS: tag number too long");
                }
            } while ((b & 0x80) != 0);
        }
        int l = next();
        long length;
        if (l == 0x80) {
            if ((first & 0x20) == 0) {
                throw new DecryptionException("Corrupt CMS: indefinite length on a primitive element");
            }
            length = -1;
        } else if ((l & 0x80) == 0) {
            length = l;
        } else {
            int count = l & 0x7F;
            if (count > 7) {
                throw new DecryptionException("Corrupt CMS: length of " + count + " bytes");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = length << 8 | next();
            }
        }
        lastTag = first;
        lastHeaderSize = pos - start;
        return length;
    }

    /** Reads the next header and checks its tag. */
    Header expect(int tag, String what) throws IOException {
        Header h = readHeader();
        if (h == null || h.tag() != tag) {
            throw new DecryptionException("Not CMS EnvelopedData: expected " + what + ", found "
                    + (h == null ? "the end of the stream" : String.format("tag 0x%02X", h.tag())));
        }
        return h;
    }

    /** Whether the next two bytes are an end-of-contents marker; consumes them if so. */
    boolean endOfContents() throws IOException {
        if (!fill(2)) {
            throw new EOFException("the CMS stream ends before its end-of-contents marker");
        }
        if (buf[pos] == 0 && buf[pos + 1] == 0) {
            pos += 2;
            return true;
        }
        return false;
    }

    /** The complete encoding (header and contents) of the element whose header was just read, up to {@code max}. */
    byte[] element(Header h, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(h, out, max);
        return out.toByteArray();
    }

    /** Skips the element whose header was just read. */
    void skip(Header h) throws IOException {
        copy(h, null, Integer.MAX_VALUE);
    }

    private void copy(Header h, ByteArrayOutputStream out, int max) throws IOException {
        if (out != null) {
            out.writeBytes(h.encoded());
        }
        if (h.indefinite()) {
            while (!endOfContents()) {
                copy(readHeader(), out, max);
            }
            if (out != null) {
                out.write(0);
                out.write(0);
            }
        } else {
            for (long left = h.length(); left > 0; ) {
                if (!fill(1)) {
                    throw new EOFException("the CMS stream ends inside an element");
                }
                int n = (int) Math.min(left, lim - pos);
                if (out != null) {
                    out.write(buf, pos, n);
                }
                pos += n;
                left -= n;
            }
        }
        if (out != null && out.size() > max) {
            throw new DecryptionException("Corrupt CMS: an element in the header exceeds " + max + " bytes");
        }
    }

    /** Reads up to {@code len} content bytes; -1 at the end of the stream. Large reads bypass the buffer. */
    int read(byte[] b, int off, int len) throws IOException {
        if (pos < lim) {
            int n = Math.min(len, lim - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }
        if (len >= buf.length) {
            return in.read(b, off, len);
        }
        return fill(1) ? read(b, off, len) : -1;
    }

    /** Whether buffered bytes are waiting, so reading on would not block. */
    boolean buffered() {
        return pos < lim;
    }

    private int next() throws IOException {
        if (pos >= lim) {
            throw new EOFException("the CMS stream ends inside a tag or length");
        }
        return buf[pos++] & 0xFF;
    }

    /** Makes at least {@code n} bytes available; false when the stream ends first. */
    private boolean fill(int n) throws IOException {
        if (lim - pos >= n) {
            return true;
        }
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
        while (lim < n) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                return false;
            }
            lim += r;
        }
        return true;
    }
}
