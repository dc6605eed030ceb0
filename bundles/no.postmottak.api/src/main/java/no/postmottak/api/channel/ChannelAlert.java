package no.postmottak.api.channel;

import java.util.Objects;

/**
 * A current problem an administrator should act on.
 *
 * @param kind     what kind of problem it is
 * @param severity how urgent it is
 * @param text     what happened and what to do, in Norwegian, for the administration page; never a secret
 * @since 1.0.0
 */
public record ChannelAlert(Kind kind, Severity severity, String text) {

    /** The kinds of problems; the page may group or colour by them. More may be added in minor versions. */
    public enum Kind {
        /** The channel refused our credentials; polling stopped until the configuration changes or "poll now". */
        AUTHENTICATION_FAILED,
        /** Mail is encrypted to a certificate we hold no key for, or no key is configured for an org number. */
        NO_KEY_FOR_RECIPIENT,
        /** A certificate that serves this account expires soon, or has expired. */
        CERTIFICATE_EXPIRING,
        /** The channel (or the inbox storage) could not be reached in the last poll; it is retried. */
        UNREACHABLE,
        /** Items could not be received; they are retried or reported as the failure policy says. */
        ITEMS_FAILED,
        /** The account's configuration is refused or incomplete, so it does not poll. */
        CONFIGURATION
    }

    /** How urgent an alert is. */
    public enum Severity {
        /** Works for now, but needs attention soon (shown yellow). */
        WARNING,
        /** Mail is not being received, or will not be (shown red). */
        ERROR
    }

    /** @throws NullPointerException when an argument is null */
    public ChannelAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
    }
}
