package no.postmottak.eformidling.simulator;

import java.time.Instant;

/**
 * One call a receiver made, for tests to inspect: what was peeked, popped and deleted, in order.
 *
 * @param at        when the simulator answered
 * @param kind      PEEK, POP or DELETE
 * @param messageId the message, or null for a peek that found none
 * @param status    the HTTP status answered
 * @since 1.0.0
 */
public record Call(Instant at, Kind kind, String messageId, int status) {

    /** The kinds of calls recorded. */
    public enum Kind {
        PEEK, POP, DELETE
    }
}
