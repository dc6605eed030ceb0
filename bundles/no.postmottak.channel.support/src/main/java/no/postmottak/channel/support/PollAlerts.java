package no.postmottak.channel.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import no.postmottak.api.channel.ChannelAlert;
import no.postmottak.api.channel.ChannelAlert.Kind;
import no.postmottak.api.channel.ChannelAlert.Severity;
import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.api.channel.ChannelStatus.Outcome;

/**
 * The part of a channel account's status every channel derives the same way: the poll line, the state, and the
 * alert the account's state calls for. Channels add their own alerts (keys, failed items, ...) and sort with
 * {@link #mostUrgentFirst}.
 */
public final class PollAlerts {

    private PollAlerts() {
    }

    /** The last poll as the page shows it, or null before the first. */
    public static ChannelStatus.Poll lastPoll(Instant started, Instant ended, Outcome outcome, String summary) {
        return started == null ? null
                : new ChannelStatus.Poll(started, ended, outcome == null ? Outcome.RUNNING : outcome, summary);
    }

    /** The page's state for a loop state; {@code refused} (the configuration was not accepted) is STOPPED. */
    public static ChannelStatus.State state(PollLoop.State state, boolean refused) {
        if (refused || state == null) {
            return ChannelStatus.State.STOPPED;
        }
        return switch (state) {
            case ACTIVE -> ChannelStatus.State.ACTIVE;
            case STANDBY -> ChannelStatus.State.STANDBY;
            default -> ChannelStatus.State.STOPPED;
        };
    }

    /**
     * The alert the account's state calls for: a refused login or configuration (error), or a failed last poll that
     * is being retried (warning).
     *
     * @param refusal why the configuration was refused, or null when it was accepted
     */
    public static Optional<ChannelAlert> stateAlert(PollLoop.State state, String message, String refusal,
                                                    Outcome lastOutcome, String lastResult) {
        if (refusal != null) {
            return Optional.of(new ChannelAlert(Kind.CONFIGURATION, Severity.ERROR, refusal));
        }
        if (state == PollLoop.State.AUTHENTICATION_FAILED) {
            return Optional.of(new ChannelAlert(Kind.AUTHENTICATION_FAILED, Severity.ERROR,
                    message == null ? "Innloggingen ble avvist" : message));
        }
        if (state == PollLoop.State.ACTIVE && lastOutcome == Outcome.FAILED) {
            return Optional.of(new ChannelAlert(Kind.UNREACHABLE, Severity.WARNING,
                    "Siste henting feilet og prøves igjen: " + lastResult));
        }
        return Optional.empty();
    }

    /** The alerts with errors before warnings, otherwise in the order given. */
    public static List<ChannelAlert> mostUrgentFirst(List<ChannelAlert> alerts) {
        List<ChannelAlert> sorted = new ArrayList<>(alerts);
        sorted.sort(Comparator.comparing(ChannelAlert::severity).reversed());
        return sorted;
    }
}
