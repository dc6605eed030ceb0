package no.postmottak.eformidling.simulator;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * One document of a simulated message: its file name in the ASiC-E, media type, title in the arkivmelding, and its
 * content, produced anew for every pop (so a 1 GB document is never held in memory).
 *
 * @param fileName  the file name ({@code referanseDokumentfil}), a plain name
 * @param mediaType the media type
 * @param title     the document's title ({@code dokumentbeskrivelse.tittel})
 * @param size      the content's length in bytes
 * @param content   opens the content; every call starts from the first byte
 * @since 1.0.0
 */
public record SimDocument(String fileName, String mediaType, String title, long size, Supplier<InputStream> content) {

    public SimDocument {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("A document needs a file name");
        }
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        title = title == null ? fileName : title;
    }

    /** A document held in memory. */
    public static SimDocument of(String fileName, String mediaType, String title, byte[] bytes) {
        byte[] copy = bytes.clone();
        return new SimDocument(fileName, mediaType, title, copy.length, () -> new ByteArrayInputStream(copy));
    }

    /**
     * A large document of pseudo-random bytes (which do not compress, like scanned PDFs), the same bytes every time
     * for the same seed, produced while it is read.
     */
    public static SimDocument generated(String fileName, long size, long seed) {
        return new SimDocument(fileName, "application/pdf", fileName, size, () -> new Generated(size, seed));
    }

    private static final class Generated extends InputStream {
        private final SplittableRandom random;
        private long left;

        Generated(long size, long seed) {
            this.left = size;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int read() {
            return left-- > 0 ? random.nextInt(256) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            int i = 0;
            for (; i + 8 <= n; i += 8) {
                long r = random.nextLong();
                for (int k = 0; k < 8; k++) {
                    b[off + i + k] = (byte) (r >>> (k * 8));
                }
            }
            for (; i < n; i++) {
                b[off + i] = (byte) random.nextInt(256);
            }
            left -= n;
            return n;
        }
    }
}
