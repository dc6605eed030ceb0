package no.postmottak.eformidling.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.channel.support.HttpDownload;
import no.postmottak.channel.support.HttpSupport;
import no.postmottak.eformidling.internal.IpException.Kind;

/**
 * The integrasjonspunkt's fagsystem API ("eFormidling 2", NextMove) for a receiver: peek, pop, DELETE and sending a
 * receipt, over HTTP Basic (when a user is configured), every failure classified as an {@link IpException}. Every
 * request names Postmottak and its version in {@code User-Agent}, as Digdir asks. Thread-safe.
 */
public final class IpClient {

    /** {@code Postmottak/<version> (eFormidling)}. */
    public static final String USER_AGENT = "Postmottak/" + version() + " (eFormidling)";

    private final URI baseUrl;
    private final String authorization;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param username the fagsystem user of the integrasjonspunkt's API, or blank when its API is open (IP v3)
     * @param password its password; never logged
     */
    public IpClient(URI baseUrl, String username, String password, Duration connectTimeout, Duration readTimeout) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.authorization = username == null || username.isBlank() ? null
                : HttpSupport.basicAuthorization(username, password);
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    /** Which messages a peek may take: each set value must match (the IP's query parameters). */
    public record Filter(String receiverIdentifier, String serviceIdentifier, String process) {

        String query() {
            List<String> parts = new ArrayList<>();
            add(parts, "receiverIdentifier", receiverIdentifier);
            add(parts, "serviceIdentifier", serviceIdentifier);
            add(parts, "process", process);
            return parts.isEmpty() ? "" : "?" + String.join("&", parts);
        }

        private static void add(List<String> parts, String name, String value) {
            if (value != null && !value.isBlank()) {
                parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }

        @Override
        public String toString() {
            return query().isEmpty() ? "(alle)" : query().substring(1);
        }
    }

    /** The ASiC-E of a popped message: its declared length (-1 when unknown) and the body, which the caller closes. */
    public record Pop(long contentLength, InputStream body) {
    }

    /**
     * {@code GET api/messages/in/peek}: locks the next message matching the filter and returns its SBD.
     *
     * @return empty when no message waits (204)
     */
    public Optional<Sbd> peek(Filter filter) throws IpException {
        HttpResponse<InputStream> response = send(request("api/messages/in/peek" + filter.query())
                .header("Accept", "application/json").GET().build(), false);
        if (response.statusCode() == 204) {
            HttpSupport.discard(response);
            return Optional.empty();
        }
        try (InputStream body = response.body()) {
            JsonNode root = json.readTree(body);
            if (root == null || root.isMissingNode() || !root.has("standardBusinessDocumentHeader")) {
                return Optional.empty();
            }
            return Optional.of(Sbd.of(root));
        } catch (IOException | IllegalArgumentException e) {
            throw new IpException(Kind.UNAVAILABLE, response.statusCode(),
                    "The integrasjonspunkt answered peek with something that is not an SBD: " + e.getMessage(),
                    null, e);
        }
    }

    /**
     * {@code GET api/messages/in/pop/{id}}: starts the download of a locked message's ASiC-E, over
     * {@link HttpDownload} (the body is read into the caller's buffer, not copied into fresh ones). The read timeout
     * covers the response head and each wait for more of the body.
     *
     * @return empty for a message without content (a receipt: 204)
     * @throws IpException {@link Kind#LOCK_LOST} (400), {@link Kind#NOT_FOUND} (404), ...
     */
    public Optional<Pop> pop(String messageId) throws IpException {
        URI uri = baseUrl.resolve("api/messages/in/pop/" + segment(messageId));
        String where = "GET " + uri.getPath();
        Map<String, String> headers = new HashMap<>();
        headers.put("User-Agent", USER_AGENT);
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        HttpDownload download;
        try {
            download = HttpDownload.get(uri, headers, connectTimeout, readTimeout);
        } catch (SocketTimeoutException e) {
            throw new IpException(Kind.UNAVAILABLE, 0, "The integrasjonspunkt did not answer in time: " + where,
                    null, e);
        } catch (IOException e) {
            throw new IpException(Kind.UNAVAILABLE, 0, "The integrasjonspunkt could not be reached ("
                    + e.getClass().getSimpleName() + "): " + where, null, e);
        }
        if (download.status() == 204) {
            download.discard();
            return Optional.empty();
        }
        if (!download.successful()) {
            download.discard();
            throw failure(download.status(), download.header("Retry-After"), where, true);
        }
        try {
            return Optional.of(new Pop(download.contentLength(), download.body()));
        } catch (IOException e) {
            throw new IpException(Kind.UNAVAILABLE, download.status(), "The integrasjonspunkt's answer could not be"
                    + " read (" + e.getClass().getSimpleName() + "): " + where, null, e);
        }
    }

    /** {@code DELETE api/messages/in/{id}}: the message is delivered; the IP tells the sender LEVERT. */
    public void delete(String messageId) throws IpException {
        HttpSupport.discard(send(request("api/messages/in/" + segment(messageId)).DELETE().build(), true));
    }

    /** {@code POST api/messages/out}: sends a small JSON-only message (a receipt); returns the IP's answer. */
    public JsonNode send(JsonNode sbd) throws IpException {
        byte[] body;
        try {
            body = json.writeValueAsBytes(sbd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpResponse<InputStream> response = send(request("api/messages/out")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), false);
        try (InputStream in = response.body()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new IpException(Kind.UNAVAILABLE, response.statusCode(),
                    "The integrasjonspunkt's answer to a sent message could not be read: " + e.getMessage(), null, e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(readTimeout)
                .header("User-Agent", USER_AGENT);
        return authorization == null ? b : b.header("Authorization", authorization);
    }

    /** @param lockedMessage pop or DELETE, where 400 means the lock is gone */
    private HttpResponse<InputStream> send(HttpRequest request, boolean lockedMessage) throws IpException {
        HttpResponse<InputStream> response;
        try {
            // A DELETE repeated after one that went through answers 404, which the receiver reads as delivered.
            response = HttpSupport.send(http, request, request.method().equals("DELETE"));
        } catch (HttpTimeoutException e) {
            throw new IpException(Kind.UNAVAILABLE, 0, "The integrasjonspunkt did not answer in time: "
                    + where(request), null, e);
        } catch (IOException e) {
            throw new IpException(Kind.UNAVAILABLE, 0, "The integrasjonspunkt could not be reached ("
                    + e.getClass().getSimpleName() + "): " + where(request), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IpException(Kind.UNAVAILABLE, 0, "Interrupted while calling the integrasjonspunkt", null, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        HttpSupport.discard(response);
        throw failure(status, response.headers().firstValue("Retry-After").orElse(null), where(request),
                lockedMessage);
    }

    /** What an answer other than 2xx means; {@code lockedMessage}: pop or DELETE, where 400 means the lock is gone. */
    private static IpException failure(int status, String retryAfter, String where, boolean lockedMessage) {
        String what = "The integrasjonspunkt answered HTTP " + status + " to " + where;
        if (status == 401 || status == 403) {
            return new IpException(Kind.AUTHENTICATION, status, what + ": wrong user or password", null, null);
        }
        if (status == 400 && lockedMessage) {
            return new IpException(Kind.LOCK_LOST, status, what + ": the message is not locked for us", null, null);
        }
        if (status == 404) {
            return new IpException(Kind.NOT_FOUND, status, what, null, null);
        }
        if (status >= 500 || status == 408 || status == 429) {
            return new IpException(Kind.UNAVAILABLE, status, what, HttpSupport.retryAfter(retryAfter), null);
        }
        return new IpException(Kind.REJECTED, status, what, null, null);
    }

    private static String segment(String messageId) {
        return URLEncoder.encode(messageId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String where(HttpRequest request) {
        return request.method() + " " + request.uri().getPath();
    }

    private static String version() {
        Properties p = new Properties();
        try (InputStream in = IpClient.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // the version is only for User-Agent
        }
        String v = p.getProperty("version", "");
        return v.isBlank() || v.startsWith("${") ? "dev" : v;
    }
}
