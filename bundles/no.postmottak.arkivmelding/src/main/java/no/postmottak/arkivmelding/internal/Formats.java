package no.postmottak.arkivmelding.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Value formats of the schemas: xs:date in the archive's zone, xs:dateTime with offset, whole seconds. */
final class Formats {

    private Formats() {
    }

    static String date(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate().toString();
    }

    static String dateTime(Instant instant, ZoneId zone) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The file format as archives name it: the upper-case extension ("PDF"), else the media type. */
    static String format(String fileName, String mediaType) {
        int dot = fileName.lastIndexOf('.');
        if (dot > 0 && dot < fileName.length() - 1 && fileName.length() - dot <= 8) {
            return fileName.substring(dot + 1).toUpperCase(Locale.ROOT);
        }
        return mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType;
    }
}
