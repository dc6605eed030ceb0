package no.postmottak.svarinn.simulator;

/**
 * What the decrypted download holds.
 *
 * @since 1.0.0
 */
public enum PayloadMode {
    /** A zip with one entry per document, named as {@code filmetadata.filnavn}, in order (SvarUt's normal case). */
    ZIP,
    /** The single document as a bare PDF ({@code Content-Type: application/pdf}), as KS's own fake server does. */
    BARE_PDF
}
