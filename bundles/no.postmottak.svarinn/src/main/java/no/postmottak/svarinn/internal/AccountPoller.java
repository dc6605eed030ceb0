package no.postmottak.svarinn.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

/**
 * Polls one SvarInn account: in date order, each forsendelse isolated from the others, page after page while V2
 * returns full pages. Backs off when SvarUt or the inbox is unavailable, honours 429 Retry-After, and stops on
 * 401/403 instead of hammering. The schedule, the cluster lease and the stop are the shared {@link PollLoop}'s; this
 * class is the SvarInn round.
 */
public final class AccountPoller {

    private static final Logger LOG = LoggerFactory.getLogger(AccountPoller.class);
    /** A bound on list calls in one poll (V2 pages of 200): 100,000 forsendelser, then the next poll goes on. */
    private static final int MAX_PAGES = 500;

    private final String account;
    private final SvarInnApi client;
    private final ForsendelseReceiver receiver;
    private final PollLoop loop;
    private final InFlight inFlight;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, ItemResult> failedItems = new ConcurrentHashMap<>();

    /** With {@link InFlight#DEFAULT} items in flight. */
    public AccountPoller(String account, String leaseName, String nodeId, SvarInnApi client,
                         ForsendelseReceiver receiver, Leases leases, Duration interval, Clock clock) {
        this(account, leaseName, nodeId, client, receiver, leases, interval, PollLoop.DEFAULT_LEASE_TTL, clock,
                InFlight.DEFAULT);
    }

    /**
     * @param leases        null for a single node without cluster coordination
     * @param leaseTtl      how long the account's lease holds without renewal (see {@link PollLoop})
     * @param itemsInFlight how many forsendelser are received at the same time (each on its own, acknowledged
     *                      after its own commit)
     */
    public AccountPoller(String account, String leaseName, String nodeId, SvarInnApi client,
                         ForsendelseReceiver receiver, Leases leases, Duration interval, Duration leaseTtl,
                         Clock clock, int itemsInFlight) {
        this.account = account;
        this.inFlight = new InFlight("svarinn-item-" + account, itemsInFlight);
        this.client = client;
        this.receiver = receiver;
        this.loop = new PollLoop("svarinn-poller-" + account, account, leases, leaseName, nodeId, interval, leaseTtl,
                clock, this::round);
        receiver.countDownloadsInto(loop::countDownloaded);
    }

    /** Starts polling; the first poll runs right away. */
    public void start() {
        loop.start();
    }

    /**
     * Polls as soon as the current poll (if any) is done; also resumes an account stopped by an auth failure.
     * Returns false when the poller is stopping, so nothing will run.
     */
    public boolean pollNow() {
        return loop.pollNow();
    }

    /** Forgets the failures of one item and polls now, so an operator can retry it. */
    public void retry(String forsendelseId) {
        receiver.resetAttempts(forsendelseId);
        failedItems.remove(forsendelseId);
        pollNow();
    }

    /**
     * Stops polling. A forsendelse being received finishes (or, past the grace period, is abandoned: nothing is
     * acknowledged before it is stored, so an abandoned one simply comes again).
     */
    public void stop(Duration grace) {
        loop.stop(grace);
        inFlight.close();
    }

    /** The account's state; {@link AccountAlerts} derives the alerts from it. */
    public AccountStatus status() {
        List<ItemResult> failures = failedItems.values().stream()
                .sorted(Comparator.comparing(ItemResult::forsendelseId)).toList();
        PollLoop.Status s = loop.status();
        return new AccountStatus(account, AccountStatus.State.valueOf(s.state().name()), s.message(), s.lastPoll(),
                s.lastResult(), s.lastPollEnded(), s.lastOutcome(), s.nextPoll(), received.get(), failed.get(),
                failures);
    }

    /** {@code status} with the poll loop's monitoring fields (interval, last success, backlog, counters). */
    public ChannelStatus withMonitoring(ChannelStatus status) {
        return loop.withMonitoring(status);
    }

    /** One poll on the caller's thread. Returns the delay until the next, or null to stop polling. */
    Duration poll() {
        return loop.poll();
    }

    private PollLoop.Result round(PollLoop loop) throws InboxException {
        Tally tally = new Tally();
        try {
            // V2 lists at most a page; a full page means more wait behind it once these are acknowledged. Items
            // that failed come back in the next page, so only a page with something new is worth reading again.
            boolean more = true;
            for (int page = 0; more && page < MAX_PAGES && !loop.stopping(); page++) {
                List<Offered> list = client.listNew();
                if (page == 0) {
                    loop.reportBacklog(list.size(), list.stream().map(Offered::date).filter(Objects::nonNull)
                            .min(Comparator.naturalOrder()).orElse(null));
                }
                boolean fresh = receivePage(loop, list, tally);
                more = fresh && !tally.leaseLost && client.pageSize() > 0 && list.size() >= client.pageSize();
            }
            return PollLoop.Result.done(tally.ok + " mottatt, " + tally.bad + " feilet av " + tally.seen.size()
                    + " ventende", tally.bad);
        } catch (SvarInnException e) {
            return afterAccountFailure(e, tally.ok, tally.bad);
        }
    }

    /** What one poll did, across its pages. */
    private static final class Tally {
        final Set<String> seen = new HashSet<>();
        int ok;
        int bad;
        boolean leaseLost;
    }

    /**
     * Receives the page, started in date order, up to {@code itemsInFlight} at a time, each item once per poll;
     * returns whether it held anything new. Each item acknowledges itself after its own commit; an account-wide
     * failure of one stops new starts, lets the others finish, and is then thrown.
     */
    private boolean receivePage(PollLoop loop, List<Offered> page, Tally tally)
            throws SvarInnException, InboxException {
        List<Offered> sorted = new ArrayList<>(page);
        sorted.sort(Comparator.comparing(Offered::date, Comparator.nullsLast(Comparator.naturalOrder())));
        boolean fresh = false;
        Set<String> stored = receiver.storedAmong(sorted);
        InFlight.Batch<ItemResult> batch = inFlight.batch();
        try {
            for (Offered f : sorted) {
                if (loop.stopping() || tally.leaseLost || batch.failed()) {
                    break;
                }
                if (f.id() == null || f.id().isBlank()) {
                    LOG.warn("[{}] SvarInn listed a forsendelse without id; skipped", account);
                    continue;
                }
                if (!tally.seen.add(f.id())) {
                    continue;
                }
                fresh = true;
                // Waits while the limit is in flight; what finished meanwhile is counted on this thread.
                batch.submit(() -> {
                    try (ItemLog ignored = ItemLog.open(AccountAlerts.CHANNEL, account, f.id())) {
                        return receiver.receive(f, stored.contains(f.id()));
                    }
                }, result -> count(loop, result, tally));
            }
            batch.awaitAll(result -> count(loop, result, tally));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            batch.cancel();
            return fresh;
        }
        batch.rethrow(SvarInnException.class, InboxException.class);
        return fresh;
    }

    private void count(PollLoop loop, ItemResult result, Tally tally) {
        switch (result.outcome()) {
            case RECEIVED, ALREADY_STORED -> loop.countAcknowledged();
            case REPORTED_PERMANENT -> loop.countPermanentlyFailed();
            default -> { }
        }
        if (result.failed()) {
            tally.bad++;
            failed.incrementAndGet();
            failedItems.put(result.forsendelseId(), result);
        } else {
            tally.ok++;
            received.incrementAndGet();
            failedItems.remove(result.forsendelseId());
        }
        if (!tally.leaseLost && !loop.holdsLease()) { // renewed between items; lost means another node took over
            tally.leaseLost = true;
        }
    }

    private PollLoop.Result afterAccountFailure(SvarInnException e, int ok, int bad) {
        switch (e.kind()) {
            case AUTHENTICATION -> {
                return PollLoop.Result.authenticationFailed("SvarUt avviste brukernavn eller passord (HTTP "
                        + e.status() + "). Henting er stoppet til konfigurasjonen endres eller noen velger «hent nå».");
            }
            case RATE_LIMITED -> {
                if (e.retryAfter() == null) {
                    LOG.warn("[{}] SvarUt asked us to slow down (HTTP 429) without Retry-After", account);
                    return PollLoop.Result.unavailable("SvarUt ba oss vente (HTTP 429)", null);
                }
                String summary = "SvarUt ba oss vente (HTTP 429) i " + e.retryAfter().toSeconds() + " s";
                LOG.warn("[{}] {}", account, summary);
                return PollLoop.Result.waitFor(summary, e.retryAfter());
            }
            default -> {
                LOG.warn("[{}] SvarInn unavailable, backing off: {}", account, e.getMessage());
                return PollLoop.Result.unavailable(ok + " mottatt, " + bad + " feilet; SvarInn utilgjengelig: "
                        + e.getMessage(), e.retryAfter());
            }
        }
    }
}
