package no.postmottak.svarinn.simulator.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.svarinn.simulator.Fault;

/**
 * A forsendelse as SvarInn V2 lists it, made from its V1 form: one source for both versions, so generated items and
 * real V1 fixtures alike are served over V2. Renames and retypes as the V2 model does (ISO dates, {@code
 * sikkerhetsniva}, {@code filer[]}, {@code mappeId}, …); fields V1 does not know are copied as they are, so unknown
 * fields stay unknown. Under {@link Fault#DATES_AS_ISO} dates come without an offset, a quirk a receiver must take.
 */
final class ForsendelseJsonV2 {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /** V1 field → V2 field, where only the name changed. */
    private static final Map<String, String> ADDRESS = Map.of("orgnr", "organisasjonsnummer", "fnr",
            "fodselsnummer", "postnr", "postnummer", "adresse1", "adresselinje1", "adresse2", "adresselinje2",
            "adresse3", "adresselinje3");
    private static final Map<String, String> FILE = Map.of("mimetype", "mimeType", "sha256hash", "hash", "size",
            "storrelse", "dokumentType", "type");
    private static final Map<String, String> AVLEVERENDE = Map.of("saksBehandler", "saksbehandler",
            "ekstraMetadata", "virksomhetsspesifikkeMetadata");
    private static final Map<String, String> LENKE = Map.of("urlLenke", "lenke", "urlTekst", "tekst");

    private final ObjectMapper mapper;

    ForsendelseJsonV2(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode write(ObjectNode v1, StoredForsendelse f, String nedlastingslenke) {
        boolean local = f.spec.has(Fault.DATES_AS_ISO);
        ObjectNode o = mapper.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = v1.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "date" -> o.set("dato", date(v, local));
                case "niva" -> o.put("sikkerhetsniva", "4".equals(v.asText()) ? "HOYESTE"
                        : "3".equals(v.asText()) ? "BETYDELIG" : v.asText());
                case "status" -> { } // V2 lists only what waits
                case "forsendelseType" -> o.set("type", v);
                case "downloadUrl" -> { }
                case "avsender", "mottaker", "svarSendesTil" -> o.set(e.getKey(), renamed(v, ADDRESS, local));
                case "metadataFraAvleverendeSystem" -> o.set(e.getKey(), renamed(v, AVLEVERENDE, local));
                case "metadataForImport" -> o.set(e.getKey(), forImport(v, local));
                case "filmetadata" -> o.set("filer", each(v, FILE, local));
                case "lenker" -> o.set("lenker", each(v, LENKE, local));
                default -> o.set(e.getKey(), v);
            }
        }
        o.put("avgivendeSystem", f.spec.avgivendeSystem());
        o.put("taushetsbelagtPost", f.spec.taushetsbelagtPost());
        o.put("nedlastingslenke", nedlastingslenke);
        return o;
    }

    /** Saksår and sekvensnummer move into {@code mappeId}; the rest stays. */
    private JsonNode forImport(JsonNode v1, boolean local) {
        if (!v1.isObject()) {
            return v1;
        }
        ObjectNode o = renamed(v1, Map.of(), local);
        JsonNode year = o.remove("saksaar");
        JsonNode seq = o.remove("sakssekvensnummer");
        if (year != null && year.asInt() > 0 && seq != null && seq.asInt() > 0) {
            o.putObject("mappeId").put("saksaar", year.asInt()).put("sakssekvensnummer", seq.asInt())
                    .putNull("mappeId").putNull("systemId");
        }
        return o;
    }

    private ArrayNode each(JsonNode array, Map<String, String> names, boolean local) {
        ArrayNode out = mapper.createArrayNode();
        if (array.isArray()) {
            array.forEach(element -> out.add(renamed(element, names, local)));
        }
        return out;
    }

    private ObjectNode renamed(JsonNode v1, Map<String, String> names, boolean local) {
        if (!v1.isObject()) {
            return null;
        }
        ObjectNode o = mapper.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = v1.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = names.getOrDefault(e.getKey(), e.getKey());
            boolean isDate = name.endsWith("dato") || name.endsWith("Dato");
            o.set(name, isDate ? date(e.getValue(), local) : e.getValue());
        }
        return o;
    }

    /** Epoch millis or ISO in V1; ISO-8601 in V2, with offset unless {@code local}. */
    private JsonNode date(JsonNode v, boolean local) {
        Instant t;
        if (v.isNumber()) {
            t = Instant.ofEpochMilli(v.asLong());
        } else if (v.isTextual() && !v.asText().isBlank()) {
            try {
                t = OffsetDateTime.parse(v.asText()).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                return v;
            }
        } else {
            return v;
        }
        LocalDateTime oslo = LocalDateTime.ofInstant(t, OSLO);
        return mapper.getNodeFactory().textNode(local ? LOCAL.format(oslo)
                : ForsendelseJson.ISO.format(t.atZone(OSLO)));
    }
}
