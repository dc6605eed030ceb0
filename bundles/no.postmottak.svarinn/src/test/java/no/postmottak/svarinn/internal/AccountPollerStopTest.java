package no.postmottak.svarinn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AccountPollerStopTest {

    @Test
    void stoppingDoesNotWaitForTheNextScheduledPoll() {
        SvarInnClient client = new SvarInnClient(URI.create("http://127.0.0.1:9/tjenester/svarinn"), "u", "p",
                Duration.ofSeconds(1), Duration.ofSeconds(1));
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
    }
}
