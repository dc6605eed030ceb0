package no.postmottak.svarinn.internal.json;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import no.postmottak.api.IncomingItem;
import no.postmottak.svarinn.internal.ForsendelseMapper;
import no.postmottak.svarinn.internal.Offered;

/**
 * One item of SvarInn V2's {@code GET svarinn/v2/forsendelser}. As tolerant as V1: unknown fields are ignored, any
 * field may be null, {@code sikkerhetsniva} is read as text so that a new level does not stop the item, and dates
 * come with or without offset (or as epoch millis).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ForsendelseV2(String id, String tittel,
        @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant dato,
        String sikkerhetsniva, Adresse avsender, Adresse mottaker, Adresse svarSendesTil, String svarPaForsendelse,
        String type, String eksternRef, String avgivendeSystem, Boolean taushetsbelagtPost,
        MetadataFraAvleverendeSystem metadataFraAvleverendeSystem, MetadataForImport metadataForImport,
        List<FilMetadata> filer, List<Lenke> lenker, String nedlastingslenke) implements Offered {

    public ForsendelseV2 {
        filer = filer == null ? List.of() : filer;
        lenker = lenker == null ? List.of() : lenker;
    }

    @Override
    public Instant date() {
        return dato;
    }

    @Override
    public String downloadUrl() {
        return nedlastingslenke;
    }

    @Override
    public IncomingItem toIncomingItem(ForsendelseMapper mapper) {
        return mapper.fromV2(this);
    }
}
