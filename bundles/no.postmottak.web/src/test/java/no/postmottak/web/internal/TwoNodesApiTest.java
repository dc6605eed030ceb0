package no.postmottak.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two independent web stacks (two Jetty servers, each with its own security filter, API servlet and inbox instance)
 * on one database, as two Karaf nodes behind a round-robin load balancer: a session made on one works on the other,
 * a logout on one ends it on both, and failed logins count across both.
 */
class TwoNodesApiTest {

    private TestServer nodeA;
    private TestServer nodeB;

    @BeforeEach
    void start() throws Exception {
        String url = "jdbc:h2:mem:two-nodes-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        nodeA = new TestServer(url);
        nodeB = new TestServer(url);
    }

    @AfterEach
    void stop() throws Exception {
        nodeA.close();
        nodeB.close();
    }

    /** The same browser (cookie and CSRF token) sent to the other node. */
    private TestClient sameBrowserOn(TestServer node, TestClient browser) {
        TestClient c = new TestClient(node.base());
        c.cookie = browser.cookie;
        c.csrf = browser.csrf;
        return c;
    }

    @Test
    void aClerkLoggedInOnOneNodeWorksOnTheOtherAndALogoutEndsItOnBoth() throws Exception {
        String item = nodeA.receiveSmall(TestServer.ORG_A, "Brev til Fjordvik");
        TestClient onA = TestClient.loggedIn(nodeA.base(), "anne", "anne-pw");
        TestClient onB = sameBrowserOn(nodeB, onA);

        HttpResponse<byte[]> me = onB.get("/postmottak/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(TestClient.json(me).get("user").asText()).isEqualTo("anne");
        assertThat(TestClient.json(me).get("csrfToken").asText()).isEqualTo(onA.csrf);
        assertThat(onB.get("/postmottak/api/items/" + item).statusCode()).isEqualTo(200);
        // A state-changing request on B, with the CSRF token the page got from A.
        assertThat(onB.post("/postmottak/api/items/" + item + "/delete", "{\"reason\":\"Feilsendt\"}")
                .statusCode()).isBetween(200, 204);

        assertThat(onB.post("/postmottak/logout", "{}").statusCode()).isEqualTo(204);
        assertThat(onA.get("/postmottak/api/me").statusCode()).as("logged out on A too").isEqualTo(401);
        assertThat(onB.get("/postmottak/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void failedLoginsCountAcrossBothNodes() throws Exception {
        for (int i = 0; i < 5; i++) {
            TestServer node = i % 2 == 0 ? nodeA : nodeB;
            assertThat(login(node, "anne", "feil-" + i).statusCode()).isEqualTo(302);
        }
        assertThat(login(nodeA, "anne", "anne-pw").statusCode()).isEqualTo(429);
        assertThat(login(nodeB, "anne", "anne-pw").statusCode()).isEqualTo(429);
        assertThat(login(nodeB, "bjorn", "bjorn-pw").statusCode()).as("other users").isEqualTo(303);
    }

    private static HttpResponse<String> login(TestServer node, String user, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(node.base().resolve("/postmottak/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
