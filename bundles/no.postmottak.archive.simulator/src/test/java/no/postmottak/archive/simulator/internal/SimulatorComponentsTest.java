package no.postmottak.archive.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

/** The DS shells: configuration in, a listening simulator out, and nothing left listening after deactivation. */
class SimulatorComponentsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void websakSimulatorIsSeededForTheDemo() throws Exception {
        int port = freePort();
        var config = Converters.standardConverter().convert(Map.of("port", port, ".client.secret", "demo-secret"))
                .to(WebsakSimulatorComponent.Config.class);
        WebsakSimulatorComponent component = new WebsakSimulatorComponent(config);
        URI token = URI.create("http://127.0.0.1:" + port + "/connect/token");
        HttpRequest request = HttpRequest.newBuilder(token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=postmottak"
                        + "&client_secret=demo-secret&scope=integration")).build();
        try {
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).contains("access_token");
        } finally {
            component.stop();
        }
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void acosMottakSimulatorAnswersItsTenant() throws Exception {
        int port = freePort();
        var config = Converters.standardConverter().convert(Map.of("port", port, ".tenant", "solberg",
                "schema.version", "v1")).to(AcosMottakSimulatorComponent.Config.class);
        AcosMottakSimulatorComponent component = new AcosMottakSimulatorComponent(config);
        HttpRequest test = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/solberg/test")).build();
        try {
            assertThat(http.send(test, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            component.stop();
        }
        assertThatThrownBy(() -> http.send(test, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
