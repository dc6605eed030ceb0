package no.postmottak.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import no.postmottak.inbox.internal.TestDatabases.Kind;

/** Two inbox instances (two cluster nodes) on one database share leases. */
class LeasesTest {

    private static final Duration TTL = Duration.ofMillis(1500);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void onlyOneNodeHoldsALeaseAndTheOtherTakesOverAfterExpiry(Kind kind) throws Exception {
        DataSource ds = TestDatabases.create(kind, dir);
        JdbcLeases nodeA = Fixtures.inbox(ds, new Fixtures.Orgs(), new ArchiveProviders()).leases();
        JdbcLeases nodeB = Fixtures.inbox(ds, new Fixtures.Orgs(), new ArchiveProviders()).leases();

        assertThat(nodeA.acquire("svarinn:910000001", "node-a", TTL)).isTrue();
        assertThat(nodeB.acquire("svarinn:910000001", "node-b", TTL)).isFalse();
        assertThat(nodeB.acquire("svarinn:920000002", "node-b", TTL)).as("another lease is free").isTrue();

        // While A renews in time, B never gets it.
        Instant renewUntil = Instant.now().plus(TTL.multipliedBy(2));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(nodeA.acquire("svarinn:910000001", "node-a", TTL)).isTrue();
            assertThat(nodeB.acquire("svarinn:910000001", "node-b", TTL)).isFalse();
            return Instant.now().isAfter(renewUntil);
        });

        // A stops renewing: B takes over once the lease has expired, and then A cannot take it back.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> nodeB.acquire("svarinn:910000001", "node-b", TTL));
        assertThat(nodeA.acquire("svarinn:910000001", "node-a", TTL)).isFalse();

        // Release hands it over at once.
        nodeA.release("svarinn:910000001", "node-b-is-not-me");
        assertThat(nodeA.acquire("svarinn:910000001", "node-a", TTL)).isFalse();
        nodeB.release("svarinn:910000001", "node-b");
        assertThat(nodeA.acquire("svarinn:910000001", "node-a", TTL)).isTrue();
        assertThatThrownBy(() -> nodeA.acquire("x", "node-a", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
