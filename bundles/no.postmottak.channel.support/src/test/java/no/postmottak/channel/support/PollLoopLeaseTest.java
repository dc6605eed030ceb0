package no.postmottak.channel.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.Leases;

/** The lease as PollLoop sees it, on a monotonic clock the test moves (the "database" runs on the same time). */
class PollLoopLeaseTest {

    private static final Duration TTL = Duration.ofSeconds(60);
    private static final Duration INTERVAL = Duration.ofMinutes(15);

    /** What both nodes and the database agree is "now", in nanoseconds. */
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    /** Leases on a "database" whose clock is {@link #nanos}: the real JdbcLeases' rules, counted. */
    private final class Db implements Leases {
        final Map<String, String> holder = new HashMap<>();
        final Map<String, Long> expires = new HashMap<>();
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean down;
        /** How long each call takes (a slow database). */
        volatile Duration latency = Duration.ZERO;

        @Override
        public synchronized boolean acquire(String name, String who, Duration ttl) throws InboxException {
            calls.incrementAndGet();
            advance(latency);
            if (down) {
                throw new InboxException("databasen svarer ikke", true);
            }
            long now = nanos.get();
            if (holder.containsKey(name) && !holder.get(name).equals(who) && expires.get(name) > now) {
                return false;
            }
            holder.put(name, who);
            expires.put(name, now + ttl.toNanos());
            return true;
        }

        @Override
        public synchronized void release(String name, String who) {
            if (who.equals(holder.get(name))) {
                holder.remove(name);
                expires.remove(name);
            }
        }
    }

    private final Db db = new Db();
    private final AtomicInteger rounds = new AtomicInteger();

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private PollLoop node(String id) {
        return new PollLoop("test-" + id, "konto", db, "svarinn:konto", id, INTERVAL, TTL, Clock.systemUTC(),
                nanos::get, loop -> {
                    rounds.incrementAndGet();
                    return PollLoop.Result.done("ok", 0);
                });
    }

    @Test
    void aHeldLeaseCostsNoDatabaseCallPerItemAndIsRenewedWhenHalfIsLeft() {
        PollLoop a = node("a");
        assertThat(a.holdsLease()).isTrue();
        assertThat(db.calls).hasValue(1);
        for (int item = 0; item < 1000; item++) {
            advance(Duration.ofMillis(20)); // 1,000 items in 20 s
            assertThat(a.holdsLease()).isTrue();
        }
        assertThat(db.calls).as("no round trip per item").hasValue(1);
        // Valid until 54 s (60 s less the 6 s margin): at 25 s 29 s remain, under half the TTL, so it renews.
        advance(Duration.ofSeconds(5));
        assertThat(a.holdsLease()).isTrue();
        assertThat(db.calls).hasValue(2);
        assertThat(a.holdsLease()).isTrue();
        assertThat(db.calls).hasValue(2);
    }

    @Test
    void aPausedNodeWhoseLeaseWasTakenStopsBeforeItsNextCall() {
        PollLoop a = node("a");
        PollLoop b = node("b");
        assertThat(a.holdsLease()).isTrue();
        assertThat(b.holdsLease()).isFalse();

        advance(TTL.plusSeconds(1)); // a is paused (GC, VM migration) past its lease
        assertThat(b.holdsLease()).as("b takes over the expired lease").isTrue();
        assertThat(a.holdsLease()).as("a asks the database before its next item and stops").isFalse();
        assertThat(b.holdsLease()).isTrue();
    }

    @Test
    void withoutTheDatabaseTheLeaseHoldsOnlyWhileItIsSurelyValid() {
        PollLoop a = node("a");
        db.latency = Duration.ofSeconds(20); // the acquire call itself takes 20 s
        assertThat(a.holdsLease()).isTrue();
        db.latency = Duration.ZERO;
        db.down = true;
        // The validity counts from before the call: 60 - 6 s margin = 54 s after the start, though the call ended at 20.
        advance(Duration.ofSeconds(33)); // 53 s after the start: renewal fails, but the lease is still surely ours
        assertThat(a.holdsLease()).isTrue();
        advance(Duration.ofSeconds(2)); // 55 s: it may have run out on the database's clock; stop
        assertThat(a.holdsLease()).isFalse();
        db.down = false;
        assertThat(a.holdsLease()).as("nobody took it meanwhile").isTrue();
    }

    @Test
    void theStandbyNodeTakesOverWhenTheActiveOneDiesAndPollsAtOnce() {
        PollLoop a = node("a");
        PollLoop b = node("b");
        assertThat(a.poll()).isEqualTo(INTERVAL);
        assertThat(a.status().state()).isEqualTo(PollLoop.State.ACTIVE);
        assertThat(b.poll()).isEqualTo(INTERVAL);
        assertThat(b.status().state()).isEqualTo(PollLoop.State.STANDBY);
        assertThat(b.status().lastResult()).isEqualTo(PollLoop.STANDBY_RESULT);
        assertThat(rounds).hasValue(1);

        // While a lives, its watcher renews every quarter TTL, also between polls: b stays on standby.
        for (int i = 0; i < 20; i++) {
            advance(TTL.dividedBy(4));
            a.watchLease();
            b.watchLease();
            assertThat(b.status().state()).isEqualTo(PollLoop.State.STANDBY);
        }
        // a dies: within the TTL and one watch period b holds the lease and is active.
        for (int i = 0; i < 5; i++) {
            advance(TTL.dividedBy(4));
            b.watchLease();
        }
        assertThat(b.status().state()).isEqualTo(PollLoop.State.ACTIVE);
        assertThat(b.status().nextPoll()).as("b polls at once").isNotNull();
        b.stop(Duration.ofSeconds(5));
        assertThat(db.holder).as("released on stop").isEmpty();
    }

    @Test
    void aLeaseLostDuringARoundShowsStandby() {
        AtomicInteger items = new AtomicInteger();
        PollLoop[] a = new PollLoop[1];
        a[0] = new PollLoop("test-a", "konto", db, "svarinn:konto", "a", INTERVAL, TTL, Clock.systemUTC(), nanos::get,
                loop -> {
                    while (loop.holdsLease() && items.get() < 100) {
                        items.incrementAndGet();
                        advance(TTL); // a very slow item; meanwhile another node takes the lease
                        db.holder.put("svarinn:konto", "b");
                        db.expires.put("svarinn:konto", nanos.get() + TTL.toNanos());
                    }
                    return PollLoop.Result.done("avbrutt", 0);
                });
        a[0].poll();
        assertThat(items).hasValue(1);
        assertThat(a[0].status().state()).isEqualTo(PollLoop.State.STANDBY);
    }

    @Test
    void theLeaseMustHoldLongEnoughToBeRenewed() {
        assertThatThrownBy(() -> new PollLoop("t", "k", db, "l", "n", INTERVAL, Duration.ofSeconds(3),
                Clock.systemUTC(), l -> PollLoop.Result.done("", 0))).isInstanceOf(IllegalArgumentException.class);
    }
}
