package no.postmottak.archive.simulator.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The simulated IdentityServer: client-credentials tokens with a lifetime, checked on every API call. */
public final class SimTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A token-endpoint answer. */
    public record Answer(int status, String json) {
    }

    private final String clientId;
    private final String clientSecret;
    private final Map<String, Instant> tokens = new HashMap<>();
    private int issued;
    private Duration lifetime = Duration.ofHours(1);

    public SimTokens(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    public synchronized void lifetime(Duration newLifetime) {
        lifetime = newLifetime;
    }

    public synchronized void revokeAll() {
        tokens.clear();
    }

    public synchronized int issued() {
        return issued;
    }

    /** Answers a {@code POST /connect/token} form body as IdentityServer would. */
    public synchronized Answer request(String formBody) {
        Map<String, String> form = new HashMap<>();
        for (String pair : formBody.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return new Answer(400, "{\"error\":\"unsupported_grant_type\"}");
        }
        if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            return new Answer(400, "{\"error\":\"invalid_client\"}");
        }
        if (!List.of(form.getOrDefault("scope", "").split(" ")).contains("integration")) {
            return new Answer(400, "{\"error\":\"invalid_scope\"}");
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, Instant.now().plus(lifetime));
        issued++;
        return new Answer(200, JSON.createObjectNode().put("access_token", token)
                .put("expires_in", lifetime.toSeconds()).put("token_type", "Bearer").put("scope", "integration")
                .toString());
    }

    /** Whether a bearer token is live. */
    public synchronized boolean valid(String token) {
        Instant expiry = tokens.get(token);
        return expiry != null && Instant.now().isBefore(expiry);
    }
}
