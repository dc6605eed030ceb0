package no.postmottak.archive.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.arkivmelding.ArkivmeldingFile;
import no.postmottak.arkivmelding.ArkivmeldingSettings;
import no.postmottak.arkivmelding.ArkivmeldingVersion;
import no.postmottak.arkivmelding.ArkivmeldingWriter;
import no.postmottak.arkivmelding.testing.ArchiveFixtures;

/** The simulator's own checks, over HTTP; the client's behaviour against it is tested in the websak bundle. */
class AcosMottakSimulatorTest {

    private static final String TENANT = "6f1c0a52-8d6e-4b0e-9d43-5a3f2c1b7e90";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private AcosMottakSimulator sim;

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void simulatorChecksHashAndReferencedFiles() throws Exception {
        sim = AcosMottakSimulator.start(0, TENANT, ArkivmeldingVersion.EFORMIDLING);
        String boundary = "b-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Type: application/json\r\n\r\n"
                + "{\"type\":\"arkivmelding\",\"files\":[{\"contentid\":\"content1\",\"filename\":\"x.zip\","
                + "\"hash\":\"00\",\"alg\":\"SHA256\",\"metadata\":false}]}\r\n"
                + "--" + boundary + "\r\nContent-Type: application/zip\r\nContent-Id: <content1>\r\n\r\nPK-not-a-zip"
                + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/api/" + TENANT
                        + "/arkivmelding")).header("Content-Type", "multipart/related; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Hash");

        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/api/" + TENANT
                        + "/arkivmelding")).header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x--")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("multipart/related");
    }

    @Test
    void simulatorRequiresArkivmeldingAndEveryReferencedFile() throws Exception {
        sim = AcosMottakSimulator.start(0, TENANT, ArkivmeldingVersion.EFORMIDLING);
        // a valid arkivmelding for two documents, but only the first file in the zip
        ArchiveRequest req = ArchiveFixtures.request(2);
        var writer = ArkivmeldingWriter.create(ArkivmeldingSettings.defaults(ArkivmeldingVersion.EFORMIDLING));
        var xml = new ByteArrayOutputStream();
        writer.write(req.item(), null, ArkivmeldingFile.of(req.item().documents()), xml);
        HttpResponse<String> missingFile = postZip(zip(Map.of("arkivmelding.xml", xml.toByteArray(),
                ArchiveFixtures.name(0), ArchiveFixtures.content(0))));
        assertThat(missingFile.statusCode()).isEqualTo(400);
        assertThat(missingFile.body()).contains("Vedlegg 1 – Åsgårdstrand.pdf").contains("mangler");

        HttpResponse<String> noXml = postZip(zip(Map.of(ArchiveFixtures.name(0), ArchiveFixtures.content(0))));
        assertThat(noXml.statusCode()).isEqualTo(400);
        assertThat(noXml.body()).contains("arkivmelding.xml mangler");

        HttpResponse<String> slip = postZip(zip(Map.of("../evil.xml", new byte[] {1})));
        assertThat(slip.statusCode()).isEqualTo(400);
        assertThat(slip.body()).contains("Ugyldig filnavn");
        assertThat(sim.deliveries()).isEmpty();
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var e : new TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private HttpResponse<String> postZip(byte[] zip) throws Exception {
        String hash = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(zip));
        String boundary = "b-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Type: application/json\r\n\r\n"
                + "{\"type\":\"arkivmelding\",\"files\":[{\"contentid\":\"content1\",\"filename\":\"x.zip\","
                + "\"hash\":\"" + hash + "\",\"alg\":\"SHA256\",\"metadata\":false}]}\r\n--" + boundary
                + "\r\nContent-Type: application/zip\r\nContent-Id: content1\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/api/" + TENANT + "/arkivmelding"))
                .header("Content-Type", "multipart/related; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(zip), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void wrongTenantIs401OnAnyPathAndTheTestEndpointAnswers() throws Exception {
        sim = AcosMottakSimulator.start(0, TENANT, ArkivmeldingVersion.EFORMIDLING);
        assertThat(get("/api/" + TENANT + "/test").body()).isEqualTo("\"OK\"");
        HttpResponse<String> wrong = get("/api/feil/finnes-ikke");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("ApiKey").doesNotContain(TENANT);
        assertThat(get("/sim/deliveries").body()).isEqualTo("[]");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
