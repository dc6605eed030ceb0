package no.postmottak.keystore.internal;

/** A configured key could not be loaded. The message is meant for operators and never holds a secret. */
public class KeyLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    public KeyLoadException(String message) {
        super(message);
    }
}
