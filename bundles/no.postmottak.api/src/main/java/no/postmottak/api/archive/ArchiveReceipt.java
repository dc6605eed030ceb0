package no.postmottak.api.archive;

import java.util.Map;

/**
 * What the archive assigned to an archived item.
 *
 * @param kind              the provider kind that archived it
 * @param journalpostId     the archive's id of the journal post (or of the delivery, for reception queues)
 * @param journalpostNumber the journal post number as clerks write it, e.g. {@code 2024/412-3}, or null when the
 *                          archive assigns it later
 * @param caseNumber        the case it was filed on, or null
 * @param details           further values worth showing, never null
 */
public record ArchiveReceipt(String kind, String journalpostId, String journalpostNumber, String caseNumber,
                             Map<String, String> details) {

    public ArchiveReceipt {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
