package no.postmottak.eformidling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import no.postmottak.testfixtures.ConnectionBreakingServer;

/**
 * A DELETE whose connection broke before any answer is sent once more, so a stored message is not left locked in
 * the integrasjonspunkt until it is peeked again.
 */
class IpClientDeleteTest {

    @Test
    void aDeleteWhoseConnectionBrokeIsSentOnceMore() throws Exception {
        try (ConnectionBreakingServer server = new ConnectionBreakingServer(1)) {
            new IpClient(server.uri(), "ip", "passord", Duration.ofSeconds(5), Duration.ofSeconds(5)).delete("m-1");

            assertThat(server.requests()).containsExactly("DELETE /api/messages/in/m-1", "DELETE /api/messages/in/m-1");
        }
    }
}
