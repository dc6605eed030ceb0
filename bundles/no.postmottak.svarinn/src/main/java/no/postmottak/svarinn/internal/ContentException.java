package no.postmottak.svarinn.internal;

import java.io.IOException;

/**
 * The payload itself is wrong: a name that escapes the folder, a zip bomb, a hash mismatch, a missing or extra
 * document, an empty zip, an unknown format. The message is Norwegian: it goes to the sender as {@code feilmelding}.
 * Such content will not get better by fetching it again, but the failure policy decides when to give up.
 */
public final class ContentException extends IOException {

    private static final long serialVersionUID = 1L;

    public ContentException(String feilmelding) {
        super(feilmelding);
    }
}
