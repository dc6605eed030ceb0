package no.postmottak.svarinn.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sender's own Noark metadata ({@code metadataFraAvleverendeSystem}). Dates are written as epoch millis
 * (or ISO strings under {@link Fault#DATES_AS_ISO}).
 *
 * @param sakssekvensnummer    sender's case sequence number, 0 when unset
 * @param saksaar              sender's case year, 0 when unset
 * @param journalaar           sender's registry-entry year, may be null
 * @param journalsekvensnummer may be null
 * @param journalpostnummer    may be null
 * @param journalposttype      typically "U", may be null
 * @param journalstatus        e.g. "F", "J", "E", may be null
 * @param journaldato          may be null
 * @param dokumentetsDato      may be null
 * @param tittel               sender's registry-entry title, may be null
 * @param saksBehandler        caseworker name, may be null
 * @param ekstraMetadata       free key/value pairs in order, never null (copied)
 * @since 1.0.0
 */
public record AvleverendeMetadata(int sakssekvensnummer, int saksaar, Integer journalaar, Integer journalsekvensnummer,
                                  Integer journalpostnummer, String journalposttype, String journalstatus,
                                  Instant journaldato, Instant dokumentetsDato, String tittel, String saksBehandler,
                                  Map<String, String> ekstraMetadata) {

    /** Copies {@code ekstraMetadata}, keeping its order. */
    public AvleverendeMetadata {
        ekstraMetadata = ekstraMetadata == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(ekstraMetadata));
    }

    /** @return metadata with every field unset, as SvarUt sends when the sender gave none */
    public static AvleverendeMetadata tom() {
        return new AvleverendeMetadata(0, 0, null, null, null, null, null, null, null, null, null, Map.of());
    }
}
