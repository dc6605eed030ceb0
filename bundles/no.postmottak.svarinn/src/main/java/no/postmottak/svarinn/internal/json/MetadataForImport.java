package no.postmottak.svarinn.internal.json;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** The sender's filing suggestion for us; {@code dokumentetsDato} is documented as ISO-8601 but may be millis. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetadataForImport(Integer sakssekvensnummer, Integer saksaar, String journalposttype,
        String journalstatus, @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant dokumentetsDato,
        String tittel) {
}
