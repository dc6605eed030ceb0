package no.postmottak.inbox.internal;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for a database file that a commit writes but does not force (H2, see {@link Db#write}): a committed
 * transaction is durable once a force of the file <em>began after</em> its commit returned. A committer whose commit
 * such a force already covers returns without one of its own; otherwise one committer forces for all that committed
 * before it began. Several items stored at once then share one fsync instead of waiting on H2's lock for one each
 * (issue 17: H2 serializes {@code CHECKPOINT SYNC} on the database, ~1 ms each).
 */
final class GroupSync {

    /** Forces everything written to the file so far to disk. */
    @FunctionalInterface
    interface Force {
        void run() throws SQLException;
    }

    /** Commits that have returned, numbered in the order they were counted here. */
    private final AtomicLong committed = new AtomicLong();
    private final ReentrantLock forcing = new ReentrantLock();
    /** Every commit numbered up to this was counted before a force that has finished began. Guarded by forcing. */
    private long durableThrough;

    /** Called after a commit returned; returns once a force that began after it has finished. */
    void afterCommit(Force force) throws SQLException {
        long mine = committed.incrementAndGet();
        forcing.lock();
        try {
            if (durableThrough >= mine) {
                return; // a force began after this commit was counted, and has finished
            }
            long upTo = committed.get();
            force.run();
            durableThrough = upTo;
        } finally {
            forcing.unlock();
        }
    }

    /** Committers waiting for a force under way: for tests. */
    int waiting() {
        return forcing.getQueueLength();
    }
}
