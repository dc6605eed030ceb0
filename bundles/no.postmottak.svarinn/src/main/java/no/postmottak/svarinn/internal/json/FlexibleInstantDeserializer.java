package no.postmottak.svarinn.internal.json;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

/**
 * SvarInn dates come as epoch milliseconds (most fields), as ISO-8601 strings ({@code metadataForImport}), as
 * numeric strings, or as null. All of them are read; anything else is a clear error naming the value.
 */
public final class FlexibleInstantDeserializer extends JsonDeserializer<Instant> {

    private static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return Instant.ofEpochMilli(parser.getLongValue());
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        String text = parser.getValueAsString();
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse(text.trim());
        } catch (DateTimeParseException | NumberFormatException e) {
            return (Instant) context.handleWeirdStringValue(Instant.class, text,
                    "not epoch milliseconds nor an ISO-8601 date");
        }
    }

    static Instant parse(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(NORWAY).toInstant();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).atZone(NORWAY).toInstant();
        }
    }
}
