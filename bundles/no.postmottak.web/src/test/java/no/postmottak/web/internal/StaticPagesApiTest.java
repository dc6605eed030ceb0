package no.postmottak.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The pages servlet behind the security filter and beside the API, in Jetty as Pax Web would host them. */
class StaticPagesApiTest {

    static TestServer server;
    static TestClient anne;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer();
        anne = TestClient.loggedIn(server.base(), "anne", "anne-pw");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void pagesComeWithTypeLengthTagAndTheFiltersSecureHeaders() throws Exception {
        HttpResponse<byte[]> r = anne.get("/postmottak/inbox.html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(type(r)).isEqualTo("text/html;charset=utf-8");
        assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(r.body().length);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("<script src=\"app.js\"");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(r.headers().firstValue("ETag")).isPresent();
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(WebSecurity.CSP);
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(type(anne.get("/postmottak/app.js"))).isEqualTo("text/javascript;charset=utf-8");
        assertThat(type(anne.get("/postmottak/app.css"))).isEqualTo("text/css;charset=utf-8");
    }

    @Test
    void headGivesTheHeadersWithoutTheBody() throws Exception {
        HttpResponse<byte[]> get = anonymous("GET", "/postmottak/login.html", null);
        HttpResponse<byte[]> head = anonymous("HEAD", "/postmottak/login.html", null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(get.body().length));
        assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
    }

    @Test
    void aKnownTagGets304WithoutABody() throws Exception {
        String etag = anonymous("GET", "/postmottak/app.js", null).headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = anonymous("GET", "/postmottak/app.js", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(anonymous("GET", "/postmottak/app.js", "\"old\"").statusCode()).isEqualTo(200);
    }

    @Test
    void theApiStillAnswersItsOwnPaths() throws Exception {
        HttpResponse<byte[]> me = anne.get("/postmottak/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(TestClient.json(me).get("user").asText()).isEqualTo("anne");
        assertThat(anne.get("/postmottak/api/app.js").statusCode()).isNotEqualTo(200);
    }

    @Test
    void theRootRedirectsToTheInbox() throws Exception {
        for (String path : List.of("/postmottak", "/postmottak/")) {
            HttpResponse<byte[]> r = anne.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/postmottak/inbox.html");
        }
    }

    @Test
    void unknownPathsTraversalAndEncodedSlashesFindNothing() throws Exception {
        List<String> paths = List.of("/postmottak/nope.html", "/postmottak/static/app.js", "/postmottak/static/",
                "/postmottak/app.js/", "/postmottak/%2e%2e/pom.xml", "/postmottak/..%2Fapp.js",
                "/postmottak/login.html%2F..%2F..%2Fpom.xml", "/postmottak/app.js%2Fx", "/postmottak/%2e%2e%2fusers.properties",
                "/postmottak/no/postmottak/web/internal/StaticPages.class", "/postmottak/META-INF/MANIFEST.MF",
                "/postmottak//", "/postmottak/./../users.properties");
        for (String path : paths) {
            HttpResponse<byte[]> r = anne.get(path);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).doesNotContain("<script", "const ",
                    "Manifest-Version", "anne-pw", "<project");
        }
    }

    @Test
    void theFilterJudgesThePathThePagesServletServes() throws Exception {
        // Jetty decodes the slash and removes the dots before both see it: a clerk still gets no admin page.
        assertThat(anne.get("/postmottak/app.js%2F..%2Fadmin.html").statusCode()).isIn(400, 403);
        assertThat(anne.get("/postmottak/app.js/../admin.html").statusCode()).isIn(400, 403);
    }

    /** While Postmottak starts, the pages' servlet is registered before the API's: the page is told to ask again. */
    @Test
    void beforeTheApiIsRegisteredItsPathsTellThePageToAskAgain() throws Exception {
        Server pagesOnly = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.addServlet(new ServletHolder(new StaticPagesServlet()), "/postmottak/*");
        pagesOnly.setHandler(context);
        pagesOnly.start();
        try {
            int port = ((ServerConnector) pagesOnly.getConnectors()[0]).getLocalPort();
            URI base = URI.create("http://127.0.0.1:" + port);
            for (String path : List.of("/postmottak/api/me", "/postmottak/api", "/postmottak/api/items?org=1")) {
                HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).as(path).hasValue("1");
                JsonNode body = TestClient.json(r);
                assertThat(body.get("starting").asBoolean()).as(path).isTrue();
                assertThat(body.get("error").asText()).isEqualTo("Postmottak starter. Prøv igjen om litt.");
            }
            HttpResponse<byte[]> notTheApi = HTTP.send(HttpRequest.newBuilder(base.resolve("/postmottak/apis.html"))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(notTheApi.statusCode()).isEqualTo(404);
        } finally {
            pagesOnly.stop();
        }
    }

    @Test
    void otherMethodsThanGetAndHeadAreRefused() throws Exception {
        HttpResponse<byte[]> r = anne.post("/postmottak/inbox.html", "{}");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    /** Jetty writes the charset in lower case; both are correct. */
    private static String type(HttpResponse<byte[]> r) {
        return r.headers().firstValue("Content-Type").orElseThrow().toLowerCase(java.util.Locale.ROOT);
    }

    /** Without a session: only the public files answer, which is what these tests need. */
    private static HttpResponse<byte[]> anonymous(String method, String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.base().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
