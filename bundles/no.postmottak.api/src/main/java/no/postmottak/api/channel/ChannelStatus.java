package no.postmottak.api.channel;

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
 * @since 1.0.0
 */
public record ChannelStatus(String channel, String account, List<String> orgnrs, State state, Poll lastPoll,
                            Instant nextPoll, long received, long failed, List<ChannelAlert> alerts) {

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

    /** @throws NullPointerException when {@code channel}, {@code account} or {@code state} is null */
    public ChannelStatus {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(state, "state");
        orgnrs = orgnrs == null ? List.of() : List.copyOf(orgnrs);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    /** The most urgent severity among the alerts, or null when there are none. */
    public ChannelAlert.Severity worstSeverity() {
        return alerts.stream().map(ChannelAlert::severity).max(Enum::compareTo).orElse(null);
    }
}
