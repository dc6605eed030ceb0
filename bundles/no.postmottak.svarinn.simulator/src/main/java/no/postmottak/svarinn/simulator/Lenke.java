package no.postmottak.svarinn.simulator;

/**
 * A link the sender attached to a forsendelse ({@code lenker[]}).
 *
 * @param ledetekst lead text
 * @param urlLenke  the URL
 * @param urlTekst  the link text
 * @since 1.0.0
 */
public record Lenke(String ledetekst, String urlLenke, String urlTekst) {
}
