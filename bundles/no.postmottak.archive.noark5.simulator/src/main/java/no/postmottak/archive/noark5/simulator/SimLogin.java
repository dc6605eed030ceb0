package no.postmottak.archive.noark5.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import no.postmottak.simulator.http.Auth;

/**
 * The simulated login: an OAuth 2.0 token endpoint (client credentials and the resource-owner password grant, the
 * client authenticated by HTTP Basic or by {@code client_id}/{@code client_secret} in the form) issuing bearer
 * tokens that expire, and optionally HTTP Basic for users. Knobs expire every token now or after a number of
 * requests, so that a client must renew mid-run. Thread-safe.
 */
final class SimLogin {

    /** A token endpoint answer. */
    record Answer(int status, String json) {
    }

    private final String clientId;
    private final String clientSecret;
    private final Map<String, String> users;
    private final boolean basic;
    private final Map<String, Instant> tokens = new HashMap<>();
    private Duration lifetime;
    private int issued;
    private int expireAfter = -1;

    SimLogin(String clientId, String clientSecret, Map<String, String> users, boolean basic, Duration lifetime) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.users = Map.copyOf(users);
        this.basic = basic;
        this.lifetime = lifetime;
    }

    boolean basicEnabled() {
        return basic;
    }

    synchronized void lifetime(Duration value) {
        lifetime = value;
    }

    synchronized int issued() {
        return issued;
    }

    /** Every token issued so far stops working now. */
    synchronized void expireAll() {
        tokens.replaceAll((t, expiry) -> Instant.MIN);
    }

    /** Every token issued so far stops working after {@code requests} more authenticated requests. */
    synchronized void expireAfter(int requests) {
        expireAfter = requests;
    }

    /** Answers a token request (the form, optional Basic client authentication) as an OAuth2 server would. */
    synchronized Answer token(String authorization, Map<String, String> form) {
        String[] client = basicPair(authorization, true); // RFC 6749 2.3.1: form-encoded first
        String id = client != null ? client[0] : form.get("client_id");
        String secret = client != null ? client[1] : form.get("client_secret");
        if (!clientId.equals(id) || clientSecret != null && !Auth.sameSecret(clientSecret, secret)) {
            return new Answer(401, "{\"error\":\"invalid_client\"}");
        }
        String grant = form.getOrDefault("grant_type", "");
        if ("password".equals(grant)) {
            String user = form.get("username");
            if (user == null || !Auth.sameSecret(users.get(user), form.get("password"))) {
                return new Answer(400, "{\"error\":\"invalid_grant\"}");
            }
        } else if (!"client_credentials".equals(grant) || clientSecret == null) {
            return new Answer(400, "{\"error\":\"unsupported_grant_type\"}");
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, Instant.now().plus(lifetime));
        issued++;
        return new Answer(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + lifetime.toSeconds() + "}");
    }

    /** Whether an {@code Authorization} header admits the request: a live bearer token, or a Basic user. */
    synchronized boolean admits(String authorization) {
        if (authorization == null) {
            return false;
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = basicPair(authorization, false);
            return basic && pair != null && Auth.sameSecret(users.get(pair[0]), pair[1]);
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        if (expireAfter == 0) {
            expireAll();
        }
        if (expireAfter >= 0) {
            expireAfter--;
        }
        Instant expiry = tokens.get(authorization.substring(7).strip());
        return expiry != null && Instant.now().isBefore(expiry);
    }

    private static String[] basicPair(String authorization, boolean formEncoded) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String user = decoded.substring(0, colon);
            String password = decoded.substring(colon + 1);
            return formEncoded ? new String[] {URLDecoder.decode(user, StandardCharsets.UTF_8),
                    URLDecoder.decode(password, StandardCharsets.UTF_8)} : new String[] {user, password};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
