package no.postmottak.keystore.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import no.postmottak.api.keystore.DecryptionException;

/**
 * The bytes of {@code encryptedContent [0]}: one primitive definite-length string (DER), or a constructed string of
 * OCTET STRING chunks, indefinite (SvarUt: 1000-byte chunks, ended by 00 00) or definite. Reads across chunks in one
 * call while data is buffered, so the cipher gets large blocks. Ends exactly at the content's end; whatever follows
 * (the outer end-of-contents markers, trailing zero bytes) is never read.
 */
final class ContentOctets extends InputStream {

    private static final int OCTET_STRING = 0x04;

    private final BerReader reader;
    private final boolean constructed;
    private final boolean indefinite;
    private long outerLeft;
    private long chunkLeft;
    private boolean end;
    private final byte[] one = new byte[1];

    ContentOctets(BerReader reader, BerReader.Header content) {
        this.reader = reader;
        this.constructed = content.constructed();
        this.indefinite = content.indefinite();
        this.outerLeft = content.length();
        this.chunkLeft = constructed ? 0 : content.length();
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len && (total == 0 || reader.buffered())) {
            if (chunkLeft == 0) {
                if (!nextChunk()) {
                    break;
                }
                continue;
            }
            int n = reader.read(b, off + total, (int) Math.min(len - total, chunkLeft));
            if (n < 0) {
                throw new EOFException("the CMS stream ends inside the encrypted content");
            }
            chunkLeft -= n;
            total += n;
        }
        return total == 0 && end ? -1 : total;
    }

    private boolean nextChunk() throws IOException {
        if (end) {
            return false;
        }
        if (!constructed || (!indefinite && outerLeft == 0) || (indefinite && reader.endOfContents())) {
            end = true;
            return false;
        }
        long length = reader.readLength(); // not a Header: a million chunks per GiB
        if (reader.lastTag() != OCTET_STRING) {
            throw new DecryptionException(String.format("Corrupt CMS: unexpected tag 0x%02X in the encrypted "
                    + "content", reader.lastTag()));
        }
        if (!indefinite) {
            outerLeft -= reader.lastHeaderSize() + length;
            if (outerLeft < 0) {
                throw new DecryptionException("Corrupt CMS: an encrypted content chunk overruns its container");
            }
        }
        chunkLeft = length;
        return true;
    }
}
