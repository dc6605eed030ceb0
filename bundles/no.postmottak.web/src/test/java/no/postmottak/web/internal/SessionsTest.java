package no.postmottak.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.postmottak.api.inbox.WebSessions;

class SessionsTest {

    final MutableClock clock = new MutableClock();
    final WebSessions store = Stores.webSessions();
    final Sessions sessions = new Sessions(store, clock, Duration.ofMinutes(30), 3);
    final User anne = new User("anne", false, Set.of("910000001"));

    @Test
    void sessionsLiveWhileUsedAndEndWhenIdle() {
        Sessions.Session s = sessions.create(anne);
        assertThat(s.id()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(s.csrfToken());
        clock.advance(Duration.ofMinutes(20));
        assertThat(sessions.find(s.id())).contains(s);
        clock.advance(Duration.ofMinutes(20));
        assertThat(sessions.find(s.id())).as("used 20 minutes ago").contains(s);
        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void invalidatedAndUnknownIdsFindNothing() {
        Sessions.Session s = sessions.create(anne);
        sessions.invalidate(s.id());
        assertThat(sessions.find(s.id())).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.find("")).isEmpty();
    }

    @Test
    void theNumberOfSessionsIsBounded() {
        for (int i = 0; i < 3; i++) {
            sessions.create(anne);
        }
        assertThatThrownBy(() -> sessions.create(anne)).hasMessageContaining("For mange");
        clock.advance(Duration.ofHours(1));
        assertThat(sessions.create(anne)).isNotNull();
    }

    @Test
    void theDatabaseKeepsTheTokensHashNeverTheTokenAndAnotherNodeFindsTheSameUser() throws Exception {
        User astrid = new User("astrid", true, Set.of("910000001", "920000002"), true, Set.of("910000001"));
        Sessions.Session s = sessions.create(astrid);
        assertThat(store.use(s.id(), clock.instant(), Duration.ofMinutes(30))).as("not stored by token").isEmpty();
        assertThat(store.use(Sessions.hash(s.id()), clock.instant(), Duration.ofMinutes(30))).isPresent();

        Sessions otherNode = new Sessions(store, clock, Duration.ofMinutes(30), 3);
        assertThat(otherNode.find(s.id())).contains(s);
        assertThat(otherNode.find(s.id()).orElseThrow().user()).isEqualTo(astrid);
        otherNode.invalidate(s.id());
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void tokensCompareExactly() {
        assertThat(Sessions.sameToken("abc", "abc")).isTrue();
        assertThat(Sessions.sameToken("abc", "abd")).isFalse();
        assertThat(Sessions.sameToken("abc", "ab")).isFalse();
        assertThat(Sessions.sameToken("abc", null)).isFalse();
        assertThat(sessions.create(anne).toString()).doesNotContain(sessions.create(anne).csrfToken());
    }
}
