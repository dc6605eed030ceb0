package no.postmottak.api.keystore;

/**
 * The payload is encrypted to a certificate we hold no key for. This is our configuration problem (the wrong
 * certificate was uploaded to the sender's service, or a key is missing), never the sender's fault: do not report it
 * as a permanent failure upstream.
 */
public class NoKeyForRecipientException extends DecryptionException {

    private static final long serialVersionUID = 1L;

    private final String recipient;

    /** @param recipient the recipient as the CMS names it, e.g. {@code issuer=CN=x, serial=1A2B} */
    public NoKeyForRecipientException(String recipient) {
        // Operators read this in alerts and status: Norwegian, with the technical recipient after the sentence.
        super("Ingen nøkkel for mottakeren; legg inn den private nøkkelen som hører til sertifikatet: " + recipient);
        this.recipient = recipient;
    }

    public String recipient() {
        return recipient;
    }
}
