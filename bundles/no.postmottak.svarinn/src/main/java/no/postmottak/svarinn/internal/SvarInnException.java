package no.postmottak.svarinn.internal;

import java.io.IOException;
import java.time.Duration;

/** A failed call to the SvarInn API, classified so the poller knows whether to retry, wait or stop. */
public final class SvarInnException extends IOException {

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
    private final int status;
    private final Duration retryAfter;

    public SvarInnException(Kind kind, int status, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no response came. */
    public int status() {
        return status;
    }

    /** How long SvarUt asked us to wait (429 Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
