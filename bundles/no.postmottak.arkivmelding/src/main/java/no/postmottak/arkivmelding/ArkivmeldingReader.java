package no.postmottak.arkivmelding;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;

import no.postmottak.arkivmelding.internal.StaxArkivmeldingReader;

/**
 * Reads an incoming arkivmelding, streaming and leniently: "be lenient when reading, strict when writing". It does
 * not validate against a schema. It accepts the Arkivverket namespace, its {@code /v2} variant and no namespace
 * alike (elements are matched by local name), the beta and v1 schema shapes ({@code registrering} at the top level or
 * {@code basisregistrering}/{@code registrering} in a {@code mappe}, nested folders), code values written as text or
 * as {@code kodeverdi}/{@code kodebeskrivelse}, dates written as dates or date-times, and skips every element it does
 * not know. What is odd but readable becomes a warning on the result.
 * <p>
 * It refuses DTDs and external entities, caps every text value, the number of registrations and documents, and
 * the depth, so a hostile file cannot exhaust memory. Instances are immutable and thread-safe.
 *
 * @since 1.1.0
 */
@ProviderType
public interface ArkivmeldingReader {

    /**
     * Reads the document. The stream is not closed.
     *
     * @throws ArkivmeldingInvalidException when the bytes are not well-formed XML, the root element is not
     *                                      {@code arkivmelding}, or a limit is exceeded
     * @throws IOException                  when reading fails
     */
    IncomingArkivmelding read(InputStream xml) throws IOException;

    /** A reader with the default limits. */
    static ArkivmeldingReader create() {
        return new StaxArkivmeldingReader();
    }
}
