package no.postmottak.archive.websak.internal.acos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osgi.util.converter.Converters;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.arkivmelding.testing.ArchiveFixtures;
import no.postmottak.archive.websak.internal.sim.AcosMottakSimulator;
import no.postmottak.arkivmelding.ArkivmeldingSettings;
import no.postmottak.arkivmelding.ArkivmeldingVersion;
import no.postmottak.arkivmelding.ArkivmeldingWriter;

class AcosMottakClientTest {

    private static final String TENANT = "6f1c0a52-8d6e-4b0e-9d43-5a3f2c1b7e90";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private AcosMottakSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private AcosMottakClient client(ArkivmeldingVersion v, String tenant, Duration timeout) throws IOException {
        if (sim == null) {
            sim = AcosMottakSimulator.start(0, TENANT, v);
        }
        return new AcosMottakClient(sim.baseUri(), tenant, ArkivmeldingWriter.create(ArkivmeldingSettings.defaults(v)),
                http, timeout);
    }

    private AcosMottakClient client(ArkivmeldingVersion v) throws IOException {
        return client(v, TENANT, Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @EnumSource(ArkivmeldingVersion.class)
    void deliversOneDocument(ArkivmeldingVersion v) throws Exception {
        ArchiveRequest req = ArchiveFixtures.request(1);
        ArchiveReceipt receipt = client(v).deliver(req);
        assertThat(receipt.kind()).isEqualTo("acos-mottak");
        assertThat(receipt.journalpostId()).isEqualTo(req.item().id().toString());
        assertThat(sim.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.zipName()).isEqualTo(req.item().id() + ".zip");
            assertThat(d.files()).containsOnlyKeys(ArchiveFixtures.name(0));
            assertThat(d.files().get(ArchiveFixtures.name(0))).isEqualTo(ArchiveFixtures.content(0));
            assertThat(d.arkivmeldingXml()).contains("Svar på søknad – Æsøy bru", "Inngående dokument");
        });
    }

    @ParameterizedTest
    @EnumSource(ArkivmeldingVersion.class)
    void deliversTenDocuments(ArkivmeldingVersion v) throws Exception {
        client(v).deliver(ArchiveFixtures.request(10));
        assertThat(sim.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.files()).hasSize(10);
            for (int i = 0; i < 10; i++) {
                assertThat(d.files().get(ArchiveFixtures.name(i))).isEqualTo(ArchiveFixtures.content(i));
            }
        });
    }

    @Test
    void retryAfterSuccessDoesNotDeliverTwice() throws Exception {
        ArchiveRequest req = ArchiveFixtures.request(2);
        AcosMottakClient c = client(ArkivmeldingVersion.EFORMIDLING);
        ArchiveReceipt first = c.deliver(req);
        ArchiveReceipt again = c.deliver(req); // same progress: the inbox crashed before marking it archived
        assertThat(again).isEqualTo(first);
        assertThat(sim.deliveries()).hasSize(1);
        assertThat(req.progress().load()).containsKey(AcosMottakClient.DELIVERED);
    }

    @Test
    void serverErrorIsRetryableAndRetrySucceeds() throws Exception {
        AcosMottakClient c = client(ArkivmeldingVersion.EFORMIDLING);
        ArchiveRequest req = ArchiveFixtures.request(2);
        sim.failNext(500, 1);
        assertThatThrownBy(() -> c.deliver(req)).isInstanceOfSatisfying(ArchiveException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
            assertThat(e.isRetryable()).isTrue();
        }).hasMessageContaining("500");
        assertThat(sim.deliveries()).isEmpty();
        c.deliver(req);
        assertThat(sim.deliveries()).hasSize(1);
    }

    @Test
    void rejectedDeliveryLeavesNoDuplicateWarning() throws Exception {
        AcosMottakClient c = client(ArkivmeldingVersion.EFORMIDLING);
        ArchiveRequest req = ArchiveFixtures.request(1);
        sim.failNext(400, 1);
        assertThatThrownBy(() -> c.deliver(req)).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
        assertThat(c.deliver(req).details()).doesNotContainKey("advarsel");
    }

    @Test
    void timeoutIsRetryable() throws Exception {
        AcosMottakClient c = client(ArkivmeldingVersion.EFORMIDLING, TENANT, Duration.ofMillis(500));
        ArchiveRequest req = ArchiveFixtures.request(1);
        sim.holdNext(1);
        assertThatThrownBy(() -> c.deliver(req)).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE)).hasMessageContaining("i tide");
        sim.releaseHeld();
        // the outcome of the timed-out attempt is unknown: deliver, and warn that Acos may have it twice
        AcosMottakClient patient = client(ArkivmeldingVersion.EFORMIDLING); // the notes travel with the request
        assertThat(patient.deliver(req).details().get("advarsel")).contains("to ganger");
        assertThat(sim.deliveries()).hasSize(1);
    }

    @Test
    void unreachableIsRetryable() throws Exception {
        AcosMottakClient c = client(ArkivmeldingVersion.EFORMIDLING);
        sim.close();
        ArchiveRequest req = ArchiveFixtures.request(1);
        assertThatThrownBy(() -> c.deliver(req)).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
        assertThat(req.progress().load()).isEmpty(); // never connected: no duplicate warning later
        sim = null;
    }

    @Test
    void wrongTenantIsRejectedWithoutShowingTheKey() throws Exception {
        String wrong = "11111111-2222-3333-4444-555555555555";
        AcosMottakClient c = client(ArkivmeldingVersion.EFORMIDLING, wrong, Duration.ofSeconds(30));
        assertThatThrownBy(() -> c.deliver(ArchiveFixtures.request(1))).isInstanceOfSatisfying(ArchiveException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.REJECTED);
            assertThat(e.getMessage()).contains("401").doesNotContain(wrong).doesNotContain(TENANT);
        });
    }

    @Test
    void schemaMismatchIsRejectedWithTheSimulatorsReason() throws Exception {
        sim = AcosMottakSimulator.start(0, TENANT, ArkivmeldingVersion.V1);
        AcosMottakClient c = client(ArkivmeldingVersion.EFORMIDLING); // writes the other schema
        assertThatThrownBy(() -> c.deliver(ArchiveFixtures.request(1))).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED))
                .hasMessageContaining("400").hasMessageContaining("arkivmelding.xml er ugyldig");
        assertThat(sim.deliveries()).isEmpty();
    }

    @Test
    void corruptDocumentIsRejectedAndNothingSent() throws Exception {
        ArchiveRequest good = ArchiveFixtures.request(1);
        var doc = new ArchiveFixtures.BytesDocument(ArchiveFixtures.stored(0), "annet innhold".getBytes(StandardCharsets.UTF_8),
                false);
        ArchiveRequest bad = new ArchiveRequest(good.item(), List.of(doc), null, good.progress());
        assertThatThrownBy(() -> client(ArkivmeldingVersion.EFORMIDLING).deliver(bad))
                .isInstanceOfSatisfying(ArchiveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
        assertThat(sim.deliveries()).isEmpty();
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
        var xml = new java.io.ByteArrayOutputStream();
        writer.write(req.item(), null, no.postmottak.arkivmelding.ArkivmeldingFile.of(req.item().documents()), xml);
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
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private HttpResponse<String> postZip(byte[] zip) throws Exception {
        String hash = java.util.HexFormat.of().withUpperCase().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(zip));
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
    void connectivityTest() throws Exception {
        client(ArkivmeldingVersion.EFORMIDLING).test();
        assertThatThrownBy(() -> client(ArkivmeldingVersion.EFORMIDLING, "feil", Duration.ofSeconds(5)).test())
                .isInstanceOf(ArchiveException.class);
    }

    @Test
    void componentConfiguration() throws Exception {
        sim = AcosMottakSimulator.start(0, TENANT, ArkivmeldingVersion.V1);
        var config = Converters.standardConverter().convert(Map.of("base.url", sim.baseUri().toString(),
                ".tenant", TENANT, "schema.version", "v1")).to(AcosMottakArchiveComponent.Config.class);
        new AcosMottakArchiveComponent(config).archive(ArchiveFixtures.request(3));
        assertThat(sim.deliveries()).singleElement().satisfies(d -> assertThat(d.files()).hasSize(3));
        var bad = Converters.standardConverter().convert(Map.of("base.url", "ftp://x", ".tenant", TENANT))
                .to(AcosMottakArchiveComponent.Config.class);
        assertThatThrownBy(() -> new AcosMottakArchiveComponent(bad)).isInstanceOf(IllegalArgumentException.class);
    }
}
