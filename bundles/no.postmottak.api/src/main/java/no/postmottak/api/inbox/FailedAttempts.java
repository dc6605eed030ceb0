package no.postmottak.api.inbox;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Failed attempts to receive one upstream item (a SvarInn forsendelse, an eFormidling message), kept in the inbox's
 * database so that a channel's failure policy ("permanent after N attempts") counts the same after a restart and on
 * whichever cluster node polls next. An item is named by a {@code scope} (the upstream account, e.g. the channel's
 * lease name, the same on every node) and its {@code key} (the upstream's id).
 *
 * @since 2.3.0
 */
@ProviderType
public interface FailedAttempts {

    /**
     * The failed attempts of one item.
     *
     * @param count how many failed
     * @param last  when the last one was recorded (database clock), or null when none
     */
    record Attempts(int count, Instant last) {

        public static final Attempts NONE = new Attempts(0, null);
    }

    /** Counts one more failed attempt, atomically (also between nodes); returns the attempts including this one. */
    Attempts recordFailure(String scope, String key) throws InboxException;

    /** The failed attempts so far; {@link Attempts#NONE} when there are none. */
    Attempts attempts(String scope, String key) throws InboxException;

    /** Forgets the item's failed attempts (received, reported permanently, or an operator's "retry"). */
    void reset(String scope, String key) throws InboxException;

    /** Forgets every item's failed attempts in the scope (an operator's "poll now, try everything again"). */
    void resetAll(String scope) throws InboxException;
}
