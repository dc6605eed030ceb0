package no.postmottak.web.internal;

import static no.postmottak.web.internal.TestClient.json;
import static no.postmottak.web.internal.TestServer.ORG_A;
import static no.postmottak.web.internal.TestServer.ORG_B;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import no.postmottak.api.ItemState;

/** Login, logout, org isolation on every endpoint, CSRF and headers, against Jetty and the real inbox. */
class SecurityApiTest {

    static TestServer server;
    static String itemA;
    static String itemB;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer();
        itemA = server.receive(ORG_A, "Søknad om byggetillatelse");
        itemB = server.receive(ORG_B, "Klage på vedtak");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void loginSetsAStrictHttpOnlyCookieAndLogoutEndsTheSession() throws Exception {
        TestClient c = new TestClient(server.base());
        HttpResponse<String> r = c.login("anne", "anne-pw");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/postmottak/inbox.html");
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(WebSecurity.COOKIE + "=").contains("HttpOnly", "SameSite=Strict",
                "Path=/postmottak");
        assertThat(json(c.get("/postmottak/api/me")).get("user").asText()).isEqualTo("anne");

        assertThat(c.post("/postmottak/logout", "{}").statusCode()).isEqualTo(204);
        assertThat(c.get("/postmottak/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void wrongPasswordAndUsersWithoutARoleAreSentBackToTheLoginPage() throws Exception {
        TestClient c = new TestClient(server.base());
        HttpResponse<String> wrong = c.login("anne", "feil");
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/postmottak/login.html?feil=innlogging");
        assertThat(c.cookie).isNull();
        HttpResponse<String> noRole = c.login("nobody", "nobody-pw");
        assertThat(noRole.headers().firstValue("Location").orElseThrow()).endsWith("login.html?feil=tilgang");
        assertThat(c.cookie).isNull();
    }

    @Test
    void withoutASessionTheApiSays401AndPagesRedirectToLogin() throws Exception {
        TestClient c = new TestClient(server.base());
        assertThat(c.get("/postmottak/api/items").statusCode()).isEqualTo(401);
        assertThat(c.get("/postmottak/api/items/" + itemA).statusCode()).isEqualTo(401);
        HttpResponse<byte[]> page = c.get("/postmottak/inbox.html");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/postmottak/login.html");
        assertThat(c.get("/postmottak/login.html").statusCode()).isEqualTo(200);
        assertThat(c.get("/postmottak/app.js").statusCode()).isEqualTo(200);
        // A forged session cookie is no session.
        c.cookie = WebSecurity.COOKIE + "=forged";
        assertThat(c.get("/postmottak/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void aCrossSiteLoginFormIsRefused() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
                        server.base().resolve("/postmottak/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=anne&password=anne-pw")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<String> fetchMetadata = http.send(java.net.http.HttpRequest.newBuilder(
                        server.base().resolve("/postmottak/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "cross-site")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=anne&password=anne-pw")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fetchMetadata.statusCode()).isEqualTo(403);
    }

    @Test
    void aClerkGets403OnEveryEndpointForAnotherOrgsItem() throws Exception {
        TestClient anne = TestClient.loggedIn(server.base(), "anne", "anne-pw");
        String b = "/postmottak/api/items/" + itemB;
        List<HttpResponse<byte[]>> responses = List.of(
                anne.get(b),
                anne.get(b + "/documents/0"),
                anne.get(b + "/documents/0?download=1"),
                anne.get(b + "/documents/1"),
                anne.get(b + "/documents/99"),
                anne.get(b + "/zip"),
                anne.get(b + "/nonsense"),
                anne.post(b + "/archive", "{}"),
                anne.post(b + "/delete", "{\"reason\":\"spam\"}"),
                anne.post(b + "/forward", "{\"toAddress\":\"x@example.org\"}"),
                anne.post("/postmottak/api/bulk/delete", "{\"ids\":[\"" + itemA + "\",\"" + itemB
                        + "\"],\"reason\":\"spam\"}"),
                anne.post("/postmottak/api/bulk/archive", "{\"ids\":[\"" + itemB + "\"]}"),
                anne.get("/postmottak/api/items?org=" + ORG_B),
                anne.get("/postmottak/api/items?org=" + ORG_A + "," + ORG_B),
                anne.get("/postmottak/api/admin/overview"),
                anne.get("/postmottak/admin.html"),
                // unknown ids too, so that 403 versus 404 does not reveal which ids exist
                anne.get("/postmottak/api/items/" + UUID.randomUUID()),
                anne.get("/postmottak/api/items/not-a-uuid"));
        for (HttpResponse<byte[]> r : responses) {
            assertThat(r.statusCode()).as(r.request().method() + " " + r.request().uri()).isEqualTo(403);
            String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(body).as("no data of org B").doesNotContain("Klage", ORG_B + "\"", "Byggmester", "%PDF");
        }
        // Nothing happened to either item, not even to A in the refused bulk request.
        assertThat(server.inbox.get(UUID.fromString(itemB)).orElseThrow().state()).isEqualTo(ItemState.RECEIVED);
        assertThat(server.inbox.get(UUID.fromString(itemA)).orElseThrow().state()).isEqualTo(ItemState.RECEIVED);
        // and her own org works
        assertThat(anne.get("/postmottak/api/items/" + itemA).statusCode()).isEqualTo(200);
    }

    @Test
    void theInboxListShowsOnlyTheUsersOrganisations() throws Exception {
        TestClient bjorn = TestClient.loggedIn(server.base(), "bjorn", "bjorn-pw");
        var items = json(bjorn.get("/postmottak/api/items")).get("items");
        assertThat(items).isNotEmpty();
        items.forEach(i -> assertThat(i.get("orgnr").asText()).isEqualTo(ORG_B));
        TestClient admin = TestClient.loggedIn(server.base(), "admin", "admin-pw");
        assertThat(json(admin.get("/postmottak/api/items")).get("items").findValuesAsText("orgnr"))
                .contains(ORG_A, ORG_B);
        assertThat(admin.get("/postmottak/api/items/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void stateChangingRequestsNeedTheSessionsCsrfToken() throws Exception {
        String item = server.receive(ORG_A, "CSRF-mål");
        TestClient anne = TestClient.loggedIn(server.base(), "anne", "anne-pw");
        TestClient otherSession = TestClient.loggedIn(server.base(), "anne", "anne-pw");
        String delete = "/postmottak/api/items/" + item + "/delete";
        String body = "{\"reason\":\"duplikat\"}";
        assertThat(anne.postWithToken(delete, body, null).statusCode()).isEqualTo(403);
        assertThat(anne.postWithToken(delete, body, "wrong").statusCode()).isEqualTo(403);
        assertThat(anne.postWithToken(delete, body, otherSession.csrf).statusCode()).isEqualTo(403);
        assertThat(anne.postWithToken("/postmottak/logout", "{}", null).statusCode()).isEqualTo(403);
        assertThat(server.inbox.get(UUID.fromString(item)).orElseThrow().state()).isEqualTo(ItemState.RECEIVED);

        assertThat(anne.post(delete, body).statusCode()).isEqualTo(200);
        assertThat(server.inbox.get(UUID.fromString(item)).orElseThrow().state()).isEqualTo(ItemState.DELETED);
    }

    @Test
    void responsesCarrySecureHeaders() throws Exception {
        TestClient anne = TestClient.loggedIn(server.base(), "anne", "anne-pw");
        for (String path : List.of("/postmottak/api/items", "/postmottak/inbox.html", "/postmottak/login.html")) {
            HttpResponse<byte[]> r = anne.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("default-src 'self'", "frame-ancestors 'none'");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            // The pages hold no data and are revalidated (see StaticPagesApiTest); answers of the API are not stored.
            assertThat(r.headers().firstValue("Cache-Control")).hasValue(path.contains("/api/") ? "no-store"
                    : StaticPages.CACHE_CONTROL);
        }
        assertThat(anne.get("/postmottak/api/me").headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/json");
    }

    @Test
    void badInputGivesAClearNorwegian400() throws Exception {
        TestClient anne = TestClient.loggedIn(server.base(), "anne", "anne-pw");
        HttpResponse<byte[]> r = anne.get("/postmottak/api/items?from=26.11.2026");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).contains("ÅÅÅÅ-MM-DD");
        assertThat(anne.get("/postmottak/api/items?state=TULL").statusCode()).isEqualTo(400);
        assertThat(anne.get("/postmottak/api/items?limit=100000").statusCode()).isEqualTo(400);
        assertThat(anne.get("/postmottak/api/items?cursor=zzz").statusCode()).isEqualTo(400);
        assertThat(anne.post("/postmottak/api/items/" + itemA + "/delete", "{\"reason\":\" \"}").statusCode())
                .isEqualTo(400);
        assertThat(anne.post("/postmottak/api/items/" + itemA + "/archive", "not json").statusCode()).isEqualTo(400);
        assertThat(anne.post("/postmottak/api/items/" + itemA + "/forward", "{\"toAddress\":\"nope\"}")
                .statusCode()).isEqualTo(400);
    }
}
