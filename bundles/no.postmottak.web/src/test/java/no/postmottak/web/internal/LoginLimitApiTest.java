package no.postmottak.web.internal;

import static no.postmottak.web.internal.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The login brute-force limit on the real login form, with Karaf's real JAAS login module behind it. */
class LoginLimitApiTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void fiveWrongPasswordsBlockTheUserNameWithoutAskingJaasUntilTheWindowPasses() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(login("anne", "feil-" + i, "application/json").statusCode()).isEqualTo(302);
        }
        int jaasCalls = server.jaasCalls.get();

        HttpResponse<String> refused = login("anne", "anne-pw", "application/json");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused.body()).get("error").asText()).startsWith("For mange mislykkede innlogginger")
                .contains("15 minutter");
        assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(850, 900);
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(refused.body()).doesNotContain("anne-pw");
        HttpResponse<String> page = login("anne", "anne-pw", "text/html,application/xhtml+xml");
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("For mange mislykkede innlogginger", "login.html");
        assertThat(server.jaasCalls.get()).as("a refused attempt never reaches JAAS").isEqualTo(jaasCalls);

        assertThat(login("bjorn", "bjorn-pw", "application/json").statusCode()).as("other users").isEqualTo(303);

        server.loginClock.advance(Duration.ofMinutes(15));
        assertThat(login("anne", "anne-pw", "application/json").statusCode()).isEqualTo(303);
    }

    @Test
    void aSuccessfulLoginResetsTheUsersCount() throws Exception {
        for (int i = 0; i < 4; i++) {
            login("anne", "feil", "application/json");
        }
        assertThat(login("anne", "anne-pw", "application/json").statusCode()).isEqualTo(303);
        for (int i = 0; i < 4; i++) {
            login("anne", "feil", "application/json");
        }
        assertThat(login("anne", "anne-pw", "application/json").statusCode()).isEqualTo(303);
    }

    @Test
    void twentyFailuresFromOneAddressBlockEveryUserFromThere() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(login("gjett" + i, "feil", "application/json").statusCode()).isEqualTo(302);
        }
        assertThat(login("admin", "admin-pw", "application/json").statusCode()).isEqualTo(429);
    }

    @Test
    void behindATrustedProxyTheLimitCountsTheForwardedClientAddress() throws Exception {
        server.close();
        server = TestServer.behindProxy("127.0.0.1");
        for (int i = 0; i < 20; i++) {
            login("gjett" + i, "feil", "application/json", "10.0.0.1, 203.0.113.5");
        }
        assertThat(login("admin", "admin-pw", "application/json", "203.0.113.5").statusCode())
                .as("the guessing client").isEqualTo(429);
        assertThat(login("admin", "admin-pw", "application/json", "198.51.100.7").statusCode())
                .as("a colleague behind the same proxy").isEqualTo(303);
    }

    @Test
    void forwardedAddressesFromAnUntrustedPeerAreIgnored() throws Exception {
        for (int i = 0; i < 20; i++) {
            login("gjett" + i, "feil", "application/json", "203.0.113." + i);
        }
        assertThat(login("admin", "admin-pw", "application/json", "198.51.100.7").statusCode())
                .as("a made-up X-Forwarded-For does not dodge the limit").isEqualTo(429);
    }

    @Test
    void aTrustedProxySayingHttpsMakesTheSessionCookieSecure() throws Exception {
        server.close();
        server = TestServer.behindProxy("127.0.0.1");
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(server.base().resolve("/postmottak/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString("username=anne&password=anne-pw")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.headers().firstValue("Set-Cookie").orElseThrow()).endsWith("; Secure");
        assertThat(login("anne", "anne-pw", "application/json").headers().firstValue("Set-Cookie").orElseThrow())
                .doesNotContain("Secure");
    }

    private HttpResponse<String> login(String user, String password, String accept) throws Exception {
        return login(user, password, accept, null);
    }

    private HttpResponse<String> login(String user, String password, String accept, String forwardedFor)
            throws Exception {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(server.base().resolve("/postmottak/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", accept);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
