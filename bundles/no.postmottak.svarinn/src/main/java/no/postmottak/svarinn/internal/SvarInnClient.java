package no.postmottak.svarinn.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.channel.support.HttpSupport;
import no.postmottak.svarinn.internal.SvarInnException.Kind;
import no.postmottak.svarinn.internal.json.Forsendelse;

/**
 * The four calls of SvarInn (Mottaksservice v1) over HTTP Basic, each failure classified as a {@link SvarInnException}.
 * Downloads follow the {@code downloadUrl} SvarUt hands out, never a URL we build.
 */
public final class SvarInnClient {

    private static final TypeReference<List<Forsendelse>> LIST = new TypeReference<>() { };

    private final URI baseUrl;
    private final String authorization;
    private final Duration readTimeout;
    private final HttpClient http;
    private final ObjectMapper json;

    public SvarInnClient(URI baseUrl, String username, String password, Duration connectTimeout, Duration readTimeout) {
        this.baseUrl = URI.create(baseUrl.toString().endsWith("/") ? baseUrl.toString() : baseUrl + "/");
        this.authorization = HttpSupport.basicAuthorization(username, password);
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** {@code GET mottaker/hentNyeForsendelser}: everything waiting for this account, across its org numbers. */
    public List<Forsendelse> hentNyeForsendelser() throws SvarInnException {
        HttpResponse<InputStream> response = send(request("mottaker/hentNyeForsendelser").GET().build());
        try (InputStream body = response.body()) {
            List<Forsendelse> list = json.readValue(body, LIST);
            return list == null ? List.of() : list;
        } catch (IOException e) {
            throw new SvarInnException(Kind.UNAVAILABLE, response.statusCode(),
                    "SvarInn sent a list that is not valid JSON: " + e.getMessage(), null, e);
        }
    }

    /** Starts the download of the encrypted payload. The caller reads and closes the stream. */
    public Download download(String downloadUrl) throws SvarInnException {
        URI uri;
        try {
            uri = baseUrl.resolve(downloadUrl);
        } catch (IllegalArgumentException e) {
            throw new SvarInnException(Kind.REJECTED, 0, "Invalid downloadUrl from SvarInn: " + downloadUrl, null, e);
        }
        // The read timeout applies to the wait for the response head; the body is a stream read at our own pace.
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(uri).timeout(readTimeout)
                .header("Authorization", authorization).GET().build());
        return new Download(response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /** {@code POST kvitterMottak/forsendelse/{id}}: the forsendelse is stored; SvarUt stops offering it. */
    public void kvitterMottak(String forsendelseId) throws SvarInnException {
        HttpSupport.discard(send(request("kvitterMottak/forsendelse/" + forsendelseId)
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    /** {@code POST mottakFeilet/forsendelse/{id}}: we could not receive it; permanent makes SvarUt use other channels. */
    public void mottakFeilet(String forsendelseId, String feilmelding, boolean permanent) throws SvarInnException {
        byte[] body;
        try {
            body = json.writeValueAsBytes(Map.of("feilmelding", feilmelding, "permanent", permanent));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpSupport.discard(send(request("mottakFeilet/forsendelse/" + forsendelseId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build()));
    }

    /** The response head of a download: the content type SvarUt declared and the (encrypted) body. */
    public record Download(String contentType, InputStream body) {
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(readTimeout)
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws SvarInnException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
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
        String what = "SvarInn answered HTTP " + status + " to " + where(request);
        if (status == 401 || status == 403) {
            throw new SvarInnException(Kind.AUTHENTICATION, status,
                    what + ": wrong username or service password, or the account lacks access", null, null);
        }
        if (status == 429) {
            throw new SvarInnException(Kind.RATE_LIMITED, status, what, HttpSupport.retryAfter(response), null);
        }
        if (status >= 500 || status == 408) {
            throw new SvarInnException(Kind.UNAVAILABLE, status, what, HttpSupport.retryAfter(response), null);
        }
        throw new SvarInnException(Kind.REJECTED, status, what, null, null);
    }

    private static String where(HttpRequest request) {
        return request.method() + " " + request.uri().getPath();
    }
}
