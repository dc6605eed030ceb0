package no.postmottak.api.archive;

/**
 * Archiving failed. The message is for the clerk (Norwegian where it is shown to users) and never carries secrets.
 */
public class ArchiveException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why archiving failed, which decides what the clerk can do. */
    public enum Reason {
        /** The archive is down, slow or answered 5xx: try again later. */
        UNAVAILABLE,
        /** The organisation's archive target is not deployed or not configured: an administrator must act. */
        TARGET_NOT_AVAILABLE,
        /** The archive refused the request (bad credentials, invalid data): retrying the same will not help. */
        REJECTED
    }

    private final Reason reason;

    public ArchiveException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ArchiveException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Whether the same request may succeed later without anyone changing anything. */
    public boolean isRetryable() {
        return reason != Reason.REJECTED;
    }
}
