package no.postmottak.svarinn.internal.json;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import no.postmottak.api.IncomingItem;
import no.postmottak.svarinn.internal.ForsendelseMapper;
import no.postmottak.svarinn.internal.Offered;

/**
 * One item of SvarInn V1's {@code GET mottaker/hentNyeForsendelser}. Tolerant by design: unknown fields are
 * ignored (KS adds fields, MOVE-2540), any field may be null or missing, dates may be epoch millis or ISO-8601.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Forsendelse(String id, String tittel,
        @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant date,
        String status, String niva, Adresse avsender, Adresse mottaker, Adresse svarSendesTil,
        String svarPaForsendelse, String forsendelseType, String eksternRef,
        MetadataFraAvleverendeSystem metadataFraAvleverendeSystem, MetadataForImport metadataForImport,
        List<FilMetadata> filmetadata, List<Lenke> lenker, String downloadUrl) implements Offered {

    @Override
    public List<FilMetadata> filer() {
        return filmetadata == null ? List.of() : filmetadata;
    }

    @Override
    public String type() {
        return forsendelseType;
    }

    @Override
    public IncomingItem toIncomingItem(ForsendelseMapper mapper) {
        return mapper.fromV1(this);
    }
}
