package no.postmottak.svarinn.internal;

import java.time.Instant;
import java.util.List;

import no.postmottak.api.channel.ChannelStatus.Outcome;

/**
 * What an operator needs to know about one SvarInn account. Never holds the password.
 *
 * @param account      the configuration's name
 * @param state        what the poller is doing
 * @param message      why it is in that state, when that needs saying
 * @param lastPoll     when the last poll started, or null
 * @param lastResult   a one-line summary of the last poll
 * @param lastPollEnded when the last poll ended, or null while it runs or before the first
 * @param lastOutcome  how the last poll ended, or null before the first
 * @param nextPoll     when the next poll is due, or null when not polling
 * @param received     items received since start
 * @param failed       items that failed since start
 * @param failedItems  the items whose last attempt failed, with the reason
 */
public record AccountStatus(String account, State state, String message, Instant lastPoll, String lastResult,
                            Instant lastPollEnded, Outcome lastOutcome, Instant nextPoll, long received,
                            long failed, List<ItemResult> failedItems) {

    /** What the poller is doing. */
    public enum State {
        /** Polling on schedule. */
        ACTIVE,
        /** Another node holds the account's lease and polls it. */
        STANDBY,
        /** SvarUt refused our credentials: no polling until the configuration changes or "poll now". */
        AUTHENTICATION_FAILED,
        /** The configuration claims an org number another account already fetches. */
        REFUSED,
        /** Stopped. */
        STOPPED
    }
}
