package no.postmottak.web.internal;

/** Ends a request with an HTTP status and a message for the user (Norwegian, never a secret). */
public final class HttpError extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final boolean retryable;

    public HttpError(int status, String message) {
        this(status, message, false);
    }

    public HttpError(int status, String message, boolean retryable) {
        super(message, null, false, false);
        this.status = status;
        this.retryable = retryable;
    }

    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }

    public static HttpError forbidden() {
        return new HttpError(403, "Du har ikke tilgang til dette");
    }
}
