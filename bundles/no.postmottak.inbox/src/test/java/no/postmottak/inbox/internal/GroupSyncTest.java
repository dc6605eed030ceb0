package no.postmottak.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group commit: a commit returns only after a force that began after it, and commits that wait share one. */
class GroupSyncTest {

    private final GroupSync syncs = new GroupSync();
    private final AtomicInteger forces = new AtomicInteger();
    private final ExecutorService committers = Executors.newCachedThreadPool();
    private final CountDownLatch firstForcing = new CountDownLatch(1);

    @AfterEach
    void stop() {
        committers.shutdownNow();
    }

    @Test
    void aCommitAloneForcesEachTime() throws Exception {
        syncs.afterCommit(forces::incrementAndGet);
        syncs.afterCommit(forces::incrementAndGet);

        assertThat(forces).hasValue(2);
    }

    @Test
    void commitsCountedWhileAForceRunsWaitForTheNextAndShareIt() throws Exception {
        CountDownLatch disk = new CountDownLatch(1);
        GroupSync.Force held = heldFirst(disk, false);
        CompletableFuture<Void> first = commit(held);
        CompletableFuture<Void> second = commitWhileTheFirstForces(held);
        CompletableFuture<Void> third = commit(held);
        await().atMost(Duration.ofSeconds(20)).until(() -> syncs.waiting() == 2);
        assertThat(second).as("not durable until a force that began after it").isNotDone();
        assertThat(third).isNotDone();

        disk.countDown();
        CompletableFuture.allOf(first, second, third).get(20, TimeUnit.SECONDS);

        assertThat(forces).as("the first, then one for the two that waited").hasValue(2);
    }

    @Test
    void whenAForceFailsItsCommitFailsAndTheOthersAreForcedAgain() throws Exception {
        CountDownLatch disk = new CountDownLatch(1);
        GroupSync.Force held = heldFirst(disk, true);
        CompletableFuture<Void> first = commit(held);
        CompletableFuture<Void> second = commitWhileTheFirstForces(held);
        await().atMost(Duration.ofSeconds(20)).until(() -> syncs.waiting() == 1);

        disk.countDown();

        assertThatThrownBy(() -> first.get(20, TimeUnit.SECONDS)).hasRootCauseMessage("disk full");
        second.get(20, TimeUnit.SECONDS);
        assertThat(forces).hasValue(2);
    }

    /** The first force hangs until {@code disk} opens, then fails or not; the others force at once. */
    private GroupSync.Force heldFirst(CountDownLatch disk, boolean firstFails) {
        return () -> {
            if (forces.incrementAndGet() == 1) {
                firstForcing.countDown();
                hold(disk);
                if (firstFails) {
                    throw new SQLException("disk full");
                }
            }
        };
    }

    /** A commit counted after the first force began: that force does not cover it. */
    private CompletableFuture<Void> commitWhileTheFirstForces(GroupSync.Force force) throws InterruptedException {
        assertThat(firstForcing.await(20, TimeUnit.SECONDS)).isTrue();
        return commit(force);
    }

    private CompletableFuture<Void> commit(GroupSync.Force force) {
        return CompletableFuture.runAsync(() -> {
            try {
                syncs.afterCommit(force);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, committers);
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
