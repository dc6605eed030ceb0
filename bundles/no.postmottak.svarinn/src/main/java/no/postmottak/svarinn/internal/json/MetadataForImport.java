package no.postmottak.svarinn.internal.json;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The sender's filing suggestion for us; {@code dokumentetsDato} is documented as ISO-8601 but may be millis. V1 has
 * the case number flat; V2 nests it in {@code mappeId} and adds the journalpost this answers ({@code journalpostId}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetadataForImport(Integer sakssekvensnummer, Integer saksaar, String journalposttype,
        String journalstatus, @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant dokumentetsDato,
        String tittel, MappeId mappeId, JournalpostId journalpostId) {

    /** V2: one of our cases, by number and by the archive's own id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MappeId(String mappeId, String systemId, Integer saksaar, Integer sakssekvensnummer) {
    }

    /** V2: one of our journalposts, which this forsendelse answers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record JournalpostId(String systemId, String registreringsId, Integer journalpostnummer) {
    }

    /** The case year, V2's {@code mappeId} first. */
    public Integer caseYear() {
        return mappeId != null && mappeId.saksaar() != null ? mappeId.saksaar() : saksaar;
    }

    /** The case sequence number, V2's {@code mappeId} first. */
    public Integer caseSequence() {
        return mappeId != null && mappeId.sakssekvensnummer() != null ? mappeId.sakssekvensnummer()
                : sakssekvensnummer;
    }
}
