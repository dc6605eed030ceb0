package no.postmottak.svarinn.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.channel.support.HttpDownload;
import no.postmottak.channel.support.HttpSupport;
import no.postmottak.svarinn.internal.SvarInnException.Kind;

/**
 * HTTP to SvarInn, shared by both API versions: HTTP Basic, JSON, and every failure classified as a
 * {@link SvarInnException}. Downloads follow the URL SvarUt hands out, never one we build.
 */
public final class SvarInnHttp {

    /** The suffix of the V1 base URL operators have configured; both versions address paths below the root. */
    private static final String V1_SUFFIX = "/svarinn";

    private final URI root;
    private final String authorization;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final HttpClient http;
    private final ObjectMapper json;

    /**
     * @param baseUrl the service root ({@code https://svarut.ks.no/tjenester}); a V1 base URL ending in
     *                {@code /svarinn} is accepted too, so an account moves to V2 by changing only its version
     */
    public SvarInnHttp(URI baseUrl, String username, String password, Duration connectTimeout, Duration readTimeout) {
        this.root = root(baseUrl);
        this.authorization = HttpSupport.basicAuthorization(username, password);
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    static URI root(URI baseUrl) {
        String s = baseUrl.toString().replaceAll("/+$", "");
        if (s.endsWith(V1_SUFFIX)) {
            s = s.substring(0, s.length() - V1_SUFFIX.length());
        }
        return URI.create(s + "/");
    }

    /** {@code GET} a JSON list at {@code path} below the root. */
    public <T> List<T> getList(String path, TypeReference<List<T>> type) throws SvarInnException {
        HttpResponse<InputStream> response = send(request(path).GET().build(), false);
        try (InputStream body = response.body()) {
            List<T> list = json.readValue(body, type);
            return list == null ? List.of() : list;
        } catch (IOException e) {
            throw new SvarInnException(Kind.UNAVAILABLE, response.statusCode(),
                    "SvarInn sent a list that is not valid JSON: " + e.getMessage(), null, e);
        }
    }

    /**
     * Sends a status update: {@code body} as JSON with {@code method} to {@code path} below the root; the answer is
     * discarded. Setting a status again sets the same status, so an update whose connection broke is sent once more
     * ({@link HttpSupport#send}); otherwise the item would wait, stored but not acknowledged, for the next poll.
     */
    public void sendStatus(String method, String path, Object body) throws SvarInnException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(bytes(body));
        HttpSupport.discard(send(request(path).header("Content-Type", "application/json").method(method, publisher)
                .build(), true));
    }

    /**
     * Starts the download of the encrypted payload. The caller reads and closes the stream. Over
     * {@link HttpDownload}, which reads the body into the caller's buffer (java.net.http allocated a buffer per 16 KiB
     * of it); the read timeout covers the response head and each wait for more of the body.
     */
    public SvarInnApi.Download download(String downloadUrl) throws SvarInnException {
        URI uri;
        try {
            uri = root.resolve(downloadUrl);
        } catch (IllegalArgumentException e) {
            throw new SvarInnException(Kind.REJECTED, 0, "Invalid download URL from SvarInn: " + downloadUrl, null, e);
        }
        String where = "GET " + uri.getPath();
        HttpDownload download;
        try {
            download = HttpDownload.get(uri, Map.of("Authorization", authorization), connectTimeout, readTimeout);
        } catch (SocketTimeoutException e) {
            throw new SvarInnException(Kind.UNAVAILABLE, 0, "SvarInn did not answer in time: " + where, null, e);
        } catch (IOException | IllegalArgumentException e) {
            throw new SvarInnException(Kind.UNAVAILABLE, 0,
                    "SvarInn could not be reached (" + e.getClass().getSimpleName() + "): " + where, null, e);
        }
        if (!download.successful()) {
            download.discard();
            throw failure(download.status(), download.header("Retry-After"), where);
        }
        try {
            String type = download.header("Content-Type");
            return new SvarInnApi.Download(type == null ? "" : type, download.body());
        } catch (IOException e) {
            throw new SvarInnException(Kind.UNAVAILABLE, download.status(),
                    "SvarInn's answer could not be read (" + e.getClass().getSimpleName() + "): " + where, null, e);
        }
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(root.resolve(path)).timeout(readTimeout)
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private HttpResponse<InputStream> send(HttpRequest request, boolean repeatable) throws SvarInnException {
        HttpResponse<InputStream> response;
        try {
            response = HttpSupport.send(http, request, repeatable);
        } catch (HttpTimeoutException e) {
            throw new SvarInnException(Kind.UNAVAILABLE, 0, "SvarInn did not answer in time: " + where(request), null, e);
        } catch (IOException e) {
            throw new SvarInnException(Kind.UNAVAILABLE, 0,
                    "SvarInn could not be reached (" + e.getClass().getSimpleName() + "): " + where(request), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SvarInnException(Kind.UNAVAILABLE, 0, "Interrupted while calling SvarInn", null, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        HttpSupport.discard(response);
        throw failure(status, response.headers().firstValue("Retry-After").orElse(null), where(request));
    }

    /** What an answer other than 2xx means for the poll (and for the operator, in the exception's message). */
    private static SvarInnException failure(int status, String retryAfter, String where) {
        String what = "SvarInn answered HTTP " + status + " to " + where;
        if (status == 401 || status == 403) {
            return new SvarInnException(Kind.AUTHENTICATION, status,
                    what + ": wrong username or service password, or the account lacks access", null, null);
        }
        if (status == 429) {
            return new SvarInnException(Kind.RATE_LIMITED, status, what, HttpSupport.retryAfter(retryAfter), null);
        }
        if (status >= 500 || status == 408) {
            return new SvarInnException(Kind.UNAVAILABLE, status, what, HttpSupport.retryAfter(retryAfter), null);
        }
        return new SvarInnException(Kind.REJECTED, status, what, null, null);
    }

    private static String where(HttpRequest request) {
        return request.method() + " " + request.uri().getPath();
    }
}
