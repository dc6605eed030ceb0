package no.postmottak.arkivmelding;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How to write: schema version and the values a receiving archive needs but an inbox item does not carry.
 *
 * @param version            the schema version the receiver expects
 * @param system             the {@code system} element and the {@code fagsystem} of external keys, e.g. "Postmottak"
 * @param opprettetAv        who "created" the registration ({@code opprettetAv}, {@code arkivertAv}, ...)
 * @param administrativEnhet the saksmappe's administrative unit (required by the eFormidling schema)
 * @param saksansvarlig      the saksmappe's responsible person (required by the eFormidling schema)
 * @param journalstatus      the journalpost status, one of the descriptive values, e.g. "Journalført"
 * @param zone               the time zone for date-only values (journaldato), normally Europe/Oslo
 * @param clock              the clock for {@code tidspunkt} and the created dates
 */
public record ArkivmeldingSettings(ArkivmeldingVersion version, String system, String opprettetAv,
                                   String administrativEnhet, String saksansvarlig, String journalstatus,
                                   ZoneId zone, Clock clock) {

    /** The journalstatus values the eFormidling schema allows. */
    public static final java.util.Set<String> JOURNALSTATUS = java.util.Set.of("Journalført",
            "Ferdigstilt fra saksbehandler", "Godkjent av leder", "Ekspedert", "Arkivert", "Utgår");

    public ArkivmeldingSettings {
        Objects.requireNonNull(version, "version");
        system = orDefault(system, "Postmottak");
        opprettetAv = orDefault(opprettetAv, "Postmottak");
        administrativEnhet = orDefault(administrativEnhet, "Postmottak");
        saksansvarlig = orDefault(saksansvarlig, opprettetAv);
        journalstatus = orDefault(journalstatus, "Journalført");
        if (!JOURNALSTATUS.contains(journalstatus)) {
            throw new IllegalArgumentException("Ugyldig journalstatus '" + journalstatus + "': bruk en av "
                    + JOURNALSTATUS);
        }
        zone = zone == null ? ZoneId.of("Europe/Oslo") : zone;
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** Defaults for the given version: system and creator "Postmottak", status "Journalført", Europe/Oslo. */
    public static ArkivmeldingSettings defaults(ArkivmeldingVersion version) {
        return new ArkivmeldingSettings(version, null, null, null, null, null, null, null);
    }

    /** The same settings with another clock (tests, reproducible output). */
    public ArkivmeldingSettings withClock(Clock newClock) {
        return new ArkivmeldingSettings(version, system, opprettetAv, administrativEnhet, saksansvarlig,
                journalstatus, zone, newClock);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
