package no.postmottak.web.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import no.postmottak.api.channel.ChannelAccount;
import no.postmottak.api.channel.ChannelAlert;
import no.postmottak.api.channel.ChannelStatus;

/** A channel account as a channel bundle would register it: a poll "runs" at once and shows in the status. */
final class TestChannelAccount implements ChannelAccount {

    final AtomicInteger polls = new AtomicInteger();
    private final String account;
    private final List<ChannelAlert> alerts;
    private final boolean canPoll;
    private volatile ChannelStatus.Poll lastPoll;

    TestChannelAccount(String account, List<ChannelAlert> alerts, boolean canPoll) {
        this.account = account;
        this.alerts = alerts;
        this.canPoll = canPoll;
        this.lastPoll = new ChannelStatus.Poll(Instant.parse("2026-11-26T08:00:00Z"),
                Instant.parse("2026-11-26T08:00:02Z"), ChannelStatus.Outcome.SUCCEEDED, "2 mottatt, 0 feilet");
    }

    @Override
    public ChannelStatus status() {
        return new ChannelStatus("SvarInn", account, List.of(TestServer.ORG_A), canPoll ? ChannelStatus.State.ACTIVE
                : ChannelStatus.State.STOPPED, lastPoll, Instant.parse("2026-11-26T08:15:00Z"), 2 + polls.get(), 1,
                alerts);
    }

    @Override
    public boolean pollNow() {
        if (!canPoll) {
            return false;
        }
        int n = polls.incrementAndGet();
        Instant started = Instant.parse("2026-11-26T09:00:00Z").plusSeconds(n * 60L);
        lastPoll = new ChannelStatus.Poll(started, started.plusSeconds(1), ChannelStatus.Outcome.SUCCEEDED,
                "1 mottatt, 0 feilet av 1 ventende");
        return true;
    }

    /** A status service that is broken: its status always throws, and so does "poll now". */
    static ChannelAccount broken() {
        return new ChannelAccount() {
            @Override
            public ChannelStatus status() {
                throw new IllegalStateException("nøkkellageret svarer ikke");
            }

            @Override
            public boolean pollNow() {
                throw new IllegalStateException("nøkkellageret svarer ikke");
            }
        };
    }
}
