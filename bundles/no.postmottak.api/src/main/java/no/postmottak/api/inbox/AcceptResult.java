package no.postmottak.api.inbox;

import java.util.UUID;

/**
 * What {@link Inbox#accept} did.
 *
 * @param itemId        the inbox's id of the item
 * @param alreadyStored true when the same channel id was stored before and nothing was written now
 */
public record AcceptResult(UUID itemId, boolean alreadyStored) {
}
