package no.postmottak.svarinn.internal;

/** What happened to one forsendelse in a poll. */
public record ItemResult(String forsendelseId, Outcome outcome, String message) {

    /** The possible outcomes. */
    public enum Outcome {
        /** Stored in the inbox and acknowledged. */
        RECEIVED,
        /** Stored before; acknowledged again. */
        ALREADY_STORED,
        /** Not received; it stays waiting in SvarUt and is tried at the next poll. */
        WILL_RETRY,
        /** Not received; SvarUt was told, as a temporary failure. */
        REPORTED_TEMPORARY,
        /** Not received; SvarUt was told it never will be, and delivers it another way. */
        REPORTED_PERMANENT,
        /** Encrypted to a certificate we hold no key for: our configuration problem. */
        NO_KEY
    }

    public boolean failed() {
        return outcome != Outcome.RECEIVED && outcome != Outcome.ALREADY_STORED;
    }
}
