package no.postmottak.api.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.Channel;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.ItemState;
import no.postmottak.api.ArchiveReceipt;

/**
 * The Mottak inbox. Channels call {@link #accept}; the web UI, the shell and the host platform call the rest.
 * Every action is audited with the acting user. Thread-safe; concurrent actions on one item are serialised and
 * only the first that is legal succeeds.
 */
@ProviderType
public interface Inbox {

    /**
     * Stores an item and all its documents durably. Returns only when everything is committed to stable storage,
     * so the caller may acknowledge upstream afterwards. Idempotent on (channel, channelId): a second accept of the
     * same item stores nothing and reports {@link AcceptResult#alreadyStored()}. Either the whole item is stored or
     * nothing is: if a document stream fails, nothing becomes visible. Memory use does not depend on document size.
     *
     * @throws InboxException when storage fails (retryable) or the item is unacceptable (not retryable)
     */
    AcceptResult accept(IncomingItem item, IncomingDocuments documents) throws InboxException;

    /** Whether an item with this channel id is already stored, in any state. */
    boolean isStored(Channel channel, String channelId) throws InboxException;

    /**
     * Which of these channel ids are stored already, in any state: one question for a page of offered items instead
     * of one per item. This default asks {@link #isStored} for each.
     *
     * @since 2.5
     */
    default Set<String> storedAmong(Channel channel, Collection<String> channelIds) throws InboxException {
        Set<String> stored = new HashSet<>();
        for (String id : channelIds) {
            if (isStored(channel, id)) {
                stored.add(id);
            }
        }
        return stored;
    }

    /** The item, with its documents' metadata. */
    Optional<InboxItem> get(UUID itemId) throws InboxException;

    /** A page of items matching the query, newest first; the item metadata only. */
    Page<InboxItem> find(InboxQuery query) throws InboxException;

    /** The number of items per state for one organisation. */
    Map<ItemState, Long> countByState(String orgnr) throws InboxException;

    /** Open items received before {@code receivedBefore} that nobody has acted on (for "untouched for 2 hours"). */
    List<InboxItem> untouchedSince(Instant receivedBefore, int limit) throws InboxException;

    /** The audit trail of an item, oldest first. */
    List<AuditEntry> auditTrail(UUID itemId) throws InboxException;

    /**
     * Writes to the item's audit trail that {@code actor} looked at it without changing it, e.g. {@code view} or
     * {@code download} of a confidential item. The state stays as it is.
     *
     * @since 2.1
     */
    void auditAccess(UUID itemId, String actor, String action, String detail) throws InboxException;

    /** Opens a document's content for reading; the caller closes it. Fails for purged documents. */
    InputStream openDocument(UUID itemId, int index) throws InboxException;

    /** Writes the item's documents as a zip to {@code out}, streaming. */
    void writeZip(UUID itemId, OutputStream out) throws InboxException, IOException;

    /**
     * Archives the item with the archive provider configured for its organisation, on {@code targetCase} when given
     * (otherwise the suggestion or the organisation's fallback case). Moves it to ARCHIVED with the provider's
     * receipt, or to ARCHIVE_FAILED with the error (retry by calling again).
     *
     * @throws InboxException when the action is not allowed in the item's state, or archiving failed
     */
    ArchiveReceipt archive(UUID itemId, CaseNumber targetCase, String actor) throws InboxException;

    /**
     * The settings of a receiving organisation a clerk sees next to an item (archive target and its availability,
     * fallback case, forwarding), or empty when the organisation is not configured.
     *
     * @since 1.1
     */
    Optional<OrganisationView> organisation(String orgnr);

    /** Every configured organisation, by organisation number, for the administrator. */
    List<OrganisationView> organisations();

    /** Every archive target (provider) registered now, with the organisations that name it. */
    List<ArchiveTargetView> archiveTargets();

    /** Deletes the item: the content is purged, metadata and audit trail stay. A reason is required. */
    void delete(UUID itemId, String reason, String actor) throws InboxException;

    /**
     * Sends the documents by e-mail through the organisation's SMTP settings and moves the item to FORWARDED.
     * Refused for a confidential item ({@link IncomingItem#confidential()}): e-mail is no place for it.
     */
    void forward(UUID itemId, ForwardRequest request, String actor) throws InboxException;
}
