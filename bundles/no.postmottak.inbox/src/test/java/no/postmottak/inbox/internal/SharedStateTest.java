package no.postmottak.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import no.postmottak.api.inbox.FailedAttempts.Attempts;
import no.postmottak.api.inbox.WebSessions.LoginFailures;
import no.postmottak.api.inbox.WebSessions.Session;
import no.postmottak.inbox.internal.TestDatabases.Kind;

/** Two inbox instances (two cluster nodes) on one database see the same failed attempts, sessions and login limit. */
class SharedStateTest {

    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final String HASH = "a".repeat(64);

    @TempDir
    Path dir;

    private DataSource ds;
    private JdbcInbox nodeA;
    private JdbcInbox nodeB;

    private void start(Kind kind) throws Exception {
        ds = TestDatabases.create(kind, dir);
        nodeA = Fixtures.inbox(ds, new Fixtures.Orgs(), new ArchiveProviders());
        nodeB = Fixtures.inbox(ds, new Fixtures.Orgs(), new ArchiveProviders());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void failedAttemptsCountAcrossNodesAndResetClearsTheRow(Kind kind) throws Exception {
        start(kind);
        JdbcFailedAttempts a = nodeA.failedAttempts();
        JdbcFailedAttempts b = nodeB.failedAttempts();
        assertThat(a.attempts("svarinn:u@h", "f-1")).isEqualTo(Attempts.NONE);

        assertThat(a.recordFailure("svarinn:u@h", "f-1").count()).isEqualTo(1);
        assertThat(b.recordFailure("svarinn:u@h", "f-1").count()).isEqualTo(2);
        assertThat(a.recordFailure("svarinn:u@h", "f-2").count()).isEqualTo(1);
        assertThat(b.recordFailure("other", "f-1").count()).as("scopes are apart").isEqualTo(1);
        Attempts seen = a.attempts("svarinn:u@h", "f-1");
        assertThat(seen.count()).isEqualTo(2);
        assertThat(seen.last()).isNotNull();

        b.reset("svarinn:u@h", "f-1");
        assertThat(a.attempts("svarinn:u@h", "f-1")).isEqualTo(Attempts.NONE);
        assertThat(AcceptTest.count(ds, "failed_attempt")).isEqualTo(2);
        a.resetAll("svarinn:u@h");
        assertThat(b.attempts("svarinn:u@h", "f-2")).isEqualTo(Attempts.NONE);
        assertThat(b.attempts("other", "f-1").count()).isEqualTo(1);
        assertThatThrownBy(() -> a.recordFailure(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSessionMadeOnOneNodeIsUsedAndEndedOnTheOther(Kind kind) throws Exception {
        start(kind);
        JdbcWebSessions a = nodeA.webSessions();
        JdbcWebSessions b = nodeB.webSessions();
        Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
        Session s = new Session(HASH, "kari", Set.of("postmottak-org-910000001", "postmottak-delete"), "csrf-1", t0,
                t0, t0.plus(IDLE));
        assertThat(a.create(s, 10)).isTrue();

        Session onB = b.use(HASH, t0.plusSeconds(5), IDLE).orElseThrow();
        assertThat(onB.user()).isEqualTo("kari");
        assertThat(onB.roles()).containsExactlyInAnyOrder("postmottak-org-910000001", "postmottak-delete");
        assertThat(onB.csrfToken()).isEqualTo("csrf-1");
        assertThat(onB.toString()).doesNotContain("csrf-1");

        // Used on B 20 minutes later: the idle time starts over for A too.
        assertThat(b.use(HASH, t0.plus(Duration.ofMinutes(20)), IDLE)).isPresent();
        assertThat(a.use(HASH, t0.plus(Duration.ofMinutes(45)), IDLE)).isPresent();

        b.delete(HASH);
        assertThat(a.use(HASH, t0.plus(Duration.ofMinutes(46)), IDLE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void idleSessionsExpireAndArePurgedAndTheirNumberIsBounded(Kind kind) throws Exception {
        start(kind);
        JdbcWebSessions a = nodeA.webSessions();
        JdbcWebSessions b = nodeB.webSessions();
        Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
        assertThat(a.create(session("1", t0), 2)).isTrue();
        assertThat(b.create(session("2", t0), 2)).isTrue();
        assertThat(a.create(session("3", t0), 2)).as("two live sessions on the two nodes fill the bound").isFalse();

        assertThat(b.use("1".repeat(64), t0.plus(IDLE).plusSeconds(1), IDLE)).isEmpty();
        assertThat(b.purgeExpired(t0.plus(IDLE).plusSeconds(1))).isEqualTo(1);
        assertThat(a.create(session("3", t0.plus(IDLE).plusSeconds(2)), 2)).isTrue();
        assertThatThrownBy(() -> a.create(new Session("token", "x", Set.of(), "c", t0, t0, t0), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Session session(String digit, Instant at) {
        return new Session(digit.repeat(64), "u" + digit, Set.of(), "c" + digit, at, at, at.plus(IDLE));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void loginFailuresCountAcrossNodesWithinTheWindow(Kind kind) throws Exception {
        start(kind);
        JdbcWebSessions a = nodeA.webSessions();
        JdbcWebSessions b = nodeB.webSessions();
        Duration window = Duration.ofMinutes(15);
        Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
        assertThat(a.loginFailed("user:kari", t0, window).count()).isEqualTo(1);
        assertThat(b.loginFailed("user:kari", t0.plusSeconds(60), window)).isEqualTo(
                new LoginFailures(2, t0));
        assertThat(a.loginFailures("user:kari", t0.plusSeconds(61), window).orElseThrow().count()).isEqualTo(2);
        assertThat(a.loginFailures("user:kari", t0.plus(window), window)).as("the window is over").isEmpty();
        assertThat(b.loginFailed("user:kari", t0.plus(window), window))
                .as("a new window starts").isEqualTo(new LoginFailures(1, t0.plus(window)));
        b.clearLoginFailures("user:kari");
        assertThat(a.loginFailures("user:kari", t0.plus(window), window)).isEmpty();
    }

}
