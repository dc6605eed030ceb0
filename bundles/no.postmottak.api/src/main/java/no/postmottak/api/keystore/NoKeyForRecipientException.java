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
        super("No key for recipient " + recipient + ": configure the private key that belongs to this certificate");
        this.recipient = recipient;
    }

    public String recipient() {
        return recipient;
    }
}
