package no.postmottak.eformidling.internal;

/**
 * What happened to one message in a poll.
 *
 * @param messageId the message id
 * @param outcome   what happened
 * @param message   why, in Norwegian, or null
 */
public record MessageResult(String messageId, Outcome outcome, String message) {

    /** The possible outcomes. */
    public enum Outcome {
        /** Stored in the inbox and deleted from the integrasjonspunkt. */
        RECEIVED,
        /**
         * Stored in the inbox, but the DELETE failed (lock lost, or the integrasjonspunkt unavailable): the message
         * comes back at a peek, is found stored, and is deleted then.
         */
        STORED_NOT_DELETED,
        /** Stored before (e.g. a DELETE was lost in a crash); deleted from the integrasjonspunkt now. */
        ALREADY_STORED,
        /** A receipt (arkivmelding_kvittering) for a message we sent: consumed and deleted, never shown as mail. */
        RECEIPT,
        /** The lock was gone at pop or DELETE: peek again. */
        LOCK_LOST,
        /** Gone from the integrasjonspunkt before we popped it (delivered elsewhere). */
        GONE,
        /** Not received now (pop 500, broken download, inbox refused); it stays in the integrasjonspunkt. */
        WILL_RETRY,
        /** Its content cannot be read: never deleted, left in the integrasjonspunkt, and an alert is raised. */
        UNREADABLE
    }

    /** Whether it is in the inbox now. */
    public boolean stored() {
        return outcome == Outcome.RECEIVED || outcome == Outcome.STORED_NOT_DELETED
                || outcome == Outcome.ALREADY_STORED;
    }

    /** Whether it failed (it stays in the integrasjonspunkt and shows in the failed list). */
    public boolean failed() {
        return outcome == Outcome.WILL_RETRY || outcome == Outcome.UNREADABLE;
    }

    /** Whether the same message may be peeked again in this poll (to finish it). */
    boolean peekAgain() {
        return outcome == Outcome.LOCK_LOST || outcome == Outcome.STORED_NOT_DELETED;
    }
}
