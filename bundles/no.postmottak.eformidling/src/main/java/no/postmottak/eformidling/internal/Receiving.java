package no.postmottak.eformidling.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.ItemOutcomes;
import no.postmottak.api.inbox.Leases;
import no.postmottak.channel.support.FailureCounts;
import no.postmottak.channel.support.InFlight;
import no.postmottak.channel.support.PollLoop;

/**
 * How one integrasjonspunkt configuration receives: its org numbers, services, processes and limits. Builds the
 * receive loop for a client and an inbox, so that the DS component and the tests wire it the same way.
 *
 * @param account     the configuration's name
 * @param orgnrs      the org numbers it receives for, not empty
 * @param services    service identifiers to peek for (DPO, DPF, ...); empty: any
 * @param processes   processes to peek for; empty: any
 * @param spool       the folder for messages being read
 * @param maxAttempts failed reads of a message before it is left alone until "poll now"; 0 = never
 * @param lockRetries how often a message whose lock was lost is peeked again in one poll
 */
public record Receiving(String account, List<String> orgnrs, List<String> services, List<String> processes,
                        Path spool, long maxMessageBytes, long maxUnpackedBytes, int maxAttempts, int lockRetries) {

    public Receiving {
        orgnrs = List.copyOf(orgnrs);
        services = services.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
        processes = List.copyOf(processes);
        if (orgnrs.isEmpty()) {
            throw new IllegalArgumentException("An integrasjonspunkt configuration needs at least one org number");
        }
    }

    /**
     * The receiver of single messages (also for tests that drive it message by message).
     *
     * @param errorReceipts whether a sender gets an ERROR receipt for a message that cannot be read
     */
    public MessageReceiver receiver(IpClient client, Inbox inbox, boolean errorReceipts) {
        return receiver(client, inbox, errorReceipts, FailureCounts.inMemory());
    }

    /** As above, counting failed reads in {@code attempts} (the inbox's database in a real installation). */
    public MessageReceiver receiver(IpClient client, Inbox inbox, boolean errorReceipts, FailureCounts attempts) {
        Spool folder = new Spool(spool, maxMessageBytes);
        folder.clean();
        AsicReader.Limits limits = new AsicReader.Limits(maxMessageBytes, maxUnpackedBytes,
                AsicReader.Limits.DEFAULT.maxEntries(), AsicReader.Limits.DEFAULT.maxRatio());
        return new MessageReceiver(account, client, inbox, new MessageMapper(account, orgnrs), folder, limits,
                maxAttempts, errorReceipts, attempts);
    }

    /**
     * The poller; not started.
     *
     * @param outcomes what became of received items, to send receipts for; null to send none
     */
    public IpPoller poller(IpClient client, Inbox inbox, ItemOutcomes outcomes, ReceiptSender.Policy receipts,
                           Leases leases, String leaseName, String nodeId, Duration interval, Clock clock) {
        return poller(client, inbox, outcomes, receipts, leases, leaseName, nodeId, interval,
                PollLoop.DEFAULT_LEASE_TTL, clock, FailureCounts.inMemory(), InFlight.DEFAULT);
    }

    /**
     * The poller of a real installation; not started.
     *
     * @param leaseTtl      how long the lease holds without renewal (see {@link PollLoop})
     * @param attempts      failed reads per message, in the inbox's database
     * @param itemsInFlight how many messages are received at the same time, each on its own
     */
    public IpPoller poller(IpClient client, Inbox inbox, ItemOutcomes outcomes, ReceiptSender.Policy receipts,
                           Leases leases, String leaseName, String nodeId, Duration interval, Duration leaseTtl,
                           Clock clock, FailureCounts attempts, int itemsInFlight) {
        ReceiptSender sender = outcomes == null ? null
                : new ReceiptSender(account, client, outcomes, Set.copyOf(orgnrs), receipts);
        return new IpPoller(account, leaseName, nodeId, client,
                receiver(client, inbox, sender != null && receipts.onUnreadable(), attempts), sender,
                IpPoller.filters(orgnrs, services, processes), lockRetries, leases, interval, leaseTtl, clock,
                itemsInFlight);
    }
}
