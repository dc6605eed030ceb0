package no.postmottak.simulator.http;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-wide failure knobs, applied to the next requests on any path before guards and routes: answer them with a
 * status (an outage), or hold them unanswered until released (so that the client times out). Thread-safe.
 *
 * @since 1.0.0
 */
public final class Knobs {

    /** A held request is let go after this at the latest, so that a forgotten knob cannot pin threads forever. */
    private static final long HOLD_MINUTES = 5;

    private final AtomicInteger failCount = new AtomicInteger();
    private volatile int failStatus = 500;
    private final AtomicInteger holdCount = new AtomicInteger();
    private volatile CountDownLatch held = new CountDownLatch(1);
    private final AtomicInteger holding = new AtomicInteger();

    Knobs() {
    }

    /**
     * Answers the next {@code times} requests with {@code status} (an error body, no work done).
     *
     * @param status HTTP status, 4xx or 5xx
     * @param times  how many requests
     */
    public void failNext(int status, int times) {
        failStatus = status;
        failCount.set(times);
    }

    /**
     * Holds the next {@code times} requests without answering until {@link #releaseHeld} or the server closes.
     *
     * @param times how many requests
     */
    public void holdNext(int times) {
        held = new CountDownLatch(1);
        holdCount.set(times);
    }

    /** Lets held requests go on; they then answer 503, since their client has long given up. */
    public void releaseHeld() {
        holdCount.set(0); // a hold that had not caught a request yet must not catch a later one
        held.countDown();
    }

    /** @return how many requests are being held right now, so that a test knows its request has arrived */
    public int holding() {
        return holding.get();
    }

    /** @return true when a knob has answered the request */
    boolean intercept(Response response) throws IOException {
        if (takeOne(holdCount)) {
            CountDownLatch latch = held;
            holding.incrementAndGet();
            try {
                latch.await(HOLD_MINUTES, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                holding.decrementAndGet();
            }
            response.text(503, "held request released");
            return true;
        }
        if (takeOne(failCount)) {
            int status = failStatus;
            response.error(status, "Simulert feil " + status);
            return true;
        }
        return false;
    }

    private static boolean takeOne(AtomicInteger count) {
        return count.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
