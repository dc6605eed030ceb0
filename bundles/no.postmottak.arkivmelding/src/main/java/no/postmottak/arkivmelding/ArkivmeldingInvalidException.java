package no.postmottak.arkivmelding;

import java.io.IOException;

/** An arkivmelding document does not follow its schema. The message names the first error and its line. */
public class ArkivmeldingInvalidException extends IOException {

    private static final long serialVersionUID = 1L;

    public ArkivmeldingInvalidException(String message, Throwable cause) {
        super(message, cause);
    }
}
