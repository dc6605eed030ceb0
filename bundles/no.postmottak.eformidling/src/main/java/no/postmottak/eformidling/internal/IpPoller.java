package no.postmottak.eformidling.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.Leases;
import no.postmottak.channel.support.InFlight;
import no.postmottak.channel.support.ItemLog;
import no.postmottak.channel.support.PollLoop;
import no.postmottak.eformidling.internal.MessageResult.Outcome;

/**
 * Polls one integrasjonspunkt: for each filter (org number × service × process) it peeks until the queue is empty,
 * each message isolated from the others. The filters keep several consumers of one IP from taking each other's
 * messages. A message whose lock was lost is peeked again and finished, at most {@code lockRetries} times; a message
 * that comes round again in the same poll for another reason ends that filter's turn, so a poll always ends. The
 * schedule, back-off, lease and stop are the shared {@link PollLoop}'s.
 */
public final class IpPoller {

    private static final Logger LOG = LoggerFactory.getLogger(IpPoller.class);

    private final String account;
    private final IpClient client;
    private final MessageReceiver receiver;
    private final ReceiptSender receipts;
    private final List<IpClient.Filter> filters;
    private final int lockRetries;
    private final PollLoop loop;
    private final InFlight inFlight;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong receiptsConsumed = new AtomicLong();
    private final AtomicLong receiptsSent = new AtomicLong();
    private volatile ReceiptSender.Round lastReceipts = ReceiptSender.Round.NONE;
    private final Map<String, MessageResult> failedMessages = new ConcurrentHashMap<>();
    private final Set<String> dpfOrgnrs = ConcurrentHashMap.newKeySet();

    /**
     * @param receipts sends receipts for what clerks did with received items, or null to send none
     * @param leases   null for a single node without cluster coordination
     */
    public IpPoller(String account, String leaseName, String nodeId, IpClient client, MessageReceiver receiver,
                    ReceiptSender receipts, List<IpClient.Filter> filters, int lockRetries, Leases leases,
                    Duration interval, Clock clock) {
        this(account, leaseName, nodeId, client, receiver, receipts, filters, lockRetries, leases, interval,
                PollLoop.DEFAULT_LEASE_TTL, clock, InFlight.DEFAULT);
    }

    /**
     * @param leaseTtl      how long the lease holds without renewal (see {@link PollLoop})
     * @param itemsInFlight how many messages are received at the same time, each on its own
     */
    public IpPoller(String account, String leaseName, String nodeId, IpClient client, MessageReceiver receiver,
                    ReceiptSender receipts, List<IpClient.Filter> filters, int lockRetries, Leases leases,
                    Duration interval, Duration leaseTtl, Clock clock, int itemsInFlight) {
        this.account = account;
        this.inFlight = new InFlight("eformidling-item-" + account, itemsInFlight);
        this.client = client;
        this.receiver = receiver;
        this.receipts = receipts;
        this.filters = List.copyOf(filters);
        this.lockRetries = lockRetries;
        this.loop = new PollLoop("eformidling-poller-" + account, account, leases, leaseName, nodeId, interval,
                leaseTtl, clock, this::round);
        receiver.countDownloadsInto(loop::countDownloaded);
    }

    public void start() {
        loop.start();
    }

    /** Polls now; also tries messages again that could not be read, and resumes after a refused login. */
    public boolean pollNow() {
        receiver.resetAttempts();
        return loop.pollNow();
    }

    public void stop(Duration grace) {
        loop.stop(grace);
        inFlight.close();
    }

    /** One poll on the caller's thread (tests). */
    Duration poll() {
        return loop.poll();
    }

    public PollerStatus status() {
        List<MessageResult> failures = failedMessages.values().stream()
                .sorted(Comparator.comparing(MessageResult::messageId)).toList();
        return new PollerStatus(loop.status(), received.get(), failed.get(), receiptsConsumed.get(), failures,
                Set.copyOf(dpfOrgnrs), receiptsSent.get(), lastReceipts);
    }

    /**
     * The poller's counters.
     *
     * @param poll           the loop's state
     * @param received       messages stored since start
     * @param failed         failed attempts since start
     * @param receipts       receipts from other systems consumed since start
     * @param failedMessages the messages whose last attempt failed, with the reason
     * @param dpfOrgnrs      org numbers for which SvarUt mail (DPF) came through this integrasjonspunkt
     * @param receiptsSent   receipts we sent to senders since start
     * @param lastReceipts   how the last round of our receipts went
     */
    public record PollerStatus(PollLoop.Status poll, long received, long failed, long receipts,
                               List<MessageResult> failedMessages, Set<String> dpfOrgnrs, long receiptsSent,
                               ReceiptSender.Round lastReceipts) {
    }

    private PollLoop.Result round(PollLoop loop) throws InboxException {
        int ok = 0;
        int bad = 0;
        Waiting waiting = new Waiting();
        try {
            for (IpClient.Filter filter : filters) {
                int[] counts = drain(loop, filter, waiting);
                ok += counts[0];
                bad += counts[1];
                if (loop.stopping() || !loop.holdsLease()) {
                    break;
                }
            }
            // The integrasjonspunkt has no list: what waited is what this poll found, across the filters.
            loop.reportBacklog(waiting.ids.size(), waiting.oldest);
            if (receipts != null && !loop.stopping()) {
                lastReceipts = receipts.sendPending();
                receiptsSent.addAndGet(lastReceipts.sent());
            }
        } catch (IpException e) {
            if (e.kind() == IpException.Kind.AUTHENTICATION) {
                return PollLoop.Result.authenticationFailed("Integrasjonspunktet avviste brukernavn eller passord"
                        + " (HTTP " + e.status() + "). Henting er stoppet til konfigurasjonen endres eller noen"
                        + " velger «hent nå».");
            }
            LOG.warn("[{}] The integrasjonspunkt is unavailable, backing off: {}", account, e.getMessage());
            return PollLoop.Result.unavailable(ok + " mottatt, " + bad + " feilet; integrasjonspunktet er"
                    + " utilgjengelig: " + e.getMessage(), e.retryAfter());
        }
        ReceiptSender.Round r = lastReceipts;
        return PollLoop.Result.done(ok + " mottatt, " + bad + " feilet" + (r.sent() + r.failed() == 0 ? ""
                : "; " + r.sent() + " kvittering(er) sendt, " + r.failed() + " feilet"), bad);
    }

    /** The messages one poll found waiting, and when the oldest was created. */
    private static final class Waiting {
        final Set<String> ids = new HashSet<>();
        Instant oldest;

        void add(Sbd sbd) {
            ids.add(sbd.messageId());
            if (sbd.created() != null && (oldest == null || sbd.created().isBefore(oldest))) {
                oldest = sbd.created();
            }
        }
    }

    /** {@code status} with the poll loop's monitoring fields (interval, last success, backlog, counters). */
    public ChannelStatus withMonitoring(ChannelStatus status) {
        return loop.withMonitoring(status);
    }

    /**
     * Peeks and receives under one filter until the queue is empty, up to {@code itemsInFlight} messages at a time
     * (each on its own, deleted from the integrasjonspunkt after its own commit); returns {received, failed}.
     */
    private int[] drain(PollLoop loop, IpClient.Filter filter, Waiting waiting) throws IpException, InboxException {
        int[] counts = new int[2];
        boolean[] leaseLost = {false};
        Set<String> seen = new HashSet<>();
        Set<String> expectedAgain = ConcurrentHashMap.newKeySet();
        Map<String, Integer> retries = new HashMap<>();
        java.util.function.Consumer<MessageResult> handle = result -> {
            handle(filter, result, retries, expectedAgain, counts);
            if (!leaseLost[0] && !loop.holdsLease()) {
                leaseLost[0] = true;
            }
        };
        InFlight.Batch<MessageResult> batch = inFlight.batch();
        try {
            while (!loop.stopping() && !leaseLost[0] && !batch.failed()) {
                var peeked = client.peek(filter);
                if (peeked.isEmpty()) {
                    if (batch.pending() == 0) {
                        break;
                    }
                    // Those in flight may ask to be peeked again (lock lost): finish them, then look once more.
                    batch.awaitAll(handle);
                    continue;
                }
                Sbd sbd = peeked.get();
                String id = sbd.messageId();
                if (!seen.add(id) && !expectedAgain.remove(id)) {
                    // Its lock ran out while we worked on others: leave it for the next poll.
                    break;
                }
                waiting.add(sbd);
                batch.submit(() -> {
                    try (ItemLog ignored = ItemLog.open(AccountAlerts.CHANNEL, account, id)) {
                        return receiver.receive(sbd, filter.serviceIdentifier());
                    }
                }, handle);
            }
            batch.awaitAll(handle);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            batch.cancel();
        }
        batch.rethrow(IpException.class, InboxException.class);
        return counts;
    }

    /** Counts one finished message on the poll thread. */
    private void handle(IpClient.Filter filter, MessageResult finished, Map<String, Integer> retries,
                        Set<String> expectedAgain, int[] counts) {
        MessageResult result = finished;
        String id = result.messageId();
        if (result.outcome() == Outcome.RECEIVED || result.outcome() == Outcome.ALREADY_STORED) {
            loop.countAcknowledged();
        }
        if (MessageMapper.DPF.equalsIgnoreCase(filter.serviceIdentifier()) && filter.receiverIdentifier() != null) {
            dpfOrgnrs.add(Sbd.orgnr(filter.receiverIdentifier()));
        }
        if (result.peekAgain()) {
            if (retries.merge(id, 1, Integer::sum) <= lockRetries) {
                LOG.info("[{}] Message {}: {}; peeking again", account, id, result.message());
                expectedAgain.add(id);
            } else if (result.outcome() == Outcome.LOCK_LOST) {
                result = new MessageResult(id, Outcome.WILL_RETRY, "Låsen gikk ut " + lockRetries
                        + " ganger på rad; prøves igjen ved neste henting");
            }
        }
        count(result);
        if (result.failed()) {
            counts[1]++;
        } else if (result.outcome() == Outcome.RECEIVED || result.outcome() == Outcome.STORED_NOT_DELETED) {
            counts[0]++;
        }
    }

    private void count(MessageResult result) {
        switch (result.outcome()) {
            case RECEIVED, STORED_NOT_DELETED -> {
                received.incrementAndGet();
                failedMessages.remove(result.messageId());
            }
            case ALREADY_STORED, GONE -> failedMessages.remove(result.messageId());
            case RECEIPT -> receiptsConsumed.incrementAndGet();
            case LOCK_LOST -> { }
            case WILL_RETRY, UNREADABLE -> {
                failed.incrementAndGet();
                failedMessages.put(result.messageId(), result);
            }
        }
    }

    /** The filters for org numbers × services × processes (an empty list of processes: any process). */
    public static List<IpClient.Filter> filters(List<String> orgnrs, List<String> services, List<String> processes) {
        List<IpClient.Filter> filters = new ArrayList<>();
        List<String> anyProcess = processes.isEmpty() ? Collections.singletonList(null) : processes;
        List<String> anyService = services.isEmpty() ? Collections.singletonList(null) : services;
        for (String orgnr : orgnrs) {
            for (String service : anyService) {
                for (String process : anyProcess) {
                    filters.add(new IpClient.Filter("0192:" + orgnr, service, process));
                }
            }
        }
        return filters;
    }
}
