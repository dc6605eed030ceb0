package no.postmottak.api;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The sender's suggestion for how we file the item (SvarInn {@code metadataForImport}): typically which of
 * <em>our</em> cases it belongs to. Only a suggestion: it is validated and the clerk decides. Any field may be null.
 *
 * @param caseSystemId our archive's own id of that case (SvarInn V2 {@code mappeId.systemId}), for archives that
 *                     look cases up by id; null when not given
 * @since 1.3 {@code caseSystemId}
 */
public record ImportSuggestion(Integer saksaar, Integer sakssekvensnummer, String journalposttype,
                               String journalstatus, LocalDate dokumentetsDato, String tittel, String caseSystemId) {

    public ImportSuggestion {
        caseSystemId = caseSystemId == null || caseSystemId.isBlank() ? null : caseSystemId.trim();
    }

    /** A suggestion without the archive's case id (the constructor of 1.2). */
    public ImportSuggestion(Integer saksaar, Integer sakssekvensnummer, String journalposttype, String journalstatus,
                            LocalDate dokumentetsDato, String tittel) {
        this(saksaar, sakssekvensnummer, journalposttype, journalstatus, dokumentetsDato, tittel, null);
    }

    /** Our case the sender suggests, when both parts are positive (senders use 0 and -1 for "none"). */
    public Optional<CaseNumber> caseNumber() {
        return CaseNumber.ofNullable(saksaar, sakssekvensnummer);
    }
}
