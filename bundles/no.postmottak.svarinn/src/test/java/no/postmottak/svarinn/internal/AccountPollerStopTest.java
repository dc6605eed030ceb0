package no.postmottak.svarinn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.postmottak.api.channel.ChannelAlert;
import no.postmottak.api.channel.ChannelStatus;

class AccountPollerStopTest {

    @Test
    void stoppingDoesNotWaitForTheNextScheduledPoll() {
        SvarInnApi client = new SvarInnV2Client(new SvarInnHttp(URI.create("http://127.0.0.1:9/tjenester"), "u",
                "p", Duration.ofSeconds(1), Duration.ofSeconds(1)));
        ForsendelseReceiver receiver = new ForsendelseReceiver("konto", client, null, null,
                new ForsendelseMapper("konto", Set.of()), PayloadReader.Limits.DEFAULT, true, FailurePolicy.DEFAULT,
                Set.of());
        AccountPoller poller = new AccountPoller("konto", "lease", "node", client, receiver, null,
                Duration.ofHours(1), Clock.systemUTC());
        poller.start();
        // The first poll fails fast (nothing listens on port 9); the next one is an hour away.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> poller.status().lastPoll() != null && poller.status().nextPoll() != null);

        long started = System.nanoTime();
        poller.stop(Duration.ofSeconds(60));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(poller.status().state()).isEqualTo(AccountStatus.State.STOPPED);
        assertThat(poller.pollNow()).as("a stopped poller polls no more").isFalse();
    }

    @Test
    void pollNowRunsAnExtraPollAndItsEndAndOutcomeShowInTheStatus() {
        AccountPoller poller = unreachablePoller();
        poller.start();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> poller.status().lastPollEnded() != null);
        AccountStatus first = poller.status();
        assertThat(first.lastOutcome()).isEqualTo(ChannelStatus.Outcome.FAILED);
        assertThat(first.nextPoll()).isAfter(first.lastPoll().plus(Duration.ofSeconds(10)));

        assertThat(poller.pollNow()).isTrue();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            AccountStatus s = poller.status();
            return s.lastPoll().isAfter(first.lastPoll()) && s.lastPollEnded() != null;
        });
        AccountStatus second = poller.status();
        assertThat(second.lastOutcome()).isEqualTo(ChannelStatus.Outcome.FAILED);
        assertThat(AccountAlerts.alerts(second, Set.of(), java.util.List.of(), java.time.Instant.now()))
                .extracting(a -> a.kind()).containsExactly(ChannelAlert.Kind.UNREACHABLE);
        poller.stop(Duration.ofSeconds(10));
    }

    private static AccountPoller unreachablePoller() {
        SvarInnApi client = new SvarInnV2Client(new SvarInnHttp(URI.create("http://127.0.0.1:9/tjenester"), "u",
                "p", Duration.ofSeconds(1), Duration.ofSeconds(1)));
        ForsendelseReceiver receiver = new ForsendelseReceiver("konto", client, null, null,
                new ForsendelseMapper("konto", Set.of()), PayloadReader.Limits.DEFAULT, true, FailurePolicy.DEFAULT,
                Set.of());
        return new AccountPoller("konto", "lease", "node", client, receiver, null, Duration.ofHours(1),
                Clock.systemUTC());
    }
}
