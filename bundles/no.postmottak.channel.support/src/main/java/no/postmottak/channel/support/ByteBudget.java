package no.postmottak.channel.support;

/**
 * Stops a payload that unpacks to more than it may: a total ceiling, and a ceiling on how much more the plaintext
 * may be than the compressed bytes read (the classic zip bomb), checked once it is past a size where ratios matter.
 */
public final class ByteBudget {

    private static final long RATIO_CHECK_FROM = 64L * 1024 * 1024;

    private final long maxTotalBytes;
    private final long maxRatio;
    private final CountingInputStream compressed;
    private long total;

    /**
     * @param maxTotalBytes the most all documents together may unpack to
     * @param maxRatio      the most the unpacked bytes may be per compressed byte read ({@code Long.MAX_VALUE}: no check)
     * @param compressed    counts the compressed bytes read, or null when there is no compression
     */
    public ByteBudget(long maxTotalBytes, long maxRatio, CountingInputStream compressed) {
        this.maxTotalBytes = maxTotalBytes;
        this.maxRatio = maxRatio;
        this.compressed = compressed;
    }

    /** Counts {@code bytes} more of {@code fileName}; throws when the payload is past a limit. */
    public void consume(long bytes, String fileName) throws ContentException {
        total += bytes;
        if (total > maxTotalBytes) {
            throw new ContentException("Sendingen pakker ut til mer enn " + maxTotalBytes
                    + " byte (ved " + fileName + "); den avvises som en mulig zip-bombe");
        }
        if (total > RATIO_CHECK_FROM && compressed != null && total > maxRatio * Math.max(1, compressed.count())) {
            throw new ContentException("Sendingen pakker ut til over " + maxRatio
                    + " ganger sin komprimerte størrelse (ved " + fileName + "); den avvises som en mulig zip-bombe");
        }
    }
}
