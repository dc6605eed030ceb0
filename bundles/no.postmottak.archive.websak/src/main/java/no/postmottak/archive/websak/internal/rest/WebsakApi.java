package no.postmottak.archive.websak.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.api.archive.ArchiveDocument;
import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;
import no.postmottak.api.inbox.StoredDocument;
import no.postmottak.api.archive.support.VerifiedContent;
import no.postmottak.api.archive.support.HttpFailures;

/**
 * The Websak+ Integration API operations Postmottak uses ({@code <base>/api/integration/...}), with a bearer
 * token; a 401 gets one retry with a fresh token. Uploads stream the document and check its SHA-256 on the way.
 */
final class WebsakApi {

    static final String NAME = "WebSak";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final TokenSource tokens;
    private final HttpClient http;
    private final Duration timeout;

    WebsakApi(URI base, TokenSource tokens, HttpClient http, Duration timeout) {
        String b = base.toString();
        this.base = (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + "/api/integration/";
        this.tokens = tokens;
        this.http = http;
        this.timeout = timeout;
    }

    /** Makes sure a token is at hand (fetching one if needed). */
    void token() throws ArchiveException {
        tokens.token();
    }

    int createJournalpost(int sakId, int malJpId, String tittel) throws ArchiveException {
        String body = json(Map.of("sakId", sakId, "malJpId", malJpId, "tittel", tittel));
        return asInt(call("oppretting av journalpost på sak " + sakId, "journalpost/ny",
                b -> b.header("Content-Type", "application/json").POST(BodyPublishers.ofString(body,
                        StandardCharsets.UTF_8))));
    }

    void addContact(int jpId, Map<String, Object> kontaktInformasjon) throws ArchiveException {
        String body = json(Map.of("kontaktInformasjon", kontaktInformasjon, "erKopiMottaker", false));
        call("registrering av avsender på journalpost " + jpId, "journalpost/" + jpId + "/avsmottakere",
                b -> b.header("Content-Type", "application/json").POST(BodyPublishers.ofString(body,
                        StandardCharsets.UTF_8)));
    }

    JsonNode journalpost(int jpId) throws ArchiveException {
        return parse(call("lesing av journalpost " + jpId, "journalpost/" + jpId, HttpRequest.Builder::GET));
    }

    int documentCount(int jpId) throws ArchiveException {
        JsonNode docs = parse(call("lesing av dokumenter på journalpost " + jpId, "journalpost/" + jpId
                + "/dokumenter", HttpRequest.Builder::GET));
        return docs.isArray() ? docs.size() : 0;
    }

    JsonNode sak(int sakId) throws ArchiveException {
        return parse(call("lesing av sak " + sakId, "sak/" + sakId, HttpRequest.Builder::GET));
    }

    /** Uploads the document as main document or attachment; returns WebSak's document id. */
    int upload(int jpId, boolean main, String fileName, ArchiveDocument doc) throws ArchiveException {
        String boundary = "postmottak-" + UUID.randomUUID();
        StoredDocument meta = doc.metadata();
        // An ASCII filename for old parsers, and the real one as RFC 5987 filename* (ASP.NET Core prefers it).
        String ascii = fileName.replaceAll("[^\\x20-\\x7e]", "_").replace('"', '_');
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + ascii
                + "\"; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20")
                + "\r\nContent-Type: " + meta.mediaType() + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        AtomicReference<VerifiedContent> content = new AtomicReference<>();
        String op = (main ? "opplasting av hoveddokument " : "opplasting av vedlegg ") + fileName;
        try {
            return asInt(call(op, "journalpost/" + jpId + "/dokument/" + (main ? "nytthoveddokument" : "nyttvedlegg"),
                    b -> b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(BodyPublishers.concat(BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                                    BodyPublishers.ofInputStream(() -> open(doc, content)),
                                    BodyPublishers.ofString(tail, StandardCharsets.UTF_8)))));
        } catch (ArchiveException e) {
            throw content.get() != null && content.get().mismatched() ? VerifiedContent.mismatch(meta) : e;
        }
    }

    private HttpResponse<String> call(String operation, String path,
                                      Function<HttpRequest.Builder, HttpRequest.Builder> method)
            throws ArchiveException {
        URI uri = URI.create(base + path);
        try {
            for (int attempt = 1; ; attempt++) {
                String token = tokens.token();
                HttpRequest req = method.apply(HttpRequest.newBuilder(uri).timeout(timeout)
                        .header("Accept", "application/json").header("Authorization", "Bearer " + token)).build();
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 401 && attempt == 1) {
                    tokens.invalidate(token); // expired or revoked early: one more try with a fresh token
                    continue;
                }
                if (r.statusCode() / 100 != 2) {
                    throw HttpFailures.forStatus(NAME, operation, r.statusCode(), errorMessage(r.body()));
                }
                return r;
            }
        } catch (IOException | UncheckedIOException e) {
            throw HttpFailures.forIo(NAME, operation, e instanceof IOException io ? io
                    : ((UncheckedIOException) e).getCause());
        } catch (InterruptedException e) {
            throw HttpFailures.interrupted(NAME, e);
        }
    }

    /** The document, checked against its recorded SHA-256 and size as the request body streams it. */
    private static InputStream open(ArchiveDocument doc, AtomicReference<VerifiedContent> content) {
        try {
            content.set(VerifiedContent.open(doc));
            return content.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ApiError bodies carry {@code message}; show that, not stack traces. */
    private static String errorMessage(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.hasNonNull("message")) {
                return n.get("message").asText();
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: show the text as it is
        }
        return body;
    }

    private static int asInt(HttpResponse<String> r) throws ArchiveException {
        try {
            return Integer.parseInt(r.body().strip());
        } catch (NumberFormatException e) {
            throw new ArchiveException(Reason.UNAVAILABLE, NAME + " svarte med en uventet id: " + brief(r.body()));
        }
    }

    private static JsonNode parse(HttpResponse<String> r) throws ArchiveException {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new ArchiveException(Reason.UNAVAILABLE, NAME + " svarte med ugyldig JSON", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String brief(String s) {
        return s == null ? "" : s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
