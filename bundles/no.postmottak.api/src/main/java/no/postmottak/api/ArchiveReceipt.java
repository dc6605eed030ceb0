package no.postmottak.api;

import java.util.Map;

/**
 * What the archive assigned to an archived item. It lives in the base package because both the inbox (which
 * keeps it with the item) and the archive SPI (whose providers return it) refer to it.
 *
 * @param kind              the provider kind that archived it, e.g. {@code websak}
 * @param target            the name of the configured archive target that archived it (the provider
 *                          configuration's {@code name}), or null when the provider has none
 * @param journalpostId     the archive's id of the journal post (or of the delivery, for reception queues)
 * @param journalpostNumber the journal post number as clerks write it, e.g. {@code 2024/412-3}, or null when the
 *                          archive assigns it later
 * @param caseNumber        the case it was filed on, or null
 * @param details           further values worth showing, never null
 */
public record ArchiveReceipt(String kind, String target, String journalpostId, String journalpostNumber,
                             String caseNumber, Map<String, String> details) {

    public ArchiveReceipt {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** The same receipt, recorded as archived by the named target. */
    public ArchiveReceipt withTarget(String targetName) {
        return new ArchiveReceipt(kind, targetName, journalpostId, journalpostNumber, caseNumber, details);
    }
}
