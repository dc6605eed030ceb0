package no.postmottak.api.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChannelStatusTest {

    @Test
    void isImmutableAndKnowsItsWorstAlert() {
        List<ChannelAlert> alerts = new ArrayList<>(List.of(
                new ChannelAlert(ChannelAlert.Kind.ITEMS_FAILED, ChannelAlert.Severity.WARNING, "1 feilet"),
                new ChannelAlert(ChannelAlert.Kind.AUTHENTICATION_FAILED, ChannelAlert.Severity.ERROR, "avvist")));
        ChannelStatus s = new ChannelStatus("SvarInn", "kommune", null, ChannelStatus.State.STOPPED,
                new ChannelStatus.Poll(Instant.EPOCH, null, ChannelStatus.Outcome.RUNNING, null), null, 0, 1, alerts);
        alerts.clear();

        assertThat(s.alerts()).hasSize(2);
        assertThat(s.orgnrs()).isEmpty();
        assertThat(s.lastPoll().summary()).isEmpty();
        assertThat(s.worstSeverity()).isEqualTo(ChannelAlert.Severity.ERROR);
        assertThat(new ChannelStatus("SvarInn", "k", List.of(), ChannelStatus.State.ACTIVE, null, null, 0, 0, null)
                .worstSeverity()).isNull();
    }

    @Test
    void refusesMissingEssentials() {
        assertThatThrownBy(() -> new ChannelStatus("SvarInn", null, List.of(), ChannelStatus.State.ACTIVE, null, null,
                0, 0, List.of())).isInstanceOf(NullPointerException.class).hasMessage("account");
        assertThatThrownBy(() -> new ChannelAlert(ChannelAlert.Kind.UNREACHABLE, null, "x"))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void monitoringFieldsAreOptionalAndAddedWithoutTouchingTheRest() {
        ChannelStatus plain = new ChannelStatus("SvarInn", "k", List.of("921123450"), ChannelStatus.State.ACTIVE,
                null, null, 3, 1, List.of());
        assertThat(plain.pollInterval()).isNull();
        assertThat(plain.counters()).isEqualTo(ChannelStatus.Counters.NONE);

        ChannelStatus.Backlog backlog = new ChannelStatus.Backlog(2, Instant.EPOCH, Instant.EPOCH.plusSeconds(60));
        ChannelStatus.Counters counters = new ChannelStatus.Counters(3, 1, 4096, 7, java.time.Duration.ofSeconds(2));
        ChannelStatus full = plain.withMonitoring(java.time.Duration.ofMinutes(15), Instant.EPOCH, backlog, counters);

        assertThat(full).extracting(ChannelStatus::account, ChannelStatus::received, ChannelStatus::orgnrs)
                .containsExactly("k", 3L, List.of("921123450"));
        assertThat(full.pollInterval()).hasMinutes(15);
        assertThat(full.backlog().waiting()).isEqualTo(2);
        assertThat(full.counters().downloadedBytes()).isEqualTo(4096);
    }
}
