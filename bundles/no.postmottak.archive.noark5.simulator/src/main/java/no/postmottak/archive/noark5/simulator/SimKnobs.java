package no.postmottak.archive.noark5.simulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The N5WS-specific fault knobs (the server-wide fail/hold knobs are the foundation's): lose the answer to a create
 * or an upload after doing the work, fail the N-th upload request, answer 409 to the next creates, refuse filters
 * on virksomhetsspesifikke metadata, and answer slowly. Also counts requests and uploads. Thread-safe.
 */
final class SimKnobs {

    private final Map<Kind, Integer> loseCreate = new EnumMap<>(Kind.class);
    private final AtomicInteger conflicts = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger uploads = new AtomicInteger();
    private volatile int failUploadAt = -1;
    private volatile int failUploadStatus = 500;
    private final AtomicInteger loseUploadAnswers = new AtomicInteger();
    private volatile boolean metadataFilters = true;
    private volatile Duration slow = Duration.ZERO;

    synchronized void loseNextCreate(Kind kind) {
        loseCreate.merge(kind, 1, Integer::sum);
    }

    /** Whether the answer to this create is to be lost (consumes the knob). */
    synchronized boolean loseCreateAnswer(Kind kind) {
        Integer n = loseCreate.get(kind);
        if (n == null || n == 0) {
            return false;
        }
        loseCreate.put(kind, n - 1);
        return true;
    }

    void conflictNext(int times) {
        conflicts.set(times);
    }

    boolean conflict() {
        return conflicts.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /** The upload request {@code n} from now (1 = the next) fails with {@code status}. */
    void failUpload(int n, int status) {
        failUploadStatus = status;
        failUploadAt = uploads.get() + n;
    }

    /** Counts an upload request; returns the status to fail it with, or 0. */
    int nextUpload() {
        return uploads.incrementAndGet() == failUploadAt ? failUploadStatus : 0;
    }

    int uploads() {
        return uploads.get();
    }

    void loseNextUploadAnswer() {
        loseUploadAnswers.incrementAndGet();
    }

    boolean loseUploadAnswer() {
        return loseUploadAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    void metadataFilters(boolean allowed) {
        metadataFilters = allowed;
    }

    boolean metadataFilters() {
        return metadataFilters;
    }

    void slow(Duration delay) {
        slow = delay;
    }

    /** Counts a request and, with the slow knob, delays it: a slow core, not a dead one. */
    void arrive() {
        requests.incrementAndGet();
        Duration d = slow;
        if (!d.isZero()) {
            try {
                TimeUnit.MILLISECONDS.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    long requests() {
        return requests.get();
    }
}
