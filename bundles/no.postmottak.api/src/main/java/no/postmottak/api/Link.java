package no.postmottak.api;

/**
 * A link the sender included (SvarInn {@code lenker}).
 *
 * @param label the lead text shown before the link, may be null
 * @param url   the address, never null
 * @param text  the link text, may be null
 */
public record Link(String label, String url, String text) {
}
