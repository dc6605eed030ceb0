package no.postmottak.api.archive;

import java.util.List;
import java.util.Objects;

import no.postmottak.api.inbox.InboxItem;

/**
 * One item to archive.
 *
 * @param item       the inbox item with its metadata
 * @param documents  its documents in order (main document first)
 * @param targetCase the case to file on, or null for the organisation's fallback (distribution) case
 * @param progress   durable notes for resuming a half-done archiving
 */
public record ArchiveRequest(InboxItem item, List<ArchiveDocument> documents, CaseInfo targetCase,
                             ArchiveProgress progress) {

    public ArchiveRequest {
        Objects.requireNonNull(item, "item");
        documents = List.copyOf(documents);
        Objects.requireNonNull(progress, "progress");
    }
}
