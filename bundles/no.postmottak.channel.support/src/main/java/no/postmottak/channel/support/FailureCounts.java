package no.postmottak.channel.support;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import no.postmottak.api.inbox.FailedAttempts;
import no.postmottak.api.inbox.InboxException;

/**
 * A channel's failed attempts per upstream item, for its failure policy ("permanent after N attempts"). In production
 * they live in the inbox's database ({@link FailedAttempts}), so the count means the same after a restart and on the
 * node that takes over the account; {@link #inMemory()} is for processes without that store (tests, one-off tools).
 * <p>
 * A received item's count is cleared only when this process counted a failure for it, so a normal item costs no
 * database call here; a count left behind by a node that stopped is harmless (the item is stored, so it is never
 * counted again) and the inbox removes such rows after 30 days.
 *
 * @since 1.2.0
 */
public final class FailureCounts {

    private final FailedAttempts store;
    private final String scope;
    private final Map<String, Integer> memory;
    private final Set<String> countedHere = ConcurrentHashMap.newKeySet();

    private FailureCounts(FailedAttempts store, String scope, Map<String, Integer> memory) {
        this.store = store;
        this.scope = scope;
        this.memory = memory;
    }

    /** In the inbox's database; {@code scope} names the upstream account the same on every node (its lease name). */
    public static FailureCounts in(FailedAttempts store, String scope) {
        return new FailureCounts(Objects.requireNonNull(store, "store"), Objects.requireNonNull(scope, "scope"), null);
    }

    /** In this process only: forgotten on restart, not shared with other nodes. */
    public static FailureCounts inMemory() {
        return new FailureCounts(null, "memory", new ConcurrentHashMap<>());
    }

    /** Counts one more failed attempt; returns the count including it. */
    public int failed(String key) throws InboxException {
        countedHere.add(key);
        return store == null ? memory.merge(key, 1, Integer::sum) : store.recordFailure(scope, key).count();
    }

    /** The failed attempts so far. */
    public int count(String key) throws InboxException {
        return store == null ? memory.getOrDefault(key, 0) : store.attempts(scope, key).count();
    }

    /** The item was received: forgets its count when this process counted one (no database call otherwise). */
    public void succeeded(String key) throws InboxException {
        if (countedHere.remove(key)) {
            reset(key);
        }
    }

    /** Forgets the item's count (reported permanently, or an operator's "retry"). */
    public void reset(String key) throws InboxException {
        countedHere.remove(key);
        if (store == null) {
            memory.remove(key);
        } else {
            store.reset(scope, key);
        }
    }

    /** Forgets every count of the account (an operator's "poll now, try everything again"). */
    public void resetAll() throws InboxException {
        countedHere.clear();
        if (store == null) {
            memory.clear();
        } else {
            store.resetAll(scope);
        }
    }
}
