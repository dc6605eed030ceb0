package no.postmottak.svarinn.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.channel.ChannelStatus.Outcome;
import no.postmottak.api.inbox.Leases;
import no.postmottak.svarinn.internal.AccountStatus.State;

/**
 * Polls one SvarInn account on its own thread: never overlapping, in date order, each forsendelse isolated from the
 * others, page after page while V2 returns full pages. Backs off when SvarUt or the inbox is unavailable, honours
 * 429 Retry-After, and stops on 401/403 instead of hammering. In a cluster only the holder of the account's lease polls.
 */
public final class AccountPoller {

    private static final Logger LOG = LoggerFactory.getLogger(AccountPoller.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    /** A bound on list calls in one poll (V2 pages of 200): 100,000 forsendelser, then the next poll goes on. */
    private static final int MAX_PAGES = 500;

    private final String account;
    private final String leaseName;
    private final String nodeId;
    private final SvarInnApi client;
    private final ForsendelseReceiver receiver;
    private final Leases leases;
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, ItemResult> failedItems = new ConcurrentHashMap<>();

    private volatile State state = State.ACTIVE;
    private volatile String message;
    private volatile Instant lastPoll;
    private volatile String lastResult = "Ikke hentet ennå";
    private volatile Instant lastPollEnded;
    private volatile Outcome lastOutcome;
    private volatile Instant nextPoll;
    private volatile boolean stopping;
    /** Set by pollNow, cleared when a poll starts: a request made during a poll gets a poll of its own. */
    private volatile boolean pollRequested;
    private Duration backoff = FIRST_BACKOFF;
    private ScheduledFuture<?> scheduled;

    /** @param leases null for a single node without cluster coordination */
    public AccountPoller(String account, String leaseName, String nodeId, SvarInnApi client,
                         ForsendelseReceiver receiver, Leases leases, Duration interval, Clock clock) {
        this.account = account;
        this.leaseName = leaseName;
        this.nodeId = nodeId;
        this.client = client;
        this.receiver = receiver;
        this.leases = leases;
        this.interval = interval;
        this.clock = clock;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "svarinn-poller-" + account);
            t.setDaemon(true);
            return t;
        });
        // On stop, a poll that is only scheduled must not run (nor be waited for): only a running one finishes.
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
    }

    /** Starts polling; the first poll runs right away. */
    public synchronized void start() {
        schedule(Duration.ZERO);
    }

    /**
     * Polls as soon as the current poll (if any) is done; also resumes an account stopped by an auth failure.
     * Returns false when the poller is stopping, so nothing will run.
     */
    public synchronized boolean pollNow() {
        if (stopping) {
            return false;
        }
        if (state == State.AUTHENTICATION_FAILED) {
            state = State.ACTIVE;
            message = null;
        }
        pollRequested = true;
        schedule(Duration.ZERO);
        return true;
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
        stopping = true;
        synchronized (this) {
            state = State.STOPPED;
            nextPoll = null;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (leases != null) {
            try {
                leases.release(leaseName, nodeId);
            } catch (InboxException e) {
                LOG.warn("[{}] Could not release lease {}: {}", account, leaseName, e.getMessage());
            }
        }
    }

    /** The account's state; {@link AccountAlerts} derives the alerts from it. */
    public AccountStatus status() {
        List<ItemResult> failures = failedItems.values().stream()
                .sorted(Comparator.comparing(ItemResult::forsendelseId)).toList();
        return new AccountStatus(account, state, message, lastPoll, lastResult, lastPollEnded, lastOutcome, nextPoll,
                received.get(), failed.get(), failures);
    }

    private synchronized void schedule(Duration delay) {
        if (stopping) {
            return;
        }
        if (scheduled != null && !scheduled.isDone()) {
            scheduled.cancel(false);
        }
        nextPoll = clock.instant().plus(delay);
        scheduled = executor.schedule(this::pollAndReschedule, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pollAndReschedule() {
        Duration next = interval;
        try {
            next = poll();
        } catch (RuntimeException e) {
            LOG.error("[{}] Poll failed unexpectedly; retrying at the next interval", account, e);
        }
        synchronized (this) { // with pollNow, so its request cannot be overwritten by this reschedule
            if (pollRequested) {
                schedule(Duration.ZERO);
            } else if (next != null) {
                schedule(next);
            } else {
                nextPoll = null;
            }
        }
    }

    /** One poll. Returns the delay until the next, or null to stop polling. */
    Duration poll() {
        pollRequested = false;
        lastPollEnded = null; // before lastPoll, so no snapshot pairs the new start with the old end
        lastOutcome = Outcome.RUNNING;
        lastPoll = clock.instant();
        lastResult = "Henter nå …";
        try {
            return pollOnce();
        } catch (RuntimeException e) {
            lastOutcome = Outcome.FAILED;
            lastResult = "Uventet feil: " + e.getClass().getSimpleName();
            throw e;
        } finally {
            lastPollEnded = clock.instant();
        }
    }

    private Duration pollOnce() {
        if (!holdsLease()) {
            state = State.STANDBY;
            lastResult = "Venter: en annen node henter for denne kontoen";
            lastOutcome = Outcome.SKIPPED;
            return interval;
        }
        state = State.ACTIVE;
        Tally tally = new Tally();
        try {
            // V2 lists at most a page; a full page means more wait behind it once these are acknowledged. Items
            // that failed come back in the next page, so only a page with something new is worth reading again.
            boolean more = true;
            for (int round = 0; more && round < MAX_PAGES && !stopping; round++) {
                List<Offered> page = client.listNew();
                boolean fresh = receivePage(page, tally);
                more = fresh && !tally.leaseLost && client.pageSize() > 0 && page.size() >= client.pageSize();
            }
            backoff = FIRST_BACKOFF;
            lastResult = tally.ok + " mottatt, " + tally.bad + " feilet av " + tally.seen.size() + " ventende";
            lastOutcome = tally.bad == 0 ? Outcome.SUCCEEDED : Outcome.PARTLY_FAILED;
            return interval;
        } catch (SvarInnException e) {
            lastOutcome = Outcome.FAILED;
            return afterAccountFailure(e, tally.ok, tally.bad);
        } catch (InboxException e) {
            lastOutcome = Outcome.FAILED;
            lastResult = "Innboksen er utilgjengelig: " + e.getMessage();
            LOG.warn("[{}] The inbox could not store; backing off {}: {}", account, backoff, e.getMessage());
            return nextBackoff();
        }
    }

    /** What one poll did, across its pages. */
    private static final class Tally {
        final Set<String> seen = new HashSet<>();
        int ok;
        int bad;
        boolean leaseLost;
    }

    /** Receives the page in date order, each item once per poll; returns whether it held anything new. */
    private boolean receivePage(List<Offered> page, Tally tally) throws SvarInnException, InboxException {
        List<Offered> sorted = new ArrayList<>(page);
        sorted.sort(Comparator.comparing(Offered::date, Comparator.nullsLast(Comparator.naturalOrder())));
        boolean fresh = false;
        for (Offered f : sorted) {
            if (stopping) {
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
            ItemResult result = receiver.receive(f);
            if (result.failed()) {
                tally.bad++;
                failed.incrementAndGet();
                failedItems.put(f.id(), result);
            } else {
                tally.ok++;
                received.incrementAndGet();
                failedItems.remove(f.id());
            }
            if (!holdsLease()) { // renewed between items; lost means another node took over
                tally.leaseLost = true;
                break;
            }
        }
        return fresh;
    }

    private Duration afterAccountFailure(SvarInnException e, int ok, int bad) {
        switch (e.kind()) {
            case AUTHENTICATION -> {
                state = State.AUTHENTICATION_FAILED;
                message = "SvarUt avviste brukernavn eller passord (HTTP " + e.status()
                        + "). Henting er stoppet til konfigurasjonen endres eller noen velger «hent nå».";
                lastResult = message;
                LOG.error("[{}] {}", account, message);
                return null;
            }
            case RATE_LIMITED -> {
                Duration wait = e.retryAfter() != null ? e.retryAfter() : nextBackoff();
                lastResult = "SvarUt ba oss vente (HTTP 429) i " + wait.toSeconds() + " s";
                LOG.warn("[{}] {}", account, lastResult);
                return wait;
            }
            default -> {
                lastResult = ok + " mottatt, " + bad + " feilet; SvarInn utilgjengelig: " + e.getMessage();
                LOG.warn("[{}] SvarInn unavailable, backing off {}: {}", account, backoff, e.getMessage());
                Duration wait = nextBackoff();
                return e.retryAfter() != null && e.retryAfter().compareTo(wait) > 0 ? e.retryAfter() : wait;
            }
        }
    }

    private Duration nextBackoff() {
        Duration wait = backoff.compareTo(interval) < 0 ? backoff : interval;
        backoff = backoff.multipliedBy(2);
        return wait;
    }

    private boolean holdsLease() {
        if (leases == null) {
            return true;
        }
        try {
            return leases.acquire(leaseName, nodeId, interval.plus(Duration.ofMinutes(10)));
        } catch (InboxException e) {
            LOG.warn("[{}] Could not take the lease {}: {}", account, leaseName, e.getMessage());
            return false;
        }
    }
}
