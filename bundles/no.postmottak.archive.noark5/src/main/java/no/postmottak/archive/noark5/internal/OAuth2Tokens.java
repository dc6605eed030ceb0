package no.postmottak.archive.noark5.internal;

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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;
import no.postmottak.api.archive.support.HttpFailures;

/**
 * OAuth 2.0 bearer tokens (RFC 6749) from the token endpoint the archive advertises: the client-credentials grant,
 * or the resource-owner password grant that N5WS reference cores offer. A client with a secret authenticates with
 * HTTP Basic (the method every OAuth server must support); a public client sends only its id. Tokens are cached
 * and renewed shortly before they expire or when the archive refuses one. Thread-safe; secrets and tokens never
 * appear in messages or {@link #toString()}.
 */
final class OAuth2Tokens implements Credentials {

    /** The grant used to get a token. */
    enum Grant { CLIENT_CREDENTIALS, PASSWORD }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WHO = "Noark 5-arkivets påloggingstjeneste";
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

    private final URI tokenEndpoint;
    private final Grant grant;
    private final String clientId;
    private final String clientSecret;
    private final String username;
    private final String password;
    private final String scope;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    OAuth2Tokens(URI tokenEndpoint, Grant grant, Noark5Settings.Login login, HttpClient http, Duration timeout,
                 Clock clock) {
        this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        this.grant = grant;
        this.clientId = login.clientId();
        this.clientSecret = login.clientSecret();
        this.username = login.username();
        this.password = login.password();
        this.scope = login.scope();
        if (clientId == null || grant == Grant.CLIENT_CREDENTIALS && clientSecret == null
                || grant == Grant.PASSWORD && (username == null || password == null)) {
            throw new IllegalArgumentException("OAuth2 " + grant + " needs client.id and "
                    + (grant == Grant.PASSWORD ? "username and .password" : ".client.secret"));
        }
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public synchronized String authorization() throws ArchiveException {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return "Bearer " + token;
    }

    @Override
    public synchronized boolean refused(String authorization) {
        if (token != null && authorization.equals("Bearer " + token)) {
            token = null;
        }
        return true;
    }

    private void fetch() throws ArchiveException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", grant == Grant.PASSWORD ? "password" : "client_credentials");
        if (grant == Grant.PASSWORD) {
            form.put("username", username);
            form.put("password", password);
        }
        if (scope != null) {
            form.put("scope", scope);
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(tokenEndpoint).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        if (clientSecret != null) {
            req.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (enc(clientId) + ":" + enc(clientSecret)).getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", clientId);
        }
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> r = http.send(req.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 400 || r.statusCode() == 401) {
                // invalid_client / invalid_grant / invalid_scope: the body carries no secret, only the error code
                throw new ArchiveException(Reason.REJECTED, WHO + " avviste " + describe() + " (" + r.statusCode()
                        + errorCode(r.body()) + "): sjekk klient-id, hemmelighet, brukernavn og passord");
            }
            if (r.statusCode() / 100 != 2) {
                throw HttpFailures.forStatus(WHO, "henting av token", r.statusCode(), null);
            }
            JsonNode answer = JSON.readTree(r.body());
            String accessToken = answer.path("access_token").asText("");
            long expiresIn = answer.path("expires_in").asLong(3600);
            if (accessToken.isBlank() || expiresIn <= 0) {
                throw new ArchiveException(Reason.UNAVAILABLE, WHO + " svarte uten gyldig token");
            }
            token = accessToken;
            // Renew a little early, a short-lived token at half its life.
            renewAt = clock.instant().plusSeconds(expiresIn - Math.min(RENEW_BEFORE.toSeconds(), expiresIn / 2));
        } catch (IOException e) {
            throw HttpFailures.forIo(WHO, "henting av token", e);
        } catch (InterruptedException e) {
            throw HttpFailures.interrupted(WHO, e);
        }
    }

    private String describe() {
        return grant == Grant.PASSWORD ? "brukeren '" + username + "' (klient '" + clientId + "')"
                : "klienten '" + clientId + "'";
    }

    private static String errorCode(String body) {
        try {
            String error = JSON.readTree(body).path("error").asText("");
            return error.matches("[a-z_]{1,40}") ? ", " + error : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "OAuth2Tokens[" + tokenEndpoint + ", " + grant + ", client " + clientId + "]";
    }
}
