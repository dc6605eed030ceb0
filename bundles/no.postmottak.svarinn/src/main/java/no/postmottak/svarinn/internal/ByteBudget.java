package no.postmottak.svarinn.internal;

/**
 * Stops a payload that unpacks to more than it may: a total ceiling, and a ceiling on how much more the plaintext
 * may be than the compressed bytes read (the classic zip bomb), checked once it is past a size where ratios matter.
 */
final class ByteBudget {

    private static final long RATIO_CHECK_FROM = 64L * 1024 * 1024;

    private final long maxTotalBytes;
    private final long maxRatio;
    private final CountingInputStream compressed;
    private long total;

    ByteBudget(long maxTotalBytes, long maxRatio, CountingInputStream compressed) {
        this.maxTotalBytes = maxTotalBytes;
        this.maxRatio = maxRatio;
        this.compressed = compressed;
    }

    void consume(long bytes, String fileName) throws ContentException {
        total += bytes;
        if (total > maxTotalBytes) {
            throw new ContentException("Forsendelsen pakker ut til mer enn " + maxTotalBytes
                    + " byte (ved " + fileName + "); den avvises som en mulig zip-bombe");
        }
        if (total > RATIO_CHECK_FROM && compressed != null && total > maxRatio * Math.max(1, compressed.count())) {
            throw new ContentException("Forsendelsen pakker ut til over " + maxRatio
                    + " ganger sin komprimerte størrelse (ved " + fileName + "); den avvises som en mulig zip-bombe");
        }
    }
}
