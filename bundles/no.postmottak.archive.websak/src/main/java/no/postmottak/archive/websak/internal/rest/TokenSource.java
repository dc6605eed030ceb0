package no.postmottak.archive.websak.internal.rest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;
import no.postmottak.api.archive.support.HttpFailures;

/**
 * OAuth2 client-credentials tokens from the Acos IdentityServer, cached and fetched anew shortly before they
 * expire (or when the API says 401). Thread-safe. The secret and the tokens never appear in messages.
 */
public final class TokenSource {

    /** Fetch a new token when the cached one has less than this left. */
    static final Duration REFRESH_BEFORE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "Innloggingstjenesten (IdentityServer)";

    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    private String token;
    private Instant refreshAt = Instant.MIN;

    public TokenSource(URI tokenUrl, String clientId, String clientSecret, String scope, HttpClient http,
                       Duration timeout, Clock clock) {
        this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isEmpty()) {
            throw new IllegalArgumentException("WebSak needs a client id and a client secret");
        }
        this.clientId = clientId.strip();
        this.clientSecret = clientSecret;
        this.scope = scope == null || scope.isBlank() ? "integration" : scope.strip();
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A token that is not about to expire. */
    public synchronized String token() throws ArchiveException {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /** Forgets the cached token (the API refused it). */
    public synchronized void invalidate(String refused) {
        if (Objects.equals(token, refused)) {
            token = null;
        }
    }

    private void fetch() throws ArchiveException {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret="
                + enc(clientSecret) + "&scope=" + enc(scope);
        HttpRequest req = HttpRequest.newBuilder(tokenUrl).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 400 || r.statusCode() == 401) {
                // IdentityServer says invalid_client / invalid_scope; its body carries no secret.
                throw new ArchiveException(Reason.REJECTED, NAME + " avviste klient-id '" + clientId
                        + "' (" + r.statusCode() + "): sjekk klient-id, hemmelighet og scope i konfigurasjonen");
            }
            if (r.statusCode() / 100 != 2) {
                throw HttpFailures.forStatus(NAME, "henting av token", r.statusCode(), null);
            }
            JsonNode body = JSON.readTree(r.body());
            String accessToken = body.path("access_token").asText(null);
            long expiresIn = body.path("expires_in").asLong(0);
            if (accessToken == null || accessToken.isBlank() || expiresIn <= 0) {
                throw new ArchiveException(Reason.UNAVAILABLE, NAME + " svarte uten gyldig token");
            }
            token = accessToken;
            // Refresh a minute early; a short-lived token at half its life.
            long early = Math.min(REFRESH_BEFORE.toSeconds(), expiresIn / 2);
            refreshAt = clock.instant().plusSeconds(expiresIn - early);
        } catch (IOException e) {
            throw HttpFailures.forIo(NAME, "henting av token", e);
        } catch (InterruptedException e) {
            throw HttpFailures.interrupted(NAME, e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TokenSource[" + tokenUrl + ", client " + clientId + "]";
    }
}
