package no.postmottak.api.inbox;

import java.time.Instant;
import java.util.Set;

import no.postmottak.api.ItemState;

/**
 * A filter and a page position over the inbox, newest first.
 *
 * @param orgnrs     the recipient organisations to include; never empty (callers pass what the user may see)
 * @param states     states to include; empty means all
 * @param from       received at or after, or null
 * @param to         received before, or null
 * @param text       words to find in title or sender name, or null
 * @param cursor     where the previous page ended ({@link Page#nextCursor()}), or null for the first page
 * @param limit      page size, 1 to 500
 * @param confidentialOrgnrs the organisations whose confidential items the text filter may match (the user may
 *                   read them); elsewhere a confidential item is listed but its title and sender never match
 * @since 2.1 {@code confidentialOrgnrs}
 */
public record InboxQuery(Set<String> orgnrs, Set<ItemState> states, Instant from, Instant to, String text,
                         String cursor, int limit, Set<String> confidentialOrgnrs) {

    public InboxQuery {
        if (orgnrs == null || orgnrs.isEmpty()) {
            throw new IllegalArgumentException("A query must name the organisations to search");
        }
        orgnrs = Set.copyOf(orgnrs);
        states = states == null ? Set.of() : Set.copyOf(states);
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("Page size must be between 1 and 500, was " + limit);
        }
        confidentialOrgnrs = confidentialOrgnrs == null ? Set.of() : Set.copyOf(confidentialOrgnrs);
    }

    /** A query whose text filter matches no confidential item (the constructor of 2.0). */
    public InboxQuery(Set<String> orgnrs, Set<ItemState> states, Instant from, Instant to, String text, String cursor,
                      int limit) {
        this(orgnrs, states, from, to, text, cursor, limit, Set.of());
    }

    /** The first page of everything for these organisations. */
    public static InboxQuery all(Set<String> orgnrs, int limit) {
        return new InboxQuery(orgnrs, Set.of(), null, null, null, null, limit);
    }

    /** The same filter, at the page after {@code page}. */
    public InboxQuery after(Page<?> page) {
        return new InboxQuery(orgnrs, states, from, to, text, page.nextCursor(), limit, confidentialOrgnrs);
    }
}
