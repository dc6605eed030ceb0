package no.postmottak.simulator.http;

/**
 * Thrown from a {@link Handler} (or by {@link Request#body()}) to answer with this status and message, written in
 * the server's {@link ErrorFormat}: a validation failure deep in a handler needs no plumbing back to the top.
 *
 * @since 1.0.0
 */
public final class StatusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status  HTTP status, 4xx or 5xx
     * @param message the error message the client sees
     */
    public StatusException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return the HTTP status to answer */
    public int status() {
        return status;
    }
}
