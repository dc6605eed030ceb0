package no.postmottak.archive.websak.internal.acos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
import no.postmottak.archive.simulator.AcosMottakSimulator;
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
        sim.knobs().failNext(500, 1);
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
        sim.knobs().failNext(400, 1);
        assertThatThrownBy(() -> c.deliver(req)).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
        assertThat(c.deliver(req).details()).doesNotContainKey("advarsel");
    }

    @Test
    void timeoutIsRetryable() throws Exception {
        AcosMottakClient c = client(ArkivmeldingVersion.EFORMIDLING, TENANT, Duration.ofMillis(500));
        ArchiveRequest req = ArchiveFixtures.request(1);
        sim.knobs().holdNext(1);
        assertThatThrownBy(() -> c.deliver(req)).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE)).hasMessageContaining("i tide");
        sim.knobs().releaseHeld();
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
