package no.postmottak.api;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The sender's own Noark registration of what it sent (SvarInn {@code metadataFraAvleverendeSystem}). These are the
 * sender's numbers: "their reference" in our archive, never our own case or journal numbers. Any field may be null.
 */
public record SenderMetadata(Integer saksaar, Integer sakssekvensnummer, Integer journalaar,
                             Integer journalsekvensnummer, Integer journalpostnummer, String journalposttype,
                             String journalstatus, Instant journaldato, Instant dokumentetsDato, String tittel,
                             String saksbehandler, Map<String, String> ekstraMetadata) {

    public SenderMetadata {
        ekstraMetadata = ekstraMetadata == null ? Map.of() : Map.copyOf(ekstraMetadata);
    }

    /** The sender's case number, when both parts are set. */
    public Optional<CaseNumber> caseNumber() {
        return CaseNumber.ofNullable(saksaar, sakssekvensnummer);
    }

    /** "Deres referanse" as a clerk reads it: the sender's case and journal post, e.g. {@code 2024/1234-7}. */
    public Optional<String> reference() {
        return caseNumber().map(c -> journalpostnummer != null && journalpostnummer > 0 ? c + "-" + journalpostnummer
                : c.toString());
    }
}
