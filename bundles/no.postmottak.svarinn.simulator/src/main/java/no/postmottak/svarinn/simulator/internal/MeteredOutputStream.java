package no.postmottak.svarinn.simulator.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Counts bytes written into a shared counter and optionally throttles to a rate (slow-download knob). */
final class MeteredOutputStream extends FilterOutputStream {
    private final AtomicLong counter;
    private final long bytesPerSecond;
    private final long start = System.nanoTime();
    private long written;

    MeteredOutputStream(OutputStream out, AtomicLong counter, long bytesPerSecond) {
        super(out);
        this.counter = counter;
        this.bytesPerSecond = bytesPerSecond;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (bytesPerSecond <= 0) {
            out.write(b, off, len);
            account(len);
            return;
        }
        int slice = (int) Math.max(1, Math.min(64 * 1024, bytesPerSecond / 20));
        for (int i = 0; i < len; i += slice) {
            int n = Math.min(slice, len - i);
            out.write(b, off + i, n);
            out.flush();
            account(n);
            pace();
        }
    }

    private void account(int n) {
        written += n;
        counter.addAndGet(n);
    }

    /** Sleeps until the bytes written so far are due at the configured rate. */
    private void pace() throws InterruptedIOException {
        long dueNanos = written * 1_000_000_000L / bytesPerSecond;
        long wait = dueNanos - (System.nanoTime() - start);
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("download throttle interrupted");
            }
        }
    }
}
