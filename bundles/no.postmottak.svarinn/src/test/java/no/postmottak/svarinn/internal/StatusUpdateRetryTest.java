package no.postmottak.svarinn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.postmottak.testfixtures.ConnectionBreakingServer;

/** A status update whose connection breaks before any answer is sent once more; a second break is reported. */
class StatusUpdateRetryTest {

    @Test
    void anUpdateWhoseConnectionBrokeIsSentOnceMore() throws Exception {
        try (ConnectionBreakingServer server = new ConnectionBreakingServer(1)) {
            http(server).sendStatus("PATCH", "svarinn/v2/forsendelser/f-1/status", Map.of("status", "MOTTATT"));

            assertThat(server.requests()).containsExactly("PATCH /tjenester/svarinn/v2/forsendelser/f-1/status",
                    "PATCH /tjenester/svarinn/v2/forsendelser/f-1/status");
        }
    }

    @Test
    void aSecondBreakIsReportedAsUnavailable() throws Exception {
        try (ConnectionBreakingServer server = new ConnectionBreakingServer(2)) {
            assertThatThrownBy(() -> http(server).sendStatus("POST", "svarinn/kvitterMottak/forsendelse/f-2", null))
                    .isInstanceOfSatisfying(SvarInnException.class,
                            e -> assertThat(e.kind()).isEqualTo(SvarInnException.Kind.UNAVAILABLE));
            assertThat(server.requests()).hasSize(2);
        }
    }

    private static SvarInnHttp http(ConnectionBreakingServer server) {
        return new SvarInnHttp(server.uri().resolve("tjenester"), "bruker", "passord", Duration.ofSeconds(5),
                Duration.ofSeconds(5));
    }
}
