package no.postmottak.eformidling.simulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The integrasjonspunkt's own fault knobs (the HTTP foundation's knobs answer or hold any request besides). Counts
 * apply to the next requests of that kind. Thread-safe.
 *
 * @since 1.0.0
 */
public final class IpKnobs {

    /** The IP's default {@code lockTimeoutMinutes}. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

    private volatile Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
    private volatile Duration delay = Duration.ZERO;
    private final AtomicInteger expireAfterPeek = new AtomicInteger();
    private final AtomicInteger expireBeforeDelete = new AtomicInteger();
    private final AtomicInteger failPops = new AtomicInteger();
    private final AtomicInteger truncatePops = new AtomicInteger();
    private final AtomicInteger failSends = new AtomicInteger();

    /** How long a peek locks a message (the IP's {@code difi.move.nextmove.lockTimeoutMinutes}). */
    public IpKnobs lockTimeout(Duration value) {
        lockTimeout = value;
        return this;
    }

    public Duration lockTimeout() {
        return lockTimeout;
    }

    /** The lock of the next {@code n} peeks runs out at once: pop then answers 400. */
    public IpKnobs expireLockAfterPeek(int n) {
        expireAfterPeek.set(n);
        return this;
    }

    /** The lock runs out during the next {@code n} pops: the DELETE after storing answers 400. */
    public IpKnobs expireLockBeforeDelete(int n) {
        expireBeforeDelete.set(n);
        return this;
    }

    /** The next {@code n} pops answer 500, as the IP does when it cannot read its stored file (a known defect). */
    public IpKnobs failPops(int n) {
        failPops.set(n);
        return this;
    }

    /** The next {@code n} pops send half the ASiC-E and then cut the connection. */
    public IpKnobs truncatePops(int n) {
        truncatePops.set(n);
        return this;
    }

    /** The next {@code n} messages sent ({@code POST /api/messages/out}, e.g. receipts) answer 500. */
    public IpKnobs failSends(int n) {
        failSends.set(n);
        return this;
    }

    /** Every answer waits this long first (a slow IP). */
    public IpKnobs delay(Duration value) {
        delay = value;
        return this;
    }

    public Duration delay() {
        return delay;
    }

    /** Back to a well-behaved IP with a 5-minute lock. */
    public void clear() {
        lockTimeout = DEFAULT_LOCK_TIMEOUT;
        delay = Duration.ZERO;
        expireAfterPeek.set(0);
        expireBeforeDelete.set(0);
        failPops.set(0);
        truncatePops.set(0);
        failSends.set(0);
    }

    /** The simulator's side: whether this send answers 500. */
    public boolean takeFailSend() {
        return take(failSends);
    }

    /** The simulator's side: whether this peek's lock runs out at once (uses up one count). */
    public boolean takeExpireAfterPeek() {
        return take(expireAfterPeek);
    }

    /** The simulator's side: whether this pop leaves the lock run out. */
    public boolean takeExpireBeforeDelete() {
        return take(expireBeforeDelete);
    }

    /** The simulator's side: whether this pop answers 500. */
    public boolean takeFailPop() {
        return take(failPops);
    }

    /** The simulator's side: whether this pop is cut off. */
    public boolean takeTruncatePop() {
        return take(truncatePops);
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
