package no.postmottak.svarinn.internal.json;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * One item of {@code GET /mottaker/hentNyeForsendelser}. Tolerant by design: unknown fields are ignored (KS adds
 * fields, MOVE-2540), any field may be null or missing, dates may be epoch millis or ISO-8601.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Forsendelse(String id, String tittel,
        @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant date,
        String status, String niva, Adresse avsender, Adresse mottaker, Adresse svarSendesTil,
        String svarPaForsendelse, String forsendelseType, String eksternRef,
        MetadataFraAvleverendeSystem metadataFraAvleverendeSystem, MetadataForImport metadataForImport,
        List<FilMetadata> filmetadata, List<Lenke> lenker, String downloadUrl) {

    public List<FilMetadata> filer() {
        return filmetadata == null ? List.of() : filmetadata;
    }
}
