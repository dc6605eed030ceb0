package no.postmottak.svarinn.simulator;

import java.time.OffsetDateTime;

/**
 * Hints for the receiver's archive ({@code metadataForImport}): which of the receiver's cases to file on.
 * {@code dokumentetsDato} is written as an ISO-8601 string, as KS documents it (or as millis under
 * {@link Fault#IMPORT_DATE_AS_MILLIS}).
 *
 * @param sakssekvensnummer receiver's case sequence number, 0 = not given
 * @param saksaar           receiver's case year, 0 = not given
 * @param journalposttype   suggested type, may be null
 * @param journalstatus     suggested status, may be null
 * @param dokumentetsDato   may be null
 * @param tittel            suggested title, may be null
 * @since 1.0.0
 */
public record ImportMetadata(int sakssekvensnummer, int saksaar, String journalposttype, String journalstatus,
                             OffsetDateTime dokumentetsDato, String tittel) {

    /** @return import metadata with no suggestion */
    public static ImportMetadata tom() {
        return new ImportMetadata(0, 0, null, null, null, null);
    }
}
