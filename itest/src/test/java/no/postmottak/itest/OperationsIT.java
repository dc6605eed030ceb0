package no.postmottak.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.wrappedBundle;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.svarinn.simulator.Dokument;
import no.postmottak.svarinn.simulator.ForsendelseSpec;
import no.postmottak.svarinn.simulator.Mottakersystem;
import no.postmottak.svarinn.simulator.SvarInnSimulator;

/**
 * Operations in a real Karaf, over HTTP as monitoring sees them: Felix HC's JSON at /system/health/postmottak.json
 * turns red (503) with the cause and green again — untouched mail past its limit, the archive target's bundle
 * stopped, the SvarInn simulator stopped — and /metrics refuses anonymous and clerk requests and its counters move
 * as mail arrives and is archived.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OperationsIT extends KarafTestSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String ORGNR = "921123450";
    private static final String USER = "0d6f4c1e-8a2b-4e57-9c3d-5b1a7e9f2c40";
    private static final String HEALTH = "/system/health/postmottak.json";

    @Inject
    private Inbox inbox;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Configuration
    public Option[] configuration() {
        return options(karaf("postmottak-svarinn", "postmottak-archive-filesystem", "postmottak-web",
                        "postmottak-operations", "postmottak-simulators"),
                editConfigurationFilePut("etc/users.properties", "prometheus", "skrape-passord,postmottak-metrics"),
                editConfigurationFilePut("etc/users.properties", "kari", "kari-passord,postmottak-org-" + ORGNR),
                // The test reads the metrics with a Prometheus text parser from a library (not an OSGi bundle).
                mavenBundle("org.jboss.logging", "jboss-logging", "3.3.0.Final"),
                wrappedBundle(maven("org.hawkular.agent", "prometheus-scraper",
                        System.getProperty("prometheus.scraper.version", "0.23.0.Final")))
                        .exports("org.hawkular.agent.prometheus.*").imports("org.jboss.logging",
                                "*;resolution:=optional"));
    }

    @Test
    public void healthTurnsRedAndGreenWithTheCauseAndMetricsMoveBehindALogin() throws Exception {
        Path dir = Files.createTempDirectory("operations-it");
        executeCommand("postmottak:key-generate --subject \"CN=Postmottak drift, O=Fjordvik kommune\" --password pw-it"
                + " --certificate " + dir.resolve("mottak.pem") + " " + dir.resolve("mottak.p12"));
        Map<String, String> key = Map.of("keystore.file", dir.resolve("mottak.p12").toString(),
                ".keystore.password", "pw-it", "orgnrs", ORGNR);
        putFactoryConfiguration("no.postmottak.keystore.key", "drift", key);
        int simPort = FreePort.next();
        putConfiguration("no.postmottak.svarinn.simulator", Map.of("port", Integer.toString(simPort),
                "seed.demo", "false"));
        SvarInnSimulator sim = simulatorWithMottakersystem(dir);
        Path exportFolder = Files.createDirectories(dir.resolve("eksport"));
        putFactoryConfiguration("no.postmottak.archive.filesystem", "drift", Map.of("name", "fjordvik-mappe",
                "target.folder", exportFolder.toString()));
        putFactoryConfiguration("no.postmottak.inbox.organisation", "fjordvik", Map.of("orgnr", ORGNR,
                "displayName", "Fjordvik kommune", "archive.target", "fjordvik-mappe"));
        // The SvarInn channel tells its interval (2 s: red after 4 s without a successful poll); the silence limit
        // is for channels that do not.
        putConfiguration("no.postmottak.operations", Map.of("untouched.limit.minutes", "600",
                "channel.max.silence.seconds", "8"));
        putFactoryConfiguration("no.postmottak.svarinn.account", "drift", Map.of(
                "base.url", sim.baseUri().toString(), "username", USER, ".password", "hemmelig-drift",
                "orgnrs", new String[] {ORGNR}, "poll.interval.seconds", "2"));

        JsonNode green = awaitHealth(200, "OK");
        assertEquals(Set.of("Database", "Kanaler", "Nøkler", "Sertifikater", "Ubehandlet post", "Arkivmål"),
                names(green));
        // The one format alias Felix HC registers (with more formats all but the first clashed in Pax Web 8).
        HttpResponse<String> alias = http.send(HttpRequest.newBuilder(URI.create(httpBase() + "/system/health.json"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(alias.body(), 200, alias.statusCode());
        assertEquals("OK", json.readTree(alias.body()).path("overallResult").asText());

        // Metrics: no login, a clerk's login, then the metrics user (the whiteboard registers the servlet a bit later).
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> metrics(null).statusCode(), s -> s == 401);
        assertTrue(metrics(null).headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(403, metrics("kari:kari-passord").statusCode());
        assertEquals(401, metrics("prometheus:feil").statusCode());
        Map<String, MetricFamily> before = scrape();
        double receivedBefore = value(before, "postmottak_channel_received_total", "account", "drift");

        send(sim, "Melding til drift");
        await().atMost(TIMEOUT).until(() -> items().size() == 1);
        Map<String, MetricFamily> afterReceiving = await().atMost(TIMEOUT).until(this::scrape,
                m -> value(m, "postmottak_channel_received_total", "account", "drift") == receivedBefore + 1);
        assertEquals(1, value(afterReceiving, "postmottak_items_open", "orgnr", ORGNR), 0);
        assertTrue(value(afterReceiving, "postmottak_channel_downloaded_bytes_total", "account", "drift")
                > value(before, "postmottak_channel_downloaded_bytes_total", "account", "drift"));

        // Untouched mail past its limit: red with the cause; archived: green, and the archive call is measured.
        putConfiguration("no.postmottak.operations", Map.of("untouched.limit.minutes", "0",
                "channel.max.silence.seconds", "8"));
        assertTrue(message(awaitHealth(503, "CRITICAL"), "Ubehandlet post").contains("ventet ubehandlet"));
        inbox.archive(items().get(0).id(), null, "kari");
        awaitHealth(200, "OK");
        Map<String, MetricFamily> afterArchiving = scrape();
        assertEquals(1, value(afterArchiving, "postmottak_items_archived_total", "orgnr", ORGNR), 0);
        Histogram archiveCalls = (Histogram) afterArchiving.get("postmottak_archive_call_duration_seconds")
                .getMetrics().get(0);
        assertEquals("fjordvik-mappe", archiveCalls.getLabels().get("target"));
        assertEquals(1, archiveCalls.getSampleCount());
        putConfiguration("no.postmottak.operations", Map.of("untouched.limit.minutes", "600",
                "channel.max.silence.seconds", "8"));

        // The archive target's bundle stops: red naming the target; it starts again: green.
        Bundle filesystem = bundle("no.postmottak.archive.filesystem");
        filesystem.stop();
        assertTrue(message(awaitHealth(503, "CRITICAL"), "Arkivmål").contains("«fjordvik-mappe» finnes ikke"));
        filesystem.start();
        awaitHealth(200, "OK");

        // The SvarInn simulator stops: the account cannot poll and turns red after its limit; back: green.
        Bundle simulator = bundle("no.postmottak.svarinn.simulator");
        simulator.stop();
        String channel = message(awaitHealth(503, "CRITICAL"), "Kanaler");
        assertTrue(channel, channel.contains("SvarInn-kontoen «drift» har ikke hentet post siden"));
        assertTrue(channel, !channel.contains("hemmelig-drift"));
        simulator.start();
        simulatorWithMottakersystem(dir);
        awaitHealth(200, "OK");

        // The key is removed: red, naming the org number and not the key's password; put back: green.
        configAdmin.getFactoryConfiguration("no.postmottak.keystore.key", "drift", "?").delete();
        String keys = message(awaitHealth(503, "CRITICAL"), "Nøkler");
        assertTrue(keys, keys.contains(ORGNR) && !keys.contains("pw-it"));
        putFactoryConfiguration("no.postmottak.keystore.key", "drift", key);
        awaitHealth(200, "OK");
        assertTrue(executeCommand("postmottak:health"), executeCommand("postmottak:health").contains("Samlet: OK"));
    }

    private JsonNode awaitHealth(int status, String overall) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(httpBase() + HEALTH)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(r.body());
            // All six checks: while a configuration change restarts the component, fewer may be registered.
            return r.statusCode() == status && overall.equals(body.path("overallResult").asText())
                    && body.path("results").size() == 6 ? body : null;
        }, b -> b != null);
    }

    private static Set<String> names(JsonNode health) {
        Set<String> names = new java.util.TreeSet<>();
        health.path("results").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    /** The critical messages of one check, joined. */
    private static String message(JsonNode health, String check) {
        StringBuilder text = new StringBuilder();
        health.path("results").forEach(r -> {
            if (check.equals(r.path("name").asText())) {
                assertEquals(health.toString(), "CRITICAL", r.path("status").asText());
                r.path("messages").forEach(m -> text.append(m.path("message").asText()).append('\n'));
            }
        });
        return text.toString();
    }

    private HttpResponse<String> metrics(String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(httpBase() + "/metrics")).GET();
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, MetricFamily> scrape() throws Exception {
        HttpResponse<String> r = metrics("prometheus:skrape-passord");
        assertEquals(r.body(), 200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        TextPrometheusMetricDataParser parser = new TextPrometheusMetricDataParser(
                new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        Map<String, MetricFamily> families = new HashMap<>();
        for (MetricFamily f = parser.parse(); f != null; f = parser.parse()) {
            families.put(f.getName(), f);
        }
        return families;
    }

    private static double value(Map<String, MetricFamily> families, String name, String label, String value) {
        for (Metric m : families.get(name).getMetrics()) {
            if (value.equals(m.getLabels().get(label))) {
                return m instanceof Counter c ? c.getValue() : ((Gauge) m).getValue();
            }
        }
        return -1;
    }

    private SvarInnSimulator simulatorWithMottakersystem(Path dir) throws Exception {
        SvarInnSimulator sim = await().atMost(TIMEOUT).until(this::simulator, s -> s != null);
        sim.addMottakersystem(Mottakersystem.of("Drift", USER, "hemmelig-drift", certificate(dir.resolve("mottak.pem")),
                ORGNR));
        return sim;
    }

    private List<InboxItem> items() throws InboxException {
        return inbox.find(InboxQuery.all(Set.of(ORGNR), 50)).items();
    }

    private static void send(SvarInnSimulator sim, String title) {
        byte[] pdf = ("%PDF-1.4\n% " + title + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        sim.addForsendelse(ForsendelseSpec.builder().mottaker(ORGNR, "Fjordvik kommune").tittel(title)
                .date(Instant.now()).dokument(Dokument.of("Brev.pdf", "application/pdf", "H", pdf)).build());
    }
    /** The running SvarInn simulator, or null while it starts. */
    private SvarInnSimulator simulator() {
        var reference = bundleContext.getServiceReference(SvarInnSimulator.class);
        return reference == null ? null : bundleContext.getService(reference);
    }

}
