package no.postmottak.svarinn.internal.json;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The sender's own Noark metadata; every number may be null in real data (MOVE-3937). V2 spells
 * {@code saksbehandler} and calls the extra metadata {@code virksomhetsspesifikkeMetadata}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetadataFraAvleverendeSystem(Integer sakssekvensnummer, Integer saksaar, Integer journalaar,
        Integer journalsekvensnummer, Integer journalpostnummer, String journalposttype, String journalstatus,
        @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant journaldato,
        @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant dokumentetsDato,
        String tittel, @JsonAlias("saksbehandler") String saksBehandler,
        @JsonAlias("virksomhetsspesifikkeMetadata") List<EkstraMetadata> ekstraMetadata) {
}
