package no.postmottak.eformidling.simulator;

/**
 * What is wrong with one simulated message's content.
 *
 * @since 1.0.0
 */
public enum MessageFault {
    /** A well-formed ASiC-E. */
    NONE,
    /** The zip is cut short and ends in junk: no central directory. */
    CORRUPT_ZIP,
    /** No {@code arkivmelding.xml}; the documents are there. */
    NO_ARKIVMELDING,
    /** The arkivmelding names a file (the last document) that is not in the package. */
    MISSING_FILE
}
