package no.postmottak.api.inbox;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import no.postmottak.api.Channel;

/**
 * What became of items, for channels that must tell the sender (eFormidling's {@code arkivmelding_kvittering} after
 * archiving or deleting). Durable: an item's outcome is recorded in the same transaction that moves it to a final
 * state (archived, deleted, forwarded) and stays pending until the channel reports it done, so a receipt is neither
 * lost in a crash nor sent twice on purpose. Reporting never holds up the clerk: it happens afterwards, on the
 * channel's own schedule, and failures are retried and recorded in the item's audit trail.
 *
 * @since 2.2.0
 */
@ProviderType
public interface ItemOutcomes {

    /**
     * Items of {@code channel} for these organisations whose outcome is not reported yet, longest waiting first.
     *
     * @param orgnrs the recipient organisations the caller reports for, not empty
     * @param limit  at most this many, 1 to 500
     */
    List<ItemOutcome> pending(Channel channel, Set<String> orgnrs, int limit) throws InboxException;

    /**
     * The outcome is reported: it is no longer pending. The note goes to the item's audit trail.
     *
     * @param actor who reported it, e.g. the channel's name
     * @param note  what was reported, in Norwegian, e.g. "Kvittering OK sendt til avsender"
     */
    void reported(UUID itemId, String actor, String note) throws InboxException;

    /**
     * A report failed and will be tried again: counted, and recorded in the audit trail when the error is new.
     *
     * @param error why, in Norwegian, never a secret
     */
    void reportFailed(UUID itemId, String actor, String error) throws InboxException;

    /**
     * One item whose outcome waits to be reported.
     *
     * @param item      the item in its final state, with its receipt when archived
     * @param detail    the detail of the final step in the audit trail (for a deleted item the clerk's reason; not
     *                  meant for the sender), or null
     * @param attempts  failed reports so far
     * @param lastError the last failure, or null
     */
    record ItemOutcome(InboxItem item, String detail, int attempts, String lastError) {
    }
}
