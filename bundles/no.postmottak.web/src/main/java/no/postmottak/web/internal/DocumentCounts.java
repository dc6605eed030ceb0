package no.postmottak.web.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;

/**
 * The number of documents per item for the inbox list. {@link Inbox#find} returns metadata only, so the count
 * costs one {@link Inbox#get} per row; an item's document list never changes after it is accepted (deletion purges
 * content, not the list), so counts are cached. Bounded: the cache starts over when full.
 */
public final class DocumentCounts {

    private static final int MAX_ENTRIES = 100_000;

    private final Inbox inbox;
    private final Map<UUID, Integer> counts = new ConcurrentHashMap<>();

    public DocumentCounts(Inbox inbox) {
        this.inbox = inbox;
    }

    public int of(InboxItem item) throws InboxException {
        if (!item.documents().isEmpty()) {
            return item.documents().size();
        }
        Integer cached = counts.get(item.id());
        if (cached != null) {
            return cached;
        }
        int count = inbox.get(item.id()).map(i -> i.documents().size()).orElse(0);
        if (counts.size() >= MAX_ENTRIES) {
            counts.clear();
        }
        counts.put(item.id(), count);
        return count;
    }
}
