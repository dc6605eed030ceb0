package no.postmottak.svarinn.simulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Server-wide fault knobs, changeable at any time while the simulator runs. Each "next N" knob is consumed by
 * the next N calls of that operation (after authentication). Thread-safe.
 *
 * @since 1.0.0
 */
public final class ServerKnobs {

    /** The four SvarInn operations; each knob acts on the V1 call and its V2 counterpart alike. */
    public enum Operation {
        /** {@code GET /mottaker/hentNyeForsendelser}, V2 {@code GET /v2/forsendelser} */
        LIST,
        /** {@code GET {downloadUrl}}, V2 {@code GET {nedlastingslenke}} */
        DOWNLOAD,
        /** {@code POST /kvitterMottak/forsendelse/{id}}, V2 {@code PATCH /v2/forsendelser/{id}/status} MOTTATT */
        KVITTER_MOTTAK,
        /** {@code POST /mottakFeilet/forsendelse/{id}}, V2 {@code PATCH /v2/forsendelser/{id}/status} FEILET */
        MOTTAK_FEILET
    }

    /**
     * What to answer instead of the normal response.
     *
     * @param status            HTTP status
     * @param retryAfterSeconds value of {@code Retry-After}, or -1 for none
     * @param afterApplying     true: apply the operation first, then answer with {@code status}
     */
    public record Failure(int status, long retryAfterSeconds, boolean afterApplying) {
    }

    private final Map<Operation, Failure> failures = new EnumMap<>(Operation.class);
    private final Map<Operation, Integer> remaining = new EnumMap<>(Operation.class);
    private long bytesPerSecond;
    private boolean strictKvittering;
    private String listContentType = "application/json";

    /**
     * Answer the next {@code times} calls of {@code op} with {@code status} (e.g. 503 on list, 500 on download).
     *
     * @param op     operation
     * @param status HTTP status, 4xx or 5xx
     * @param times  how many calls; {@link Integer#MAX_VALUE} for "until cleared"
     * @return this
     */
    public synchronized ServerKnobs failNext(Operation op, int status, int times) {
        return set(op, new Failure(status, -1, false), times);
    }

    /**
     * Answer the next {@code times} calls of {@code op} with 429 and {@code Retry-After}.
     *
     * @param op         operation
     * @param times      how many calls
     * @param retryAfter the delay to announce (whole seconds)
     * @return this
     */
    public synchronized ServerKnobs rateLimitNext(Operation op, int times, Duration retryAfter) {
        return set(op, new Failure(429, retryAfter.toSeconds(), false), times);
    }

    /**
     * Apply the next {@code times} kvitterMottak/mottakFeilet calls, then answer 500 anyway: the forsendelse is
     * gone from the list although the client saw an error.
     *
     * @param op    {@link Operation#KVITTER_MOTTAK} or {@link Operation#MOTTAK_FEILET}
     * @param times how many calls
     * @return this
     */
    public synchronized ServerKnobs failAfterApplying(Operation op, int times) {
        if (op == Operation.LIST || op == Operation.DOWNLOAD) {
            throw new IllegalArgumentException("only state-changing operations can fail after applying: " + op);
        }
        return set(op, new Failure(500, -1, true), times);
    }

    /** Clears every knob back to normal behaviour. */
    public synchronized void clear() {
        failures.clear();
        remaining.clear();
        bytesPerSecond = 0;
        strictKvittering = false;
        listContentType = "application/json";
    }

    /**
     * @param v throttle for every download in bytes per second (0 = unlimited); a forsendelse's own throttle wins
     * @return this
     */
    public synchronized ServerKnobs bytesPerSecond(long v) { bytesPerSecond = v; return this; }

    /** @return the global download throttle, 0 = unlimited */
    public synchronized long bytesPerSecond() { return bytesPerSecond; }

    /**
     * @param v true: kvitterMottak of an already acknowledged/failed forsendelse answers 404; false (default):
     *          it answers 200 (idempotent). An unknown id always answers 404.
     * @return this
     */
    public synchronized ServerKnobs strictKvittering(boolean v) { strictKvittering = v; return this; }

    /** @return whether repeated kvitterMottak answers 404 */
    public synchronized boolean strictKvittering() { return strictKvittering; }

    /**
     * @param v Content-Type of the list response; KS's own fake server sends {@code text/plain; charset=utf-8}
     * @return this
     */
    public synchronized ServerKnobs listContentType(String v) { listContentType = Objects.requireNonNull(v); return this; }

    /** @return the Content-Type of the list response */
    public synchronized String listContentType() { return listContentType; }

    /**
     * Takes one pending failure for {@code op}, if any (used by the server for each call).
     *
     * @param op operation
     * @return the failure to apply, or null for normal behaviour
     */
    public synchronized Failure consume(Operation op) {
        Integer left = remaining.get(op);
        if (left == null || left <= 0) {
            return null;
        }
        if (left != Integer.MAX_VALUE) {
            remaining.put(op, left - 1);
        }
        return failures.get(op);
    }

    private ServerKnobs set(Operation op, Failure failure, int times) {
        Objects.requireNonNull(op, "op");
        if (times < 0) {
            throw new IllegalArgumentException("times must be >= 0");
        }
        failures.put(op, failure);
        remaining.put(op, times);
        return this;
    }
}
