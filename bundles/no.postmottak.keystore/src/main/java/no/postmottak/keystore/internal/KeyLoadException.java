package no.postmottak.keystore.internal;

/** A configured key could not be loaded. The message is meant for operators and never holds a secret. */
class KeyLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    KeyLoadException(String message) {
        super(message);
    }
}
