package no.postmottak.inbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import no.postmottak.api.IncomingItem;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.archive.CaseInfo;

/** JSON form of the values stored whole: the item metadata and the archive receipt. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static IncomingItem item(String json) {
        return read(json, IncomingItem.class);
    }

    /** What a node that takes over an interrupted archiving needs: the clerk and the case chosen. */
    record ArchivingRequest(String actor, CaseInfo targetCase, String detail) {
    }

    static ArchivingRequest archivingRequest(String json) {
        return json == null ? null : read(json, ArchivingRequest.class);
    }

    static ArchiveReceipt receipt(String json) {
        return json == null ? null : read(json, ArchiveReceipt.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " is not readable JSON", e);
        }
    }
}
