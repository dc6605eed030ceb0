package no.postmottak.api.inbox;

import java.util.List;

/**
 * One page of a query result.
 *
 * @param items      the items on this page
 * @param nextCursor where the next page starts, or null when this is the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return nextCursor != null;
    }
}
