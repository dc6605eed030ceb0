package no.postmottak.web.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A user's browser, reduced to what the API needs: the session cookie and the CSRF token. */
final class TestClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;
    String cookie;
    String csrf;

    TestClient(URI base) {
        this.base = base;
    }

    /** Posts the login form; on success keeps the cookie and reads the CSRF token. */
    HttpResponse<String> login(String user, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/postmottak/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        r.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.split(";", 2)[0]);
        if (cookie != null) {
            csrf = json(get("/postmottak/api/me")).get("csrfToken").asText();
        }
        return r;
    }

    static TestClient loggedIn(URI base, String user, String password) throws Exception {
        TestClient c = new TestClient(base);
        c.login(user, password);
        if (c.cookie == null) {
            throw new IllegalStateException("Login failed for " + user);
        }
        return c;
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> post(String path, String json) throws IOException, InterruptedException {
        return postWithToken(path, json, csrf);
    }

    HttpResponse<byte[]> postWithToken(String path, String json, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header(WebSecurity.CSRF_HEADER, token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    static JsonNode json(String body) throws IOException {
        return MAPPER.readTree(body);
    }

    static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        return MAPPER.readTree(r.body());
    }
}
