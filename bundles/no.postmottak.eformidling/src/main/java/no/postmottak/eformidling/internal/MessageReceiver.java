package no.postmottak.eformidling.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.api.Channel;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.channel.support.ContentException;
import no.postmottak.channel.support.FailureCounts;
import no.postmottak.channel.support.StagedAccept;
import no.postmottak.eformidling.internal.AsicReader.AsicPackage;
import no.postmottak.eformidling.internal.MessageResult.Outcome;
import no.postmottak.eformidling.internal.Spool.Spooled;

/**
 * Receives one peeked (and so locked) message: pop the ASiC-E, read it, store it in the inbox, and only then DELETE
 * it, which tells the sender LEVERT. Never deletes what is not stored: a message whose content cannot be read stays
 * in the integrasjonspunkt (its lock simply runs out) and is reported; after {@code maxAttempts} such attempts it is
 * no longer downloaded until an operator polls by hand. Failures that concern the whole integrasjonspunkt (refused
 * login, inbox storage down) are thrown, so the poll stops.
 */
public final class MessageReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(MessageReceiver.class);

    private final String account;
    private final IpClient client;
    private final Inbox inbox;
    private final MessageMapper mapper;
    private final Spool spool;
    private final AsicReader asic;
    private final int maxAttempts;
    private final boolean errorReceiptWhenUnreadable;
    private final ObjectMapper json = new ObjectMapper();
    private final FailureCounts unreadableAttempts;
    /** Reading the spooled package (unzip, verify) on the receiving thread, the database writes beside it. */
    private final StagedAccept staged;
    /** Where downloaded bytes are counted (the account's monitoring); set once by the poller. */
    private volatile LongConsumer downloaded = bytes -> { };

    /**
     * @param maxAttempts failed reads of one message after which it is left alone until "poll now"; 0 = never
     * @param errorReceiptWhenUnreadable whether the sender gets an ERROR receipt after the last failed read (the only
     *                    failure status the fagsystem API allows; the message stays in the integrasjonspunkt)
     */
    public MessageReceiver(String account, IpClient client, Inbox inbox, MessageMapper mapper, Spool spool,
                           AsicReader.Limits limits, int maxAttempts, boolean errorReceiptWhenUnreadable) {
        this(account, client, inbox, mapper, spool, limits, maxAttempts, errorReceiptWhenUnreadable,
                FailureCounts.inMemory());
    }

    /** @param attempts the failed reads per message, in the inbox's database in a real installation */
    public MessageReceiver(String account, IpClient client, Inbox inbox, MessageMapper mapper, Spool spool,
                           AsicReader.Limits limits, int maxAttempts, boolean errorReceiptWhenUnreadable,
                           FailureCounts attempts) {
        this.unreadableAttempts = attempts;
        this.account = account;
        this.client = client;
        this.inbox = inbox;
        this.mapper = mapper;
        this.spool = spool;
        this.asic = new AsicReader(limits);
        this.maxAttempts = maxAttempts;
        this.errorReceiptWhenUnreadable = errorReceiptWhenUnreadable;
        this.staged = new StagedAccept("eformidling-" + account);
    }

    /** Forgets the failed reads, so every message is tried again. */
    public void resetAttempts() {
        try {
            unreadableAttempts.resetAll();
        } catch (InboxException e) {
            LOG.warn("[{}] Could not forget the failed reads; unreadable messages stay skipped: {}", account,
                    e.getMessage());
        }
    }

    /**
     * Receives the message.
     *
     * @param serviceIdentifier the service the peek asked for (DPO, DPF, ...), or null when any
     * @throws IpException    when the integrasjonspunkt refused our login
     * @throws InboxException when the inbox could not store (retryable)
     */
    public MessageResult receive(Sbd sbd, String serviceIdentifier) throws IpException, InboxException {
        String id = sbd.messageId();
        if (sbd.isReceipt()) {
            return consumeReceipt(sbd);
        }
        Channel channel = MessageMapper.channel(serviceIdentifier);
        if (inbox.isStored(channel, id)) {
            // Stored before, but the DELETE was lost (crash, lost lock), or SvarInn fetched the same forsendelse.
            return delete(id, Outcome.ALREADY_STORED, "Allerede lagret; slettet i integrasjonspunktet nå");
        }
        int attempts = maxAttempts > 0 ? unreadableAttempts.count(id) : 0;
        if (maxAttempts > 0 && attempts >= maxAttempts) {
            return new MessageResult(id, Outcome.UNREADABLE, "Kunne ikke leses etter " + attempts + " forsøk; hentes"
                    + " ikke igjen før noen velger «hent nå»");
        }
        Optional<IpClient.Pop> pop;
        try {
            pop = client.pop(id);
        } catch (IpException e) {
            return popFailed(id, e);
        }
        if (pop.isEmpty()) {
            return unreadable(sbd, "Integrasjonspunktet har ikke noe innhold for meldingen (HTTP 204)");
        }
        try {
            store(sbd, serviceIdentifier, pop.get());
        } catch (ContentException e) {
            return unreadable(sbd, e.getMessage());
        } catch (IllegalArgumentException e) {
            return unreadable(sbd, e.getMessage());
        } catch (InboxException e) {
            if (contentCause(e) instanceof ContentException content) {
                return unreadable(sbd, content.getMessage());
            }
            if (e.isRetryable()) {
                throw e;
            }
            LOG.error("[{}] The inbox refused message {}: {}", account, id, e.getMessage());
            return new MessageResult(id, Outcome.WILL_RETRY, e.getMessage());
        } catch (IOException e) {
            // The download broke off: nothing was stored, the message waits in the integrasjonspunkt.
            LOG.warn("[{}] Download of message {} broke off: {}", account, id, e.getMessage());
            return new MessageResult(id, Outcome.WILL_RETRY, "Nedlastingen ble avbrutt: " + e.getMessage());
        }
        unreadableAttempts.succeeded(id);
        return delete(id, Outcome.RECEIVED, null);
    }

    /** Counts the bytes of every downloaded package into {@code counter}. */
    void countDownloadsInto(LongConsumer counter) {
        this.downloaded = counter;
    }

    private void store(Sbd sbd, String serviceIdentifier, IpClient.Pop pop) throws IOException, InboxException {
        try (Spooled spooled = countDownload(spool.write(sbd.messageId(), pop.body(), pop.contentLength()));
             AsicPackage pkg = asic.open(spooled.file(), spooled.counted(), sbd.mainDocument())) {
            IncomingItem item = mapper.toIncomingItem(sbd, serviceIdentifier, pkg.arkivmelding(),
                    pkg.plan().get(0).fileName(), pkg.warnings());
            staged.accept(inbox, item, pkg.documents());
            pkg.warnings().forEach(w -> LOG.info("[{}] Message {} received with a note: {}", account,
                    sbd.messageId(), w));
        }
    }

    private Spooled countDownload(Spooled spooled) {
        downloaded.accept(spooled.counted().count());
        return spooled;
    }

    /** DELETE after storing: only now does the sender see LEVERT. */
    private MessageResult delete(String id, Outcome outcome, String note) throws IpException {
        try {
            client.delete(id);
            return new MessageResult(id, outcome, note);
        } catch (IpException e) {
            switch (e.kind()) {
                case AUTHENTICATION -> throw e;
                case NOT_FOUND -> {
                    return new MessageResult(id, outcome, note);
                }
                default -> {
                    LOG.warn("[{}] Message {} is stored, but the DELETE failed ({}); it is deleted when it is peeked"
                            + " again", account, id, e.getMessage());
                    return new MessageResult(id, Outcome.STORED_NOT_DELETED, "Lagret; slettingen i"
                            + " integrasjonspunktet feilet og gjøres ved neste henting");
                }
            }
        }
    }

    private MessageResult popFailed(String id, IpException e) throws IpException {
        return switch (e.kind()) {
            case AUTHENTICATION -> throw e;
            case LOCK_LOST -> new MessageResult(id, Outcome.LOCK_LOST, "Låsen gikk ut før nedlasting");
            case NOT_FOUND -> new MessageResult(id, Outcome.GONE, "Meldingen fantes ikke lenger");
            default -> {
                // pop can answer 500 when the IP cannot read its stored file (a known defect): never DELETE, retry.
                LOG.warn("[{}] Pop of message {} failed; it is tried again later: {}", account, id, e.getMessage());
                yield new MessageResult(id, Outcome.WILL_RETRY, "Nedlasting feilet (HTTP " + e.status() + ")");
            }
        };
    }

    /** A receipt for a message we sent: consumed (pop answers 204) and deleted; never shown as mail. */
    private MessageResult consumeReceipt(Sbd sbd) throws IpException {
        String id = sbd.messageId();
        try {
            client.pop(id).ifPresent(body -> {
                try {
                    body.body().close();
                } catch (IOException ignored) {
                    // nothing to keep from a receipt's content
                }
            });
        } catch (IpException e) {
            if (e.kind() == IpException.Kind.AUTHENTICATION) {
                throw e;
            }
            if (e.kind() == IpException.Kind.LOCK_LOST) {
                return new MessageResult(id, Outcome.LOCK_LOST, "Låsen gikk ut");
            }
        }
        LOG.info("[{}] Receipt {} in conversation {} consumed", account, id, sbd.conversationId());
        return delete(id, Outcome.RECEIPT, "Kvittering fra " + sbd.senderIdentifier());
    }

    private MessageResult unreadable(Sbd sbd, String reason) throws IpException, InboxException {
        String id = sbd.messageId();
        int attempt = unreadableAttempts.failed(id);
        LOG.error("[{}] Message {} cannot be read (attempt {}); it stays in the integrasjonspunkt: {}", account, id,
                attempt, reason);
        if (errorReceiptWhenUnreadable && attempt == maxAttempts && sbd.senderIdentifier() != null
                && sbd.receiverOrgnr() != null) {
            try {
                client.send(ReceiptSender.receipt(json, sbd.receiverOrgnr(), sbd.senderIdentifier(), id,
                        sbd.conversationId(), "ERROR", "uleselig", "Mottakeren kunne ikke lese meldingen: " + reason));
                return new MessageResult(id, Outcome.UNREADABLE, reason + " (avsender har fått kvittering ERROR)");
            } catch (IpException e) {
                if (e.kind() == IpException.Kind.AUTHENTICATION) {
                    throw e;
                }
                LOG.warn("[{}] The ERROR receipt for unreadable message {} could not be sent: {}", account, id,
                        e.getMessage());
            }
        }
        return new MessageResult(id, Outcome.UNREADABLE, reason);
    }

    private static Throwable contentCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ContentException) {
                return t;
            }
        }
        return null;
    }
}
