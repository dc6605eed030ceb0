package no.postmottak.api.inbox;

/**
 * Forward an item's documents by e-mail ("ta ned og videresende").
 *
 * @param toAddress the e-mail address to send to
 * @param note      the clerk's note for the recipient, may be empty
 */
public record ForwardRequest(String toAddress, String note) {

    public ForwardRequest {
        if (toAddress == null || !toAddress.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("Ugyldig e-postadresse: " + toAddress);
        }
        note = note == null ? "" : note;
    }
}
