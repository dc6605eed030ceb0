package no.postmottak.eformidling.internal;

import java.time.Duration;

import no.postmottak.channel.support.UpstreamException;

/** A failed call to the integrasjonspunkt, classified so the receive loop knows what to do next. */
public final class IpException extends UpstreamException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure. */
    public enum Kind {
        /** 401/403: wrong user or password. Stop polling until the configuration changes. */
        AUTHENTICATION,
        /** Network error, timeout, 5xx or 429: try again later. */
        UNAVAILABLE,
        /** 400 on pop or DELETE: the message is not locked (any more) for us. Peek again. */
        LOCK_LOST,
        /** 404: the message is gone (delivered by someone else, or never existed). */
        NOT_FOUND,
        /** Any other 4xx: this request will not succeed as it is. */
        REJECTED
    }

    private final Kind kind;

    public IpException(Kind kind, int status, String message, Duration retryAfter, Throwable cause) {
        super(status, message, retryAfter, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
