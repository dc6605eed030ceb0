package no.postmottak.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import no.postmottak.api.inbox.WebSessions;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final WebSessions store = Stores.webSessions();
    private final LoginThrottle throttle = new LoginThrottle(store, new LoginThrottle.Limits(5, 20,
            Duration.ofMinutes(15)), clock);

    @Test
    void theFifthFailureForAUserNameBlocksItUntilTheWindowHasPassed() {
        for (int i = 1; i <= 4; i++) {
            assertThat(throttle.failed("anne", "10.0.0." + i)).isFalse();
        }
        assertThat(throttle.refusedFor("anne", "10.0.0.9")).isEmpty();
        assertThat(throttle.failed("Anne ", "10.0.0.5")).as("same user, other spelling; reaches the limit").isTrue();

        assertThat(throttle.refusedFor("anne", "10.0.0.9")).hasValueSatisfying(d ->
                assertThat(d).isGreaterThan(Duration.ofMinutes(14)).isLessThanOrEqualTo(Duration.ofMinutes(15)));
        assertThat(throttle.refusedFor("bjorn", "10.0.0.9")).as("other users may log in").isEmpty();

        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.refusedFor("anne", "10.0.0.9")).isEmpty();
        assertThat(throttle.failed("anne", "10.0.0.1")).as("a new window starts at 1").isFalse();
    }

    @Test
    void aSuccessResetsTheUserButNotTheAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("anne", "10.0.0.1");
        }
        throttle.succeeded("anne");
        for (int i = 0; i < 4; i++) {
            throttle.failed("anne", "10.0.0.1");
        }
        assertThat(throttle.refusedFor("anne", "10.0.0.1")).isEmpty();
        for (int i = 0; i < 11; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        assertThat(throttle.refusedFor("bjorn", "10.0.0.1")).as("19 failures from one address").isEmpty();
        throttle.failed("user11", "10.0.0.1");
        assertThat(throttle.refusedFor("bjorn", "10.0.0.1")).as("20 failures from one address").isPresent();
        assertThat(throttle.refusedFor("bjorn", "10.0.0.2")).isEmpty();
    }

    @Test
    void twoNodesOnOneDatabaseCountTogether() {
        LoginThrottle otherNode = new LoginThrottle(store, new LoginThrottle.Limits(5, 20, Duration.ofMinutes(15)),
                clock);
        for (int i = 0; i < 2; i++) {
            assertThat(throttle.failed("anne", "10.0.0.1")).isFalse();
            assertThat(otherNode.failed("anne", "10.0.0.1")).isFalse();
        }
        assertThat(throttle.failed("anne", "10.0.0.1")).as("the fifth, counted on both nodes").isTrue();
        assertThat(otherNode.refusedFor("anne", "10.0.0.2")).isPresent();
        otherNode.succeeded("anne");
        assertThat(throttle.refusedFor("anne", "10.0.0.2")).isEmpty();
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThatThrownBy(() -> new LoginThrottle.Limits(0, 20, Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottle.Limits(5, 20, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
