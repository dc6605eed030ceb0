package no.postmottak.operations.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import no.postmottak.api.channel.ChannelAlert;

/** Norwegian wording shared by checks and mails: times, durations, and what to do per kind of channel problem. */
final class Texts {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm").withZone(OSLO);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(OSLO);

    private Texts() {
    }

    static String time(Instant instant) {
        return instant == null ? "(ukjent)" : TIME.format(instant);
    }

    static String date(Instant instant) {
        return instant == null ? "(ukjent)" : DATE.format(instant);
    }

    /** "2 timer", "45 minutter", "1 time og 5 minutter". */
    static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return minutes == 1 ? "1 minutt" : minutes + " minutter";
        }
        String h = hours == 1 ? "1 time" : hours + " timer";
        return rest == 0 ? h : h + " og " + (rest == 1 ? "1 minutt" : rest + " minutter");
    }

    /** What to do about a channel alert of this kind (the README's troubleshooting table). */
    static String advice(ChannelAlert.Kind kind) {
        if (kind == null) {
            return "Se postmottak:svarinn-status og loggen (no.postmottak.svarinn) for siste feil.";
        }
        return switch (kind) {
            case AUTHENTICATION_FAILED -> "Rett username og .password i kontoens konfigurasjon "
                    + "(etc/no.postmottak.svarinn.account-<navn>.cfg); er et nytt tjenestepassord laget i SvarUt, "
                    + "må det inn der. Kjør deretter postmottak:svarinn-poll.";
            case NO_KEY_FOR_RECIPIENT -> "Kjør postmottak:key-list og sett opp nøkkelen med serienummeret SvarUt "
                    + "krypterer til, eller last opp riktig sertifikat i SvarUt.";
            case CERTIFICATE_EXPIRING -> certificateAdvice();
            case UNREACHABLE -> "Sjekk at Karaf når SvarUt (nettverk, proxy, brannmur) og at databasen svarer; "
                    + "hentingen prøves igjen av seg selv. postmottak:svarinn-status viser siste feil.";
            case ITEMS_FAILED -> "postmottak:svarinn-failed viser hvilke forsendelser og hvorfor. De prøves igjen, "
                    + "og meldes til SvarUt som permanent feilet etter det konfigurerte antallet forsøk.";
            case CONFIGURATION -> "Rett kontoens konfigurasjon; meldingen sier hva som er galt (for eksempel samme "
                    + "organisasjonsnummer i to kontoer).";
        };
    }

    static String certificateAdvice() {
        return "Lag en ny nøkkel (postmottak:key-generate), last opp sertifikatet i SvarUt og behold begge nøklene "
                + "til gammel post er hentet.";
    }
}
