package no.postmottak.keystore.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import no.postmottak.api.keystore.KeyInfo;

/** Rows of the {@code postmottak:key-list} table. Shows no secret; flags certificates expiring within 30 days. */
public final class KeyListing {

    public static final List<String> HEADERS =
            List.of("Navn", "Alias", "Subjekt", "Serienummer", "Utløper", "Konto", "Org.nr.", "Problem");
    static final Duration SOON = Duration.ofDays(30);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private KeyListing() {
    }

    public static List<List<String>> rows(List<KeyInfo> keys, Instant now) {
        return keys.stream().map(k -> List.of(text(k.name()), text(k.alias()), text(k.subject()),
                text(k.serialHex()), expiry(k, now), text(k.account()), String.join(",", k.orgnrs()),
                text(k.problem()))).toList();
    }

    static String expiry(KeyInfo key, Instant now) {
        if (key.notAfter() == null) {
            return "";
        }
        String date = DATE.format(key.notAfter());
        if (key.expiresBefore(now)) {
            return date + " (UTLØPT)";
        }
        return key.expiresBefore(now.plus(SOON)) ? date + " (UTLØPER SNART)" : date;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
