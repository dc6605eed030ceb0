package no.postmottak.svarinn.simulator;

/**
 * Simulated SvarUt state of a forsendelse.
 *
 * @since 1.0.0
 */
public enum ForsendelseStatus {
    /** Waiting; listed by {@code hentNyeForsendelser}. */
    KLAR_FOR_MOTTAK,
    /** Acknowledged with kvitterMottak; no longer listed. */
    LEST,
    /** Reported as permanently failed; SvarUt would send it by other channels. No longer listed. */
    SENDT_ANNEN_KANAL
}
