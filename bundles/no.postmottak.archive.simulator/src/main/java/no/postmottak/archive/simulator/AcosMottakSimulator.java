package no.postmottak.archive.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import no.postmottak.archive.simulator.internal.ZipDelivery;
import no.postmottak.arkivmelding.ArkivmeldingSchemas;
import no.postmottak.arkivmelding.ArkivmeldingVersion;
import no.postmottak.simulator.http.Knobs;
import no.postmottak.simulator.http.Multipart;
import no.postmottak.simulator.http.Request;
import no.postmottak.simulator.http.Response;
import no.postmottak.simulator.http.SimHttpServer;
import no.postmottak.simulator.http.StatusException;

/**
 * A real HTTP simulator of the Acos Mottak WebApi. {@code POST /api/{tenant}/arkivmelding} checks, in order: the
 * tenant; a {@code multipart/related} body; a JSON manifest of type arkivmelding naming the zip part; the zip's
 * SHA-256 against the manifest; the zip holding {@code arkivmelding.xml} that validates against the XSD and every
 * file its {@code referanseDokumentfil} names. Anything else gets 400 with the reason (401 for an unknown tenant).
 * Accepted deliveries answer 201 with the manifest and can be inspected with {@link #deliveries()} or
 * {@code GET /sim/deliveries}. {@code GET /api/{tenant}/test} answers 200. Knobs: {@link #knobs()}.
 *
 * @since 1.0.0
 */
public final class AcosMottakSimulator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One accepted delivery. */
    public record Delivery(String tenant, String zipName, String sha256, String arkivmeldingXml,
                           Map<String, byte[]> files, Instant receivedAt) {
    }

    private final String tenant;
    private final ArkivmeldingVersion version;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final SimHttpServer server;

    private AcosMottakSimulator(int port, String tenant, ArkivmeldingVersion version) {
        this.tenant = tenant;
        this.version = version;
        server = SimHttpServer.builder("acos-mottak-simulator").port(port)
                .guard("/api", this::knownTenant)
                .route("GET", "/sim/deliveries", (req, res) -> res.json(200, inspection()))
                .route("GET", "/api/{tenant}/test", (req, res) -> res.json(200, "\"OK\""))
                .route("POST", "/api/{tenant}/arkivmelding", this::deliver)
                .start();
    }

    /**
     * Starts a simulator on loopback.
     *
     * @param port 0 picks a free one
     */
    public static AcosMottakSimulator start(int port, String tenant, ArkivmeldingVersion version) {
        return new AcosMottakSimulator(port, tenant, version);
    }

    /** @return the server root to configure as {@code base.url}, e.g. {@code http://127.0.0.1:45678} */
    public URI baseUri() {
        return server.baseUri();
    }

    /** @return the server-wide knobs: fail or hold the next requests */
    public Knobs knobs() {
        return server.knobs();
    }

    /** @return the accepted deliveries, oldest first */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        server.close();
    }

    /** The tenant key is the second path segment: a wrong one is 401 on any path, as Acos answers. */
    private boolean knownTenant(Request req, Response res) throws IOException {
        String[] path = req.path().split("/");
        if (path.length > 2 && !tenant.equals(path[2])) {
            res.error(401, "Ukjent eller ugyldig ApiKey (tenant)");
            return false;
        }
        return true;
    }

    private void deliver(Request req, Response res) throws IOException {
        String manifest;
        try {
            manifest = accept(req);
        } catch (IllegalArgumentException e) {
            throw new StatusException(400, e.getMessage());
        }
        res.json(201, manifest);
    }

    private String accept(Request req) throws IOException {
        String contentType = req.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/related")) {
            throw new IllegalArgumentException("Content-Type må være multipart/related, var " + contentType);
        }
        String boundary = Multipart.boundary(contentType);
        if (boundary == null) {
            throw new IllegalArgumentException("multipart/related uten boundary");
        }
        List<Multipart.Part> parts = Multipart.parse(req.body(), boundary);
        if (parts.size() < 2) {
            throw new IllegalArgumentException("Forventet manifest og zip, fikk " + parts.size() + " del(er)");
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(parts.get(0).body());
        } catch (IOException e) {
            throw new IllegalArgumentException("Manifestet er ikke gyldig JSON");
        }
        if (!"arkivmelding".equals(manifest.path("type").asText())) {
            throw new IllegalArgumentException("Manifestets type må være arkivmelding");
        }
        JsonNode file = manifest.path("files").path(0);
        if (!"SHA256".equalsIgnoreCase(file.path("alg").asText())) {
            throw new IllegalArgumentException("Manifestets alg må være SHA256");
        }
        String contentId = file.path("contentid").asText();
        Multipart.Part zipPart = parts.stream().skip(1).filter(p -> contentId.equals(p.contentId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Ingen del med Content-Id " + contentId));
        String actual = HexFormat.of().withUpperCase().formatHex(sha256().digest(zipPart.body()));
        if (!actual.equals(file.path("hash").asText())) {
            throw new IllegalArgumentException("Hash i manifestet stemmer ikke med zip-filen (forventet "
                    + actual + ", store bokstaver)");
        }
        Map<String, byte[]> entries = ZipDelivery.unzip(zipPart.body());
        byte[] xml = entries.get("arkivmelding.xml");
        if (xml == null) {
            throw new IllegalArgumentException("arkivmelding.xml mangler i zip-filen");
        }
        try {
            ArkivmeldingSchemas.validate(version, new ByteArrayInputStream(xml));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        for (String ref : ZipDelivery.references(xml)) {
            if (!entries.containsKey(ref)) {
                throw new IllegalArgumentException("Filen " + ref + " som arkivmelding.xml viser til, mangler");
            }
        }
        entries.remove("arkivmelding.xml");
        deliveries.add(new Delivery(tenant, file.path("filename").asText(), actual,
                new String(xml, StandardCharsets.UTF_8), entries, Instant.now()));
        return manifest.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String inspection() {
        ArrayNode list = JSON.createArrayNode();
        for (Delivery d : deliveries) {
            var node = list.addObject().put("zipName", d.zipName()).put("sha256", d.sha256())
                    .put("receivedAt", d.receivedAt().toString());
            d.files().keySet().forEach(node.putArray("files")::add);
        }
        return list.toString();
    }
}
