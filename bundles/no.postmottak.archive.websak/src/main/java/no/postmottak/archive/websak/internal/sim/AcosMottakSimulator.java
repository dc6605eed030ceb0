package no.postmottak.archive.websak.internal.sim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;

import no.postmottak.archive.websak.internal.ArchiveDocuments;
import no.postmottak.arkivmelding.ArkivmeldingSchemas;
import no.postmottak.arkivmelding.ArkivmeldingVersion;

/**
 * A real HTTP simulator of the Acos Mottak WebApi. {@code POST /api/{tenant}/arkivmelding} checks, in order: the
 * tenant; a {@code multipart/related} body; a JSON manifest of type arkivmelding naming the zip part; the zip's
 * SHA-256 against the manifest; the zip holding {@code arkivmelding.xml} that validates against the XSD and every
 * file its {@code referanseDokumentfil} names. Anything else gets 400 with the reason (401 for an unknown tenant).
 * Accepted deliveries answer 201 with the manifest and can be inspected with {@link #deliveries()} or
 * {@code GET /sim/deliveries}. {@code GET /api/{tenant}/test} answers 200.
 */
public final class AcosMottakSimulator extends SimServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One accepted delivery. */
    public record Delivery(String tenant, String zipName, String sha256, String arkivmeldingXml,
                           Map<String, byte[]> files, Instant receivedAt) {
    }

    private final String tenant;
    private final ArkivmeldingVersion version;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private AcosMottakSimulator(int port, String tenant, ArkivmeldingVersion version) throws IOException {
        super(port);
        this.tenant = tenant;
        this.version = version;
    }

    /** Starts a simulator on loopback; port 0 picks a free one. */
    public static AcosMottakSimulator start(int port, String tenant, ArkivmeldingVersion version) throws IOException {
        AcosMottakSimulator sim = new AcosMottakSimulator(port, tenant, version);
        sim.startServer();
        return sim;
    }

    /** The accepted deliveries, oldest first. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    void handle(HttpExchange ex) throws IOException {
        String[] path = ex.getRequestURI().getPath().split("/");
        String method = ex.getRequestMethod();
        if ("GET".equals(method) && ex.getRequestURI().getPath().equals("/sim/deliveries")) {
            send(ex, 200, "application/json", inspection());
            return;
        }
        // /api/{tenant}/test, /api/{tenant}/arkivmelding
        if (path.length < 4 || !"api".equals(path[1])) {
            send(ex, 404, "application/json", error("Ukjent adresse"));
            return;
        }
        if (!tenant.equals(path[2])) {
            send(ex, 401, "application/json", error("Ukjent eller ugyldig ApiKey (tenant)"));
            return;
        }
        if ("GET".equals(method) && path.length == 4 && "test".equals(path[3])) {
            send(ex, 200, "application/json", "\"OK\"");
        } else if ("POST".equals(method) && path.length == 4 && "arkivmelding".equals(path[3])) {
            try {
                String manifest = accept(ex);
                send(ex, 201, "application/json", manifest);
            } catch (IllegalArgumentException e) {
                send(ex, 400, "application/json", error(e.getMessage()));
            }
        } else {
            send(ex, 404, "application/json", error("Ukjent adresse"));
        }
    }

    private String accept(HttpExchange ex) throws IOException {
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/related")) {
            throw new IllegalArgumentException("Content-Type må være multipart/related, var " + contentType);
        }
        String boundary = Multipart.boundary(contentType);
        if (boundary == null) {
            throw new IllegalArgumentException("multipart/related uten boundary");
        }
        List<Multipart.Part> parts = Multipart.parse(body(ex), boundary);
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
        MessageDigest sha = ArchiveDocuments.sha256();
        String actual = HexFormat.of().withUpperCase().formatHex(sha.digest(zipPart.body()));
        if (!actual.equals(file.path("hash").asText())) {
            throw new IllegalArgumentException("Hash i manifestet stemmer ikke med zip-filen (forventet "
                    + actual + ", store bokstaver)");
        }
        Map<String, byte[]> entries = unzip(zipPart.body());
        byte[] xml = entries.get("arkivmelding.xml");
        if (xml == null) {
            throw new IllegalArgumentException("arkivmelding.xml mangler i zip-filen");
        }
        try {
            ArkivmeldingSchemas.validate(version, new ByteArrayInputStream(xml));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        for (String ref : references(xml)) {
            if (!entries.containsKey(ref)) {
                throw new IllegalArgumentException("Filen " + ref + " som arkivmelding.xml viser til, mangler");
            }
        }
        entries.remove("arkivmelding.xml");
        deliveries.add(new Delivery(tenant, file.path("filename").asText(), actual,
                new String(xml, StandardCharsets.UTF_8), entries, Instant.now()));
        return manifest.toString();
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String name = e.getName();
                if (e.isDirectory() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                    throw new IllegalArgumentException("Ugyldig filnavn i zip-filen: " + name);
                }
                if (entries.put(name, in.readAllBytes()) != null) {
                    throw new IllegalArgumentException("Filen " + name + " finnes to ganger i zip-filen");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Zip-filen kan ikke leses: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("Zip-filen er tom eller ikke en zip-fil");
        }
        return entries;
    }

    static List<String> references(byte[] xml) {
        List<String> refs = new ArrayList<>();
        try {
            XMLInputFactory f = XMLInputFactory.newDefaultFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "referanseDokumentfil".equals(r.getLocalName())) {
                    refs.add(r.getElementText().strip());
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("arkivmelding.xml kan ikke leses: " + e.getMessage());
        }
        return refs;
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

    private static String error(String message) {
        return JSON.createObjectNode().put("message", message).toString();
    }
}
