package no.postmottak.archive.websak.internal.acos;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.api.archive.support.VerifiedContent;
import no.postmottak.api.archive.support.HttpFailures;
import no.postmottak.arkivmelding.ArkivmeldingWriter;

/**
 * Delivers an item to the Acos Mottak WebApi: {@code POST /api/{tenant}/arkivmelding} with a
 * {@code multipart/related} body of a JSON manifest (carrying the zip's upper-case SHA-256) and the arkivmelding
 * zip. The zip is built once into a private temp file (the hash must precede it) and streamed from there; the
 * temp file is deleted afterwards. After a 2xx the delivery is noted in the progress, so a retry after a lost
 * acknowledgement does not deliver twice.
 */
public final class AcosMottakClient {

    /** The provider kind. */
    public static final String KIND = "acos-mottak";
    static final String DELIVERED = "acosMottak.deliveredAt";
    /** Noted before sending: if the answer is lost, the retry tells the clerk a duplicate may have arrived. */
    static final String SENDING = "acosMottak.sendingStartedAt";
    private static final String NAME = "Acos Mottak";
    private static final Logger LOG = LoggerFactory.getLogger(AcosMottakClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String tenant;
    private final ArkivmeldingWriter writer;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param base    the WebApi's base URL, e.g. {@code https://arkivmelding.example.no}
     * @param tenant  the tenant API key (secret: it is part of the URL path, so URLs are never logged)
     * @param timeout how long one request may take in total
     */
    public AcosMottakClient(URI base, String tenant, ArkivmeldingWriter writer, HttpClient http, Duration timeout) {
        this.base = Objects.requireNonNull(base, "base");
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("Acos Mottak needs the tenant API key");
        }
        this.tenant = tenant.strip();
        this.writer = Objects.requireNonNull(writer, "writer");
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public ArchiveReceipt deliver(ArchiveRequest request) throws ArchiveException {
        Map<String, String> notes = request.progress().load();
        if (notes.containsKey(DELIVERED)) {
            LOG.info("Item {} was already delivered to Acos Mottak at {}", request.item().id(), notes.get(DELIVERED));
            return receipt(request, notes.get(DELIVERED), notes.get("acosMottak.advarsel"));
        }
        if (request.documents().isEmpty()) {
            throw new ArchiveException(Reason.REJECTED, "Elementet har ingen dokumenter å arkivere");
        }
        Path zip = null;
        try {
            zip = Files.createTempFile("postmottak-acos-", ".zip"); // owner-only on POSIX
            String hash = writeZip(request, zip);
            String zipName = request.item().id() + ".zip";
            String boundary = "postmottak-" + UUID.randomUUID();
            String manifest = JSON.writeValueAsString(Map.of("type", "arkivmelding", "files", List.of(Map.of(
                    "contentid", "content1", "filename", zipName, "hash", hash, "alg", "SHA256",
                    "metadata", false))));
            String head = "--" + boundary + "\r\n"
                    + "Content-Type: application/json; charset=utf-8\r\n"
                    + "Content-Id: manifest\r\n\r\n"
                    + manifest + "\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Type: application/zip\r\n"
                    + "Content-Id: content1\r\n"
                    + "Content-Disposition: form-data; name=\"arkivmelding\"; filename=\"" + zipName + "\"\r\n\r\n";
            String tail = "\r\n--" + boundary + "--\r\n";
            HttpRequest post = HttpRequest.newBuilder(endpoint("arkivmelding"))
                    .timeout(timeout)
                    .header("Content-Type", "multipart/related; boundary=" + boundary + "; type=\"application/json\"")
                    .header("Accept", "application/json")
                    .POST(BodyPublishers.concat(BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                            BodyPublishers.ofFile(zip), BodyPublishers.ofString(tail, StandardCharsets.UTF_8)))
                    .build();
            boolean maybeDuplicate = notes.containsKey(SENDING);
            Map<String, String> sending = new HashMap<>(notes);
            sending.put(SENDING, Instant.now().toString());
            request.progress().save(sending);
            HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                ArchiveException e = HttpFailures.forStatus(NAME, "levering av arkivmelding", response.statusCode(),
                        response.body());
                if (!e.isRetryable()) {
                    request.progress().save(notes); // a 4xx: certainly not received, no duplicate to fear
                }
                throw e;
            }
            String at = Instant.now().toString();
            Map<String, String> done = new HashMap<>(sending);
            done.put(DELIVERED, at);
            if (maybeDuplicate) {
                done.put("acosMottak.advarsel", "Et tidligere forsøk (" + notes.get(SENDING) + ") fikk ikke svar; "
                        + "Acos Mottak kan ha mottatt elementet to ganger");
            }
            done.put("acosMottak.sha256", hash);
            request.progress().save(done);
            LOG.info("Delivered item {} ({} documents) to Acos Mottak, status {}", request.item().id(),
                    request.documents().size(), response.statusCode());
            return receipt(request, at, done.get("acosMottak.advarsel"));
        } catch (IOException e) {
            if (e instanceof java.net.ConnectException) {
                request.progress().save(notes); // never connected: certainly not received
            }
            throw HttpFailures.forIo(NAME, "levering av arkivmelding", e);
        } catch (InterruptedException e) {
            throw HttpFailures.interrupted(NAME, e);
        } finally {
            deleteQuietly(zip);
        }
    }

    /** Connectivity test: {@code GET /api/{tenant}/test}. */
    public void test() throws ArchiveException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint("test")).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw HttpFailures.forStatus(NAME, "tilkoplingstest", r.statusCode(), r.body());
            }
        } catch (IOException e) {
            throw HttpFailures.forIo(NAME, "tilkoplingstest", e);
        } catch (InterruptedException e) {
            throw HttpFailures.interrupted(NAME, e);
        }
    }

    private String writeZip(ArchiveRequest request, Path zip) throws IOException, ArchiveException {
        MessageDigest sha = VerifiedContent.sha256();
        try (OutputStream out = new DigestOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(zip)),
                sha)) {
            ArkivmeldingZip.write(writer, request, out);
        }
        return HexFormat.of().withUpperCase().formatHex(sha.digest());
    }

    private URI endpoint(String path) {
        String b = base.toString().endsWith("/") ? base.toString() : base + "/";
        return URI.create(b + "api/" + URLEncoder.encode(tenant, StandardCharsets.UTF_8) + "/" + path);
    }

    private ArchiveReceipt receipt(ArchiveRequest request, String deliveredAt, String warning) {
        String caseNumber = request.targetCase() != null && request.targetCase().caseNumber() != null
                ? request.targetCase().caseNumber().toString() : null;
        Map<String, String> details = new java.util.LinkedHashMap<>();
        details.put("deliveredAt", deliveredAt);
        details.put("host", String.valueOf(base.getHost()));
        details.put("schema", writer.settings().version().name());
        if (warning != null) {
            details.put("advarsel", warning);
        }
        return new ArchiveReceipt(KIND, null, request.item().id().toString(), null, caseNumber, details);
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warn("Could not delete temp file {}: {}", p, e.toString());
            }
        }
    }
}
