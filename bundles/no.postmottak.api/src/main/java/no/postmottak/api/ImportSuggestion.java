package no.postmottak.api;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The sender's suggestion for how we file the item (SvarInn {@code metadataForImport}): typically which of
 * <em>our</em> cases it belongs to. Only a suggestion: it is validated and the clerk decides. Any field may be null.
 */
public record ImportSuggestion(Integer saksaar, Integer sakssekvensnummer, String journalposttype,
                               String journalstatus, LocalDate dokumentetsDato, String tittel) {

    /** Our case the sender suggests, when both parts are positive (senders use 0 and -1 for "none"). */
    public Optional<CaseNumber> caseNumber() {
        return CaseNumber.ofNullable(saksaar, sakssekvensnummer);
    }
}
