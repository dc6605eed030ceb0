package no.postmottak.channel.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import no.postmottak.testfixtures.ConnectionBreakingServer;

/** {@link HttpSupport#send}: a repeatable request whose connection broke is sent once more, no other. */
class HttpSupportSendTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRepeatableRequestIsSentOnceMoreWhenItsConnectionBroke() throws Exception {
        try (ConnectionBreakingServer server = new ConnectionBreakingServer(1)) {
            assertThat(HttpSupport.send(http, delete(server), true).statusCode()).isEqualTo(204);
            assertThat(server.requests()).containsExactly("DELETE /api/messages/in/m-1", "DELETE /api/messages/in/m-1");
        }
    }

    @Test
    void onlyOnce() throws Exception {
        try (ConnectionBreakingServer server = new ConnectionBreakingServer(2)) {
            assertThatThrownBy(() -> HttpSupport.send(http, delete(server), true)).isInstanceOf(IOException.class);
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void aRequestThatIsNotRepeatableIsSentOnce() throws Exception {
        try (ConnectionBreakingServer server = new ConnectionBreakingServer(1)) {
            HttpRequest post = HttpRequest.newBuilder(server.uri().resolve("api/messages/out"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            assertThatThrownBy(() -> HttpSupport.send(http, post, false)).isInstanceOf(IOException.class);
            assertThat(server.requests()).containsExactly("POST /api/messages/out");
        }
    }

    private static HttpRequest delete(ConnectionBreakingServer server) {
        return HttpRequest.newBuilder(server.uri().resolve("api/messages/in/m-1")).DELETE().build();
    }
}
