package no.postmottak.channel.support;

import java.io.IOException;
import java.time.Duration;

/**
 * A failed call to a channel's upstream service (SvarInn, the integrasjonspunkt): the HTTP status and the wait the
 * service asked for. Each channel's subclass adds its own classification of what to do next.
 */
public abstract class UpstreamException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final Duration retryAfter;

    protected UpstreamException(int status, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, or 0 when no response came. */
    public int status() {
        return status;
    }

    /** How long the service asked us to wait ({@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
