package no.postmottak.channel.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import no.postmottak.api.channel.ChannelStatus.Outcome;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.Leases;

class PollLoopTest {

    private static final Duration INTERVAL = Duration.ofMinutes(15);

    /** A round that answers from a script, one result per poll. */
    private static PollLoop.Round script(Deque<Object> results) {
        return loop -> {
            Object next = results.poll();
            if (next instanceof InboxException e) {
                throw e;
            }
            return (PollLoop.Result) next;
        };
    }

    private static PollLoop loop(PollLoop.Round round, Leases leases) {
        return new PollLoop("test-poller", "konto", leases, "lease", "node-1", INTERVAL, Clock.systemUTC(), round);
    }

    @Test
    void backsOffThirtySecondsDoublingUpToTheIntervalAndStartsOverAfterSuccess() {
        Deque<Object> results = new ArrayDeque<>();
        for (int i = 0; i < 7; i++) {
            results.add(PollLoop.Result.unavailable("nede", null));
        }
        results.add(PollLoop.Result.done("1 mottatt", 0));
        results.add(PollLoop.Result.unavailable("nede", null));
        PollLoop loop = loop(script(results), null);

        assertThat(loop.poll()).isEqualTo(Duration.ofSeconds(30));
        assertThat(loop.poll()).isEqualTo(Duration.ofSeconds(60));
        assertThat(loop.poll()).isEqualTo(Duration.ofSeconds(120));
        assertThat(loop.poll()).isEqualTo(Duration.ofSeconds(240));
        assertThat(loop.poll()).isEqualTo(Duration.ofSeconds(480));
        assertThat(loop.poll()).isEqualTo(INTERVAL);
        assertThat(loop.poll()).isEqualTo(INTERVAL);
        assertThat(loop.status().lastOutcome()).isEqualTo(Outcome.FAILED);
        assertThat(loop.poll()).isEqualTo(INTERVAL);
        assertThat(loop.status().lastOutcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(loop.status().lastResult()).isEqualTo("1 mottatt");
        assertThat(loop.poll()).as("the back-off starts over").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void waitsWhatTheUpstreamAsksAndAtLeastTheGivenWait() {
        Deque<Object> results = new ArrayDeque<>();
        results.add(PollLoop.Result.waitFor("vent", Duration.ofSeconds(7)));
        results.add(PollLoop.Result.unavailable("nede", Duration.ofMinutes(5)));
        results.add(PollLoop.Result.done("2 mottatt, 1 feilet", 1));
        PollLoop loop = loop(script(results), null);

        assertThat(loop.poll()).isEqualTo(Duration.ofSeconds(7));
        assertThat(loop.poll()).isEqualTo(Duration.ofMinutes(5));
        assertThat(loop.poll()).isEqualTo(INTERVAL);
        assertThat(loop.status().lastOutcome()).isEqualTo(Outcome.PARTLY_FAILED);
    }

    @Test
    void anInboxFailureBacksOffAndSaysSo() {
        Deque<Object> results = new ArrayDeque<>();
        results.add(new InboxException("databasen svarer ikke", true));
        PollLoop loop = loop(script(results), null);

        assertThat(loop.poll()).isEqualTo(Duration.ofSeconds(30));
        assertThat(loop.status().lastResult()).isEqualTo("Innboksen er utilgjengelig: databasen svarer ikke");
        assertThat(PollAlerts.stateAlert(loop.status().state(), null, null, loop.status().lastOutcome(),
                loop.status().lastResult())).isPresent();
    }

    @Test
    void aRefusedLoginStopsPollingUntilPollNow() {
        AtomicInteger rounds = new AtomicInteger();
        PollLoop loop = loop(l -> rounds.incrementAndGet() == 1
                ? PollLoop.Result.authenticationFailed("Passordet ble avvist")
                : PollLoop.Result.done("ok", 0), null);
        loop.start();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> loop.status().state() == PollLoop.State.AUTHENTICATION_FAILED);
        assertThat(loop.status().message()).isEqualTo("Passordet ble avvist");
        assertThat(loop.status().nextPoll()).as("nothing scheduled").isNull();

        assertThat(loop.pollNow()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() == 2
                && loop.status().lastOutcome() == Outcome.SUCCEEDED);
        assertThat(loop.status().state()).isEqualTo(PollLoop.State.ACTIVE);
        assertThat(loop.status().message()).isNull();
        loop.stop(Duration.ofSeconds(5));
        assertThat(loop.pollNow()).isFalse();
        assertThat(loop.status().state()).isEqualTo(PollLoop.State.STOPPED);
    }

    @Test
    void withoutTheLeaseItStandsByAndReleasesItOnStop() {
        AtomicInteger rounds = new AtomicInteger();
        boolean[] free = {false};
        boolean[] released = {false};
        Leases leases = new Leases() {
            @Override
            public boolean acquire(String name, String holder, Duration ttl) {
                return free[0];
            }

            @Override
            public void release(String name, String holder) {
                released[0] = true;
            }
        };
        PollLoop loop = loop(l -> {
            rounds.incrementAndGet();
            return PollLoop.Result.done("ok", 0);
        }, leases);

        assertThat(loop.poll()).isEqualTo(INTERVAL);
        assertThat(rounds).hasValue(0);
        assertThat(loop.status().state()).isEqualTo(PollLoop.State.STANDBY);
        assertThat(loop.status().lastOutcome()).isEqualTo(Outcome.SKIPPED);
        free[0] = true;
        loop.poll();
        assertThat(rounds).hasValue(1);
        assertThat(loop.status().state()).isEqualTo(PollLoop.State.ACTIVE);
        loop.stop(Duration.ofSeconds(1));
        assertThat(released[0]).isTrue();
    }
}
