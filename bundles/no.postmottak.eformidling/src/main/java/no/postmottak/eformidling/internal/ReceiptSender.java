package no.postmottak.eformidling.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.Channel;
import no.postmottak.api.ItemState;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.ItemOutcomes;
import no.postmottak.api.inbox.ItemOutcomes.ItemOutcome;

/**
 * Tells senders what became of their message with an {@code arkivmelding_kvittering} through the integrasjonspunkt
 * ({@code POST /api/messages/out}), correlated by {@code relatedToMessageId}: OK with the journal post number when the
 * clerk archived it; NOTSUPPORTED or ERROR (or nothing, as configured) when it was deleted or forwarded. Works from
 * the inbox's durable {@link ItemOutcomes}, so a receipt is retried until it is sent and never blocks the clerk; each
 * send and each new failure shows in the item's audit trail.
 */
public final class ReceiptSender {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptSender.class);
    static final String RESPONSE_PROCESS = "urn:no:difi:profile:arkivmelding:response:ver1.0";
    private static final int BATCH = 50;

    /**
     * What to send.
     *
     * @param onArchive whether to send OK when an item is archived
     * @param onDelete  the receipt type when an item is deleted or forwarded: NOTSUPPORTED, ERROR, or NONE
     * @param onUnreadable whether to send ERROR when a message cannot be read after the last attempt (it stays in
     *                  the integrasjonspunkt all the same)
     */
    public record Policy(boolean onArchive, String onDelete, boolean onUnreadable) {

        public static final Policy DEFAULT = new Policy(true, "NOTSUPPORTED", true);

        public Policy {
            onDelete = onDelete == null ? "NOTSUPPORTED" : onDelete.strip().toUpperCase(Locale.ROOT);
            if (!Set.of("NOTSUPPORTED", "ERROR", "NONE").contains(onDelete)) {
                throw new IllegalArgumentException("receipt.on.delete must be NOTSUPPORTED, ERROR or NONE: "
                        + onDelete);
            }
        }
    }

    /** How the last round of receipts went: how many were sent and how many failed (with the first error). */
    public record Round(int sent, int failed, String firstError) {
        static final Round NONE = new Round(0, 0, null);
    }

    private final String account;
    private final IpClient client;
    private final ItemOutcomes outcomes;
    private final Set<String> orgnrs;
    private final Policy policy;
    private final ObjectMapper json = new ObjectMapper();

    public ReceiptSender(String account, IpClient client, ItemOutcomes outcomes, Set<String> orgnrs, Policy policy) {
        this.account = account;
        this.client = client;
        this.outcomes = outcomes;
        this.orgnrs = Set.copyOf(orgnrs);
        this.policy = policy;
    }

    /**
     * Sends the receipts that wait.
     *
     * @throws IpException    when the integrasjonspunkt refused our login (the poll stops)
     * @throws InboxException when the inbox could not be read or written
     */
    public Round sendPending() throws IpException, InboxException {
        int sent = 0;
        int failed = 0;
        String firstError = null;
        for (ItemOutcome outcome : outcomes.pending(Channel.EFORMIDLING, orgnrs, BATCH)) {
            InboxItem item = outcome.item();
            String type = receiptType(item.state());
            String receiver = item.metadata().channelAttributes().get(MessageMapper.SENDER_IDENTIFIER);
            if (type == null) {
                outcomes.reported(item.id(), actor(), "Ingen kvittering sendt til avsender (skrudd av i"
                        + " konfigurasjonen)");
                continue;
            }
            if (receiver == null) {
                outcomes.reported(item.id(), actor(), "Ingen kvittering sendt: meldingen har ingen avsender");
                continue;
            }
            try {
                client.send(receipt(item, type, receiver));
                outcomes.reported(item.id(), actor(), "Kvittering " + type + " sendt til " + receiver
                        + journalpost(item.receipt()).map(j -> " (journalpost " + j + ")").orElse(""));
                sent++;
            } catch (IpException e) {
                if (e.kind() == IpException.Kind.AUTHENTICATION) {
                    throw e;
                }
                String error = "Kvitteringen kunne ikke sendes (forsøk " + (outcome.attempts() + 1) + "); prøves"
                        + " igjen: " + e.getMessage();
                LOG.warn("[{}] Receipt {} for message {} could not be sent; retried at the next poll: {}", account,
                        type, item.metadata().channelId(), e.getMessage());
                outcomes.reportFailed(item.id(), actor(), error);
                failed++;
                firstError = firstError == null ? error : firstError;
            }
        }
        return new Round(sent, failed, firstError);
    }

    private String receiptType(ItemState state) {
        if (state == ItemState.ARCHIVED) {
            return policy.onArchive() ? "OK" : null;
        }
        return "NONE".equals(policy.onDelete()) ? null : policy.onDelete();
    }

    /** The receipt for what became of an item. */
    JsonNode receipt(InboxItem item, String type, String receiver) {
        String code;
        String text;
        if (item.state() == ItemState.ARCHIVED) {
            code = "journalpost";
            text = journalpost(item.receipt()).orElse(null);
        } else if (item.state() == ItemState.FORWARDED) {
            code = "videresendt";
            text = "Meldingen er sendt videre hos mottakeren og ikke arkivert her";
        } else {
            code = "ikkeArkivert";
            text = "Meldingen ble ikke arkivert hos mottakeren";
        }
        return receipt(json, item.metadata().recipientOrgnr(), receiver, item.metadata().channelId(),
                item.metadata().channelAttributes().get(MessageMapper.CONVERSATION_ID), type, code, text);
    }

    /**
     * The SBD of an {@code arkivmelding_kvittering}, as Digdir's documentation shows it.
     *
     * @param ourOrgnr       the organisation that received the message
     * @param receiver       the sender's identifier, e.g. {@code 0192:910076787}
     * @param conversationId the message's conversation, or null
     * @param text           the message's text, or null for none
     */
    static JsonNode receipt(ObjectMapper json, String ourOrgnr, String receiver, String relatedToMessageId,
                            String conversationId, String type, String code, String text) {
        ObjectNode root = json.createObjectNode();
        ObjectNode header = root.putObject("standardBusinessDocumentHeader");
        header.put("headerVersion", "1.0");
        header.putArray("sender").addObject().putObject("identifier").put("authority", "iso6523-actorid-upis")
                .put("value", "0192:" + ourOrgnr);
        header.putArray("receiver").addObject().putObject("identifier").put("authority", "iso6523-actorid-upis")
                .put("value", receiver);
        ObjectNode id = header.putObject("documentIdentification");
        id.put("standard", "urn:no:difi:arkivmelding:xsd::" + Sbd.RECEIPT_TYPE);
        id.put("typeVersion", "2.0");
        id.put("type", Sbd.RECEIPT_TYPE);
        id.put("creationDateAndTime", OffsetDateTime.now(ZoneId.of("Europe/Oslo")).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        ObjectNode scope = header.putObject("businessScope").putArray("scope").addObject();
        scope.put("type", "ConversationId");
        if (conversationId != null) {
            scope.put("instanceIdentifier", conversationId);
        }
        scope.put("identifier", RESPONSE_PROCESS);
        ObjectNode body = root.putObject(Sbd.RECEIPT_TYPE);
        body.put("receiptType", type);
        body.put("relatedToMessageId", relatedToMessageId);
        var messages = body.putArray("messages");
        if (text != null) {
            messages.addObject().put("code", code).put("text", text);
        }
        return root;
    }

    private static java.util.Optional<String> journalpost(ArchiveReceipt r) {
        if (r == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(r.journalpostNumber() != null ? r.journalpostNumber()
                : r.journalpostId());
    }

    private String actor() {
        return "eformidling:" + account;
    }
}
