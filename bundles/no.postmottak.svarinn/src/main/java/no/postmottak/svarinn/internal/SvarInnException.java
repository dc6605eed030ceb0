package no.postmottak.svarinn.internal;

import java.time.Duration;

import no.postmottak.channel.support.UpstreamException;

/** A failed call to the SvarInn API, classified so the poller knows whether to retry, wait or stop. */
public final class SvarInnException extends UpstreamException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, which decides what the poller does next. */
    public enum Kind {
        /** 401/403: wrong username or password. Stop polling until the configuration changes. */
        AUTHENTICATION,
        /** 429: SvarUt asks us to slow down; {@link #retryAfter()} says how long. */
        RATE_LIMITED,
        /** Network error, timeout or 5xx: retry at the next poll. */
        UNAVAILABLE,
        /** Any other 4xx: this request will not succeed as it is. */
        REJECTED
    }

    private final Kind kind;

    public SvarInnException(Kind kind, int status, String message, Duration retryAfter, Throwable cause) {
        super(status, message, retryAfter, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
