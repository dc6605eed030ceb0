package no.postmottak.api.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of one channel account for the administration page. Immutable, and never holds a secret.
 *
 * @param channel  the channel's display name, e.g. {@code "SvarInn"}
 * @param account  the account's name as operators know it (its configuration name), e.g. {@code "kommune"}
 * @param orgnrs   the organisation numbers the account receives for (9 digits each), possibly empty
 * @param state    whether the account is polling
 * @param lastPoll the last poll, or null when none has started yet
 * @param nextPoll when the next poll is due, or null when none is scheduled
 * @param received items received since the account started
 * @param failed   failed receiving attempts since the account started
 * @param alerts   current problems, most urgent first, possibly empty
 * @param pollInterval  how often the account polls when all is well, or null when the channel does not say
 *                      (monitoring then expects a poll within twice this interval)
 * @param lastSucceeded when the last poll that reached the channel ended, whatever became of single items; null
 *                      when none has since the account started, or the channel does not say
 * @param backlog       what waited in the channel at the last poll that listed it, or null when unknown
 * @param counters      counters for monitoring, since the account started; {@link Counters#NONE} when the channel
 *                      keeps none
 * @since 1.0.0 ({@code pollInterval}, {@code lastSucceeded}, {@code backlog} and {@code counters} since 1.1.0)
 */
public record ChannelStatus(String channel, String account, List<String> orgnrs, State state, Poll lastPoll,
                            Instant nextPoll, long received, long failed, List<ChannelAlert> alerts,
                            Duration pollInterval, Instant lastSucceeded, Backlog backlog, Counters counters) {

    /** Whether the account polls. */
    public enum State {
        /** Polling on schedule. */
        ACTIVE,
        /** Another cluster node polls this account; this node waits to take over. */
        STANDBY,
        /** Not polling: stopped, refused, or waiting for an administrator (see the alerts). */
        STOPPED
    }

    /** How a poll ended. */
    public enum Outcome {
        /** The poll is running now. */
        RUNNING,
        /** Everything waiting was received. */
        SUCCEEDED,
        /** The poll ran, but some items failed. */
        PARTLY_FAILED,
        /** The poll itself failed (unreachable, refused credentials, rate limited, storage unavailable). */
        FAILED,
        /** Nothing was fetched because another node holds the account. */
        SKIPPED
    }

    /**
     * One poll.
     *
     * @param started when it started, never null
     * @param ended   when it ended, or null while it runs
     * @param outcome how it ended, {@link Outcome#RUNNING} while it runs
     * @param summary one line in Norwegian, e.g. "3 mottatt, 0 feilet av 3 ventende"
     */
    public record Poll(Instant started, Instant ended, Outcome outcome, String summary) {

        /** @throws NullPointerException when {@code started} or {@code outcome} is null */
        public Poll {
            Objects.requireNonNull(started, "started");
            Objects.requireNonNull(outcome, "outcome");
            summary = summary == null ? "" : summary;
        }
    }

    /**
     * What waited in the channel when it was last listed (for SvarInn: the list of new forsendelser).
     *
     * @param waiting  how many items waited
     * @param oldest   when the oldest of them was sent, or null when none waited or the channel does not say
     * @param listedAt when the list was taken
     * @since 1.1.0
     */
    public record Backlog(int waiting, Instant oldest, Instant listedAt) {

        /** @throws NullPointerException when {@code listedAt} is null */
        public Backlog {
            Objects.requireNonNull(listedAt, "listedAt");
        }
    }

    /**
     * Monotonic counters since the account started, for metrics.
     *
     * @param acknowledged      items the channel was told we stored
     * @param permanentlyFailed items reported to the channel as permanently failed (the sender's fallback takes over)
     * @param downloadedBytes   bytes downloaded from the channel
     * @param polls             polls that ended
     * @param pollTime          the time those polls took, added up
     * @since 1.1.0
     */
    public record Counters(long acknowledged, long permanentlyFailed, long downloadedBytes, long polls,
                           Duration pollTime) {

        /** A channel that keeps no counters. */
        public static final Counters NONE = new Counters(0, 0, 0, 0, Duration.ZERO);

        /** @throws NullPointerException when {@code pollTime} is null */
        public Counters {
            Objects.requireNonNull(pollTime, "pollTime");
        }
    }

    /**
     * @throws NullPointerException when {@code channel}, {@code account} or {@code state} is null
     * @since 1.1.0
     */
    public ChannelStatus {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(state, "state");
        orgnrs = orgnrs == null ? List.of() : List.copyOf(orgnrs);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        counters = counters == null ? Counters.NONE : counters;
    }

    /** A status without the monitoring fields of 1.1.0 (unknown interval, success and backlog; no counters). */
    public ChannelStatus(String channel, String account, List<String> orgnrs, State state, Poll lastPoll,
                         Instant nextPoll, long received, long failed, List<ChannelAlert> alerts) {
        this(channel, account, orgnrs, state, lastPoll, nextPoll, received, failed, alerts, null, null, null, null);
    }

    /**
     * This status with the monitoring fields set.
     *
     * @since 1.1.0
     */
    public ChannelStatus withMonitoring(Duration pollInterval, Instant lastSucceeded, Backlog backlog,
                                        Counters counters) {
        return new ChannelStatus(channel, account, orgnrs, state, lastPoll, nextPoll, received, failed, alerts,
                pollInterval, lastSucceeded, backlog, counters);
    }

    /** The most urgent severity among the alerts, or null when there are none. */
    public ChannelAlert.Severity worstSeverity() {
        return alerts.stream().map(ChannelAlert::severity).max(Enum::compareTo).orElse(null);
    }
}
