package no.postmottak.channel.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.api.channel.ChannelStatus.Backlog;
import no.postmottak.api.channel.ChannelStatus.Counters;
import no.postmottak.api.channel.ChannelStatus.Outcome;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.Leases;

/**
 * Runs one account's polls on a thread of its own: never overlapping, each followed by the next after the interval
 * (or a back-off of 30 s doubling up to the interval when the round failed), "poll now" at any time, and a stop that
 * lets a running round finish its current item. In a cluster only the holder of the account's lease polls; the
 * round asks {@link #holdsLease()} between items and stops when it is lost. A refused login stops polling until
 * {@link #pollNow()}.
 * <p>
 * The lease: this node knows until when its lease is valid by its own monotonic clock (the time taken before the
 * acquire call, plus the TTL, minus a tenth of it as a safety margin; the database sets the expiry on its own clock,
 * later than that), so a held lease costs no database round trip per item, and a node that was paused, cut off from
 * the database or had its clock set wrong stops before its next upstream call instead of trusting a lease another
 * node may have taken. A watcher renews the lease when less than half the TTL remains, also between polls and during
 * a long item, so the active node keeps it; on a standby node the same watcher takes the lease once the holder let it
 * run out (it died) and polls at once: takeover within the TTL plus a quarter of it.
 * <p>
 * The channel's own work is the {@link Round}; this class owns the thread, the schedule, the lease and the state the
 * administration page shows ({@link #status()}). Thread-safe.
 */
public final class PollLoop {

    private static final Logger LOG = LoggerFactory.getLogger(PollLoop.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    /** The lease TTL when the account does not configure one: a dead node's account is taken over within 75 s. */
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(60);
    static final String STANDBY_RESULT = "Venter: en annen node henter for denne kontoen";

    /** What the loop is doing. */
    public enum State {
        /** Polling on schedule. */
        ACTIVE,
        /** Another node holds the account's lease and polls it. */
        STANDBY,
        /** The upstream refused our credentials: no polling until "poll now" or a new configuration. */
        AUTHENTICATION_FAILED,
        /** Stopped. */
        STOPPED
    }

    /** One poll's work for the account, run while this node holds the lease. */
    @FunctionalInterface
    public interface Round {
        /**
         * Polls once. Should check {@link PollLoop#stopping()} and {@link PollLoop#holdsLease()} between items.
         *
         * @return how the poll went and when to poll next
         * @throws InboxException when the inbox could not store: the loop backs off and says so
         */
        Result run(PollLoop loop) throws InboxException;
    }

    /** When to poll next. */
    public enum Next {
        /** After the normal interval; the back-off starts over. */
        INTERVAL,
        /** After the next back-off step (or {@link Result#delay()}, when longer). */
        BACKOFF,
        /** After exactly {@link Result#delay()} (the upstream said so, e.g. 429 Retry-After). */
        AFTER,
        /** Not until "poll now": the credentials were refused. */
        STOP
    }

    /**
     * How a round ended.
     *
     * @param outcome how the page shows it
     * @param summary one line in Norwegian for operators
     * @param next    when to poll next
     * @param delay   the wait for {@link Next#AFTER}, the least wait for {@link Next#BACKOFF}, else null
     */
    public record Result(Outcome outcome, String summary, Next next, Duration delay) {

        public Result {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(next, "next");
            summary = summary == null ? "" : summary;
            if (next == Next.AFTER) {
                Objects.requireNonNull(delay, "delay");
            }
        }

        /** Everything waiting was handled ({@code failedItems == 0}) or some items failed; next at the interval. */
        public static Result done(String summary, int failedItems) {
            return new Result(failedItems == 0 ? Outcome.SUCCEEDED : Outcome.PARTLY_FAILED, summary, Next.INTERVAL,
                    null);
        }

        /** The upstream could not be reached or failed: back off, and wait at least {@code atLeast} (may be null). */
        public static Result unavailable(String summary, Duration atLeast) {
            return new Result(Outcome.FAILED, summary, Next.BACKOFF, atLeast);
        }

        /** The upstream asked us to wait (429). */
        public static Result waitFor(String summary, Duration wait) {
            return new Result(Outcome.FAILED, summary, Next.AFTER, wait);
        }

        /** Our credentials were refused: stop until "poll now". The summary becomes the state's message. */
        public static Result authenticationFailed(String message) {
            return new Result(Outcome.FAILED, message, Next.STOP, null);
        }
    }

    /**
     * A snapshot of the loop.
     *
     * @param state         what it does
     * @param message       why it is in that state, when that needs saying (e.g. the refused login), or null
     * @param lastPoll      when the last poll started, or null
     * @param lastPollEnded when it ended, or null while it runs or before the first
     * @param lastOutcome   how it ended ({@link Outcome#RUNNING} while it runs), or null before the first
     * @param lastResult    a one-line summary in Norwegian
     * @param nextPoll      when the next poll is due, or null
     */
    public record Status(State state, String message, Instant lastPoll, Instant lastPollEnded, Outcome lastOutcome,
                         String lastResult, Instant nextPoll) {
    }

    private final String account;
    private final Leases leases;
    private final String leaseName;
    private final String nodeId;
    private final Duration interval;
    private final Clock clock;
    private final Round round;
    private final ScheduledExecutorService executor;
    private final Duration leaseTtl;
    private final LongSupplier nanoTime;
    /** Guards the lease fields: the poll thread and the lease watcher both ask. */
    private final Object leaseLock = new Object();
    private boolean leaseHeld;
    /** Monotonic (System.nanoTime) instant until which this node surely holds the lease, when {@code leaseHeld}. */
    private long leaseValidUntil;
    private final ScheduledExecutorService leaseWatcher;

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
    private volatile Instant lastSucceeded;
    private volatile Backlog backlog;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong permanentlyFailed = new AtomicLong();
    private final AtomicLong downloadedBytes = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong pollNanos = new AtomicLong();
    private ScheduledFuture<?> scheduled;

    /**
     * @param threadName the poller thread's name, e.g. {@code svarinn-poller-kommune}
     * @param account    the account's name, for logs
     * @param leases     the cluster leases, or null for a single node without coordination
     * @param leaseName  the lease that stands for this upstream account (the same on every node)
     * @param nodeId     this node
     * @param interval   the normal time between polls, positive
     */
    public PollLoop(String threadName, String account, Leases leases, String leaseName, String nodeId,
                    Duration interval, Clock clock, Round round) {
        this(threadName, account, leases, leaseName, nodeId, interval, DEFAULT_LEASE_TTL, clock, round);
    }

    /**
     * @param leaseTtl how long the lease holds without renewal; a dead node's account is polled by another after at
     *                 most this plus a quarter of it. At least 4 seconds.
     * @since 1.2.0
     */
    public PollLoop(String threadName, String account, Leases leases, String leaseName, String nodeId,
                    Duration interval, Duration leaseTtl, Clock clock, Round round) {
        this(threadName, account, leases, leaseName, nodeId, interval, leaseTtl, clock, System::nanoTime, round);
    }

    /** For tests: the monotonic clock is {@code nanoTime}. */
    PollLoop(String threadName, String account, Leases leases, String leaseName, String nodeId, Duration interval,
             Duration leaseTtl, Clock clock, LongSupplier nanoTime, Round round) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("The poll interval must be positive: " + interval);
        }
        if (leaseTtl.compareTo(Duration.ofSeconds(4)) < 0) {
            throw new IllegalArgumentException("The lease must hold at least 4 seconds: " + leaseTtl);
        }
        this.leaseTtl = leaseTtl;
        this.nanoTime = nanoTime;
        this.account = account;
        this.leases = leases;
        this.leaseName = leaseName;
        this.nodeId = nodeId;
        this.interval = interval;
        this.clock = clock;
        this.round = round;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        // On stop, a poll that is only scheduled must not run (nor be waited for): only a running one finishes.
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
        this.leaseWatcher = leases == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName + "-lease");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts polling; the first poll runs right away. */
    public synchronized void start() {
        schedule(Duration.ZERO);
        if (leaseWatcher != null) {
            long period = leaseTtl.toMillis() / 4;
            leaseWatcher.scheduleWithFixedDelay(this::watchLease, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** The lease TTL. */
    public Duration leaseTtl() {
        return leaseTtl;
    }

    /**
     * Polls as soon as the current poll (if any) is done; also resumes polling stopped by a refused login.
     *
     * @return false when the loop is stopping, so nothing will run
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

    /**
     * Stops polling. A round that runs finishes its current item within {@code grace}, or is interrupted: nothing is
     * acknowledged upstream before it is stored, so an abandoned item simply comes again. Releases the lease.
     */
    public void stop(Duration grace) {
        stopping = true;
        synchronized (this) {
            state = State.STOPPED;
            nextPoll = null;
        }
        executor.shutdown();
        if (leaseWatcher != null) {
            leaseWatcher.shutdownNow();
        }
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (leases != null) {
            synchronized (leaseLock) {
                leaseHeld = false;
            }
            try {
                leases.release(leaseName, nodeId);
            } catch (InboxException e) {
                LOG.warn("[{}] Could not release lease {}: {}", account, leaseName, e.getMessage());
            }
        }
    }

    /** Whether {@link #stop} was called: a round should finish its current item and return. */
    public boolean stopping() {
        return stopping;
    }

    /** The normal time between polls. */
    public Duration interval() {
        return interval;
    }

    public Status status() {
        return new Status(state, message, lastPoll, lastPollEnded, lastOutcome, lastResult, nextPoll);
    }

    /**
     * Records what waited upstream when the round listed it: {@code waiting} items, the oldest sent at {@code oldest}
     * (null when unknown or none). Rounds that list in pages report the first page.
     */
    public void reportBacklog(int waiting, Instant oldest) {
        backlog = new Backlog(waiting, waiting == 0 ? null : oldest, clock.instant());
    }

    /** Counts an item the upstream was told we stored. */
    public void countAcknowledged() {
        acknowledged.incrementAndGet();
    }

    /** Counts an item reported to the upstream as permanently failed. */
    public void countPermanentlyFailed() {
        permanentlyFailed.incrementAndGet();
    }

    /** Adds bytes downloaded from the upstream. */
    public void countDownloaded(long bytes) {
        if (bytes > 0) {
            downloadedBytes.addAndGet(bytes);
        }
    }

    /**
     * {@code status} with the monitoring fields of {@link ChannelStatus} 1.1.0 set from this loop: the interval,
     * when the last poll that reached the upstream ended, the backlog and the counters.
     */
    public ChannelStatus withMonitoring(ChannelStatus status) {
        return status.withMonitoring(interval, lastSucceeded, backlog, new Counters(acknowledged.get(),
                permanentlyFailed.get(), downloadedBytes.get(), polls.get(), Duration.ofNanos(pollNanos.get())));
    }

    /**
     * Whether this node surely holds the account's lease; rounds ask before each item and return on false. Answers
     * from this node's monotonic clock while more than half the TTL remains; otherwise renews (or takes) it in the
     * database. When the database cannot be asked, the answer is true only while the lease is still surely valid.
     */
    public boolean holdsLease() {
        if (leases == null) {
            return true;
        }
        synchronized (leaseLock) {
            long ttl = leaseTtl.toNanos();
            if (leaseHeld && leaseValidUntil - nanoTime.getAsLong() > ttl / 2) {
                return true;
            }
            long before = nanoTime.getAsLong(); // before the call: the database's expiry is later than ours
            try {
                leaseHeld = leases.acquire(leaseName, nodeId, leaseTtl);
                leaseValidUntil = before + ttl - ttl / 10;
                return leaseHeld;
            } catch (InboxException | RuntimeException e) {
                leaseHeld = leaseHeld && leaseValidUntil - nanoTime.getAsLong() > 0;
                LOG.warn("[{}] Could not renew the lease {}{}: {}", account, leaseName,
                        leaseHeld ? " (still valid for a while)" : "; polling stops", e.getMessage());
                return leaseHeld;
            }
        }
    }

    /**
     * Every quarter TTL: keeps the active node's lease (between polls and during long items), and lets a standby node
     * take over, and poll at once, when the holder stopped renewing.
     */
    void watchLease() {
        if (stopping) {
            return;
        }
        boolean held = holdsLease();
        synchronized (this) {
            if (stopping) {
                return;
            }
            if (held && state == State.STANDBY) {
                LOG.info("[{}] This node took over the lease {}; polling now", account, leaseName);
                state = State.ACTIVE;
                schedule(Duration.ZERO);
            } else if (!held && state == State.ACTIVE) {
                LOG.warn("[{}] The lease {} is held by another node; standing by", account, leaseName);
                state = State.STANDBY;
            }
        }
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

    /**
     * One poll on the caller's thread (tests, and processes that poll once). Returns the delay until the next, or
     * null when polling stopped on a refused login.
     */
    public Duration poll() {
        pollRequested = false;
        lastPollEnded = null; // before lastPoll, so no snapshot pairs the new start with the old end
        lastOutcome = Outcome.RUNNING;
        lastPoll = clock.instant();
        lastResult = "Henter nå …";
        long started = System.nanoTime();
        try {
            return pollOnce();
        } catch (RuntimeException e) {
            lastOutcome = Outcome.FAILED;
            lastResult = "Uventet feil: " + e.getClass().getSimpleName();
            throw e;
        } finally {
            Instant ended = clock.instant();
            polls.incrementAndGet();
            pollNanos.addAndGet(System.nanoTime() - started);
            if (lastOutcome == Outcome.SUCCEEDED || lastOutcome == Outcome.PARTLY_FAILED) {
                lastSucceeded = ended;
            }
            lastPollEnded = ended;
        }
    }

    private Duration pollOnce() {
        if (!holdsLease()) {
            state = State.STANDBY;
            lastResult = STANDBY_RESULT;
            lastOutcome = Outcome.SKIPPED;
            return interval;
        }
        state = State.ACTIVE;
        Result result;
        try {
            result = round.run(this);
        } catch (InboxException e) {
            LOG.warn("[{}] The inbox could not store; backing off {}: {}", account, backoff, e.getMessage());
            result = Result.unavailable("Innboksen er utilgjengelig: " + e.getMessage(), null);
        }
        if (leases != null && !leaseHeldNow()) {
            state = State.STANDBY; // lost during the round: another node polls now
        }
        lastOutcome = result.outcome();
        lastResult = result.summary();
        return switch (result.next()) {
            case INTERVAL -> {
                backoff = FIRST_BACKOFF;
                yield interval;
            }
            case BACKOFF -> {
                Duration wait = nextBackoff();
                yield result.delay() != null && result.delay().compareTo(wait) > 0 ? result.delay() : wait;
            }
            case AFTER -> result.delay();
            case STOP -> {
                state = State.AUTHENTICATION_FAILED;
                message = result.summary();
                LOG.error("[{}] {}", account, result.summary());
                yield null;
            }
        };
    }

    private boolean leaseHeldNow() {
        synchronized (leaseLock) {
            return leaseHeld && leaseValidUntil - nanoTime.getAsLong() > 0;
        }
    }

    private Duration nextBackoff() {
        Duration wait = backoff.compareTo(interval) < 0 ? backoff : interval;
        backoff = backoff.multipliedBy(2);
        return wait;
    }
}
