package no.postmottak.arkivmelding.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Values as senders write them, parsed without failing: what cannot be read becomes null and a warning. Dates may
 * come as xs:date (with or without an offset) or as a date-time; date-times without an offset are Norwegian time.
 */
final class LenientValues {

    static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");
    private static final Pattern DATE_PREFIX = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(?:Z|[+-]\\d{2}:\\d{2})?$");

    private final Consumer<String> warnings;

    LenientValues(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    Integer integer(String element, String text) {
        Long value = longValue(element, text);
        if (value == null) {
            return null;
        }
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            warn(element, text, "er for stort");
            return null;
        }
        return value.intValue();
    }

    Long longValue(String element, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            warn(element, text, "er ikke et heltall");
            return null;
        }
    }

    LocalDate date(String element, String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        var prefix = DATE_PREFIX.matcher(t);
        if (prefix.matches()) {
            return LocalDate.parse(prefix.group(1));
        }
        Instant instant = instantOrNull(t);
        if (instant != null) {
            return instant.atZone(NORWAY).toLocalDate();
        }
        warn(element, text, "er ikke en dato");
        return null;
    }

    Instant instant(String element, String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        Instant instant = instantOrNull(t);
        if (instant != null) {
            return instant;
        }
        var prefix = DATE_PREFIX.matcher(t);
        if (prefix.matches()) {
            return LocalDate.parse(prefix.group(1)).atStartOfDay(NORWAY).toInstant();
        }
        warn(element, text, "er ikke et tidspunkt");
        return null;
    }

    private static Instant instantOrNull(String t) {
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).atZone(NORWAY).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private void warn(String element, String text, String problem) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        warnings.accept(element + " «" + shown.strip() + "» " + problem + " og er utelatt");
    }
}
