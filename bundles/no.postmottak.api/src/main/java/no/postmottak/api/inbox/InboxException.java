package no.postmottak.api.inbox;

/**
 * Something the inbox could not do. The message is meant for the clerk or operator and never carries secrets.
 * {@link #isRetryable()} tells whether trying again later may succeed (storage down) or not (illegal action).
 */
public class InboxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public InboxException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public InboxException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
