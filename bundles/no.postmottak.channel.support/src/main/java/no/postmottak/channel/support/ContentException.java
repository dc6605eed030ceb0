package no.postmottak.channel.support;

import java.io.IOException;

/**
 * The payload itself is wrong: a name that escapes the folder, a zip bomb, a hash mismatch, a missing or extra
 * document, an empty or corrupt zip, an unknown format. The message is Norwegian: it may go to the sender (SvarInn's
 * {@code feilmelding}) and is shown to operators. Such content will not get better by fetching it again, but each
 * channel's failure policy decides when to give up.
 */
public final class ContentException extends IOException {

    private static final long serialVersionUID = 1L;

    public ContentException(String feilmelding) {
        super(feilmelding);
    }
}
