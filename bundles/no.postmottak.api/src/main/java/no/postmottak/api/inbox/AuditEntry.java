package no.postmottak.api.inbox;

import java.time.Instant;

import no.postmottak.api.ItemState;

/**
 * One line of an item's audit trail: who did what, when and why. Entries are never changed or removed.
 *
 * @param at     when it happened
 * @param actor  the user name, or {@code system} (or a channel name) for automatic steps
 * @param action what was done, e.g. {@code received}, {@code archive}, {@code delete}, {@code forward}
 * @param from   the state before, or null when the item was created
 * @param to     the state after
 * @param detail the reason, receipt or error text, or null
 */
public record AuditEntry(Instant at, String actor, String action, ItemState from, ItemState to, String detail) {
}
