package no.postmottak.svarinn.simulator.internal;

import java.io.InputStream;
import java.util.SplittableRandom;

/** Deterministic, incompressible pseudo-random bytes of a fixed length, produced on demand (never buffered). */
public final class GeneratedInputStream extends InputStream {
    private final SplittableRandom random;
    private long remaining;
    private long word;
    private int wordBytes;

    public GeneratedInputStream(long size, long seed) {
        this.random = new SplittableRandom(seed);
        this.remaining = size;
    }

    @Override
    public int read() {
        if (remaining <= 0) {
            return -1;
        }
        remaining--;
        return nextByte();
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (remaining <= 0) {
            return -1;
        }
        int n = (int) Math.min(len, remaining);
        for (int i = 0; i < n; i++) {
            b[off + i] = (byte) nextByte();
        }
        remaining -= n;
        return n;
    }

    private int nextByte() {
        if (wordBytes == 0) {
            word = random.nextLong();
            wordBytes = 8;
        }
        int v = (int) (word & 0xFF);
        word >>>= 8;
        wordBytes--;
        return v;
    }
}
