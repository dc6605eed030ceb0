package no.postmottak.api.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import no.postmottak.api.IncomingItem;
import no.postmottak.api.ItemState;
import no.postmottak.api.ArchiveReceipt;

/**
 * An item in the inbox with what the inbox knows about it.
 *
 * @param id         the inbox's id
 * @param metadata   what the channel said about it
 * @param receivedAt when the inbox stored it
 * @param state      where it is in the clerk's work
 * @param documents  the documents in order
 * @param receipt    what the archive assigned, when archived; otherwise null
 * @param orgConfigured false when no organisation configuration exists for the recipient org number (an
 *                   administrator must look at it)
 */
public record InboxItem(UUID id, IncomingItem metadata, Instant receivedAt, ItemState state,
                        List<StoredDocument> documents, ArchiveReceipt receipt, boolean orgConfigured) {

    public InboxItem {
        documents = List.copyOf(documents);
    }
}
