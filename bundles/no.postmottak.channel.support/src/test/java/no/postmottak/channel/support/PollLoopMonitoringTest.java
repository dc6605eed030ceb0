package no.postmottak.channel.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import no.postmottak.api.channel.ChannelStatus;

class PollLoopMonitoringTest {

    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant OLDEST = Instant.parse("2026-12-06T08:00:00Z");

    private static ChannelStatus base() {
        return new ChannelStatus("SvarInn", "konto", List.of(), ChannelStatus.State.ACTIVE, null, null, 0, 0,
                List.of());
    }

    @Test
    void aSuccessfulPollSetsLastSucceededBacklogAndCounters() {
        PollLoop loop = new PollLoop("t", "konto", null, "lease", "n", INTERVAL, Clock.fixed(NOW, ZoneOffset.UTC),
                l -> {
                    l.reportBacklog(2, OLDEST);
                    l.countDownloaded(100);
                    l.countAcknowledged();
                    l.countPermanentlyFailed();
                    return PollLoop.Result.done("1 mottatt", 1);
                });
        loop.poll();

        ChannelStatus s = loop.withMonitoring(base());
        assertThat(s.pollInterval()).isEqualTo(INTERVAL);
        assertThat(s.lastSucceeded()).isEqualTo(NOW);
        assertThat(s.backlog()).isEqualTo(new ChannelStatus.Backlog(2, OLDEST, NOW));
        assertThat(s.counters().acknowledged()).isEqualTo(1);
        assertThat(s.counters().permanentlyFailed()).isEqualTo(1);
        assertThat(s.counters().downloadedBytes()).isEqualTo(100);
        assertThat(s.counters().polls()).isEqualTo(1);
    }

    @Test
    void aFailedPollCountsButDoesNotSucceed() {
        PollLoop loop = new PollLoop("t", "konto", null, "lease", "n", INTERVAL, Clock.fixed(NOW, ZoneOffset.UTC),
                l -> PollLoop.Result.unavailable("nede", null));
        loop.poll();

        ChannelStatus s = loop.withMonitoring(base());
        assertThat(s.lastSucceeded()).isNull();
        assertThat(s.backlog()).isNull();
        assertThat(s.counters().polls()).isEqualTo(1);
        assertThat(s.pollInterval()).isEqualTo(INTERVAL);
    }

    @Test
    void itemLogSetsTheMdcDuringTheWorkAndClearsIt() {
        AtomicReference<String> seen = new AtomicReference<>();
        try (ItemLog ignored = ItemLog.open("SvarInn", "konto", "f-1")) {
            seen.set(MDC.get(ItemLog.CHANNEL) + "/" + MDC.get(ItemLog.ACCOUNT) + "/" + MDC.get(ItemLog.ITEM));
        }
        assertThat(seen.get()).isEqualTo("SvarInn/konto/f-1");
        assertThat(MDC.get(ItemLog.ITEM)).isNull();
        assertThat(MDC.get(ItemLog.ACCOUNT)).isNull();
        assertThat(MDC.get(ItemLog.CHANNEL)).isNull();
    }
}
