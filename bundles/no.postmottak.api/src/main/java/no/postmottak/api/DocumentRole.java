package no.postmottak.api;

/** A document's role in an item: the first document is the main document, the rest are attachments. */
public enum DocumentRole {
    /** Hoveddokument. */
    MAIN,
    /** Vedlegg. */
    ATTACHMENT
}
