package no.postmottak.api.inbox;

/**
 * What the inbox read for a document does not match what the sender announced (the {@code expectedSize} or
 * {@code expectedSha256} of its {@link no.postmottak.api.DocumentDescriptor}): nothing of the item is stored. A channel
 * treats it as a content failure of that item (counted and reported to the sender by its policy), not as the inbox
 * being unavailable. The message says which file and what differs, in Norwegian.
 *
 * @since 2.4.0
 */
public class ContentMismatchException extends InboxException {

    private static final long serialVersionUID = 1L;

    public ContentMismatchException(String message) {
        super(message, false);
    }
}
