package no.postmottak.svarinn.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.util.converter.Converters;

class SvarInnSimulatorComponentTest {

    @Test
    void activatesFromConfigurationSeedsAndStopsOnDeactivate(@TempDir Path dir) throws Exception {
        DemoKeys.writePem(DemoKeys.generate("CN=Demo"), dir);
        SvarInnSimulatorComponent.Config config = Converters.standardConverter().convert(Map.of(
                "port", 0, "base.path", "/tjenester/svarinn", "seed.demo", true,
                "demo.certificate.file", dir.resolve("receiver-cert.pem").toString()))
                .to(SvarInnSimulatorComponent.Config.class);
        SvarInnSimulatorComponent component = new SvarInnSimulatorComponent(config);
        URI list = URI.create(component.baseUri() + "/mottaker/hentNyeForsendelser");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(list).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((DemoSeed.SOLBERG_USER + ":" + DemoSeed.SOLBERG_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).build();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("Solberg kommune");
            component.close(); // service users cannot stop it
            assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            component.deactivate();
        }
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void missingCertificateFileFailsActivationAndFreesThePort(@TempDir Path dir) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SvarInnSimulatorComponent.Config config = Converters.standardConverter().convert(Map.of(
                "port", port, "seed.demo", true, "demo.certificate.file", dir.resolve("finnes-ikke.pem").toString()))
                .to(SvarInnSimulatorComponent.Config.class);
        assertThatThrownBy(() -> new SvarInnSimulatorComponent(config)).hasMessageContaining("finnes-ikke.pem");
        try (var again = no.postmottak.svarinn.simulator.SvarInnSimulator.start(port)) {
            assertThat(again.port()).isEqualTo(port);
        }
    }
}
