package no.postmottak.svarinn.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Passes bytes through but always holds back the last {@code capacity} bytes, so that the end of a stream of
 * unknown length can be altered (truncated, corrupted) when it is finished. Memory stays at {@code capacity}.
 */
final class TailHoldingOutputStream extends OutputStream {
    private final OutputStream out;
    private final byte[] tail;
    private int len;

    TailHoldingOutputStream(OutputStream out, int capacity) {
        this.out = out;
        this.tail = new byte[capacity];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int n) throws IOException {
        if (n >= tail.length) {
            out.write(tail, 0, len);
            out.write(b, off, n - tail.length);
            System.arraycopy(b, off + n - tail.length, tail, 0, tail.length);
            len = tail.length;
            return;
        }
        int overflow = len + n - tail.length;
        if (overflow > 0) {
            out.write(tail, 0, overflow);
            System.arraycopy(tail, overflow, tail, 0, len - overflow);
            len -= overflow;
        }
        System.arraycopy(b, off, tail, len, n);
        len += n;
    }

    /** Writes the held-back tail after passing it through {@code tamper}; does not close the target. */
    void finish(UnaryOperator<byte[]> tamper) throws IOException {
        out.write(tamper.apply(Arrays.copyOf(tail, len)));
        out.flush();
        len = 0;
    }

    @Override
    public void flush() {
        // Deliberately nothing: the tail must stay held back until finish().
    }
}
