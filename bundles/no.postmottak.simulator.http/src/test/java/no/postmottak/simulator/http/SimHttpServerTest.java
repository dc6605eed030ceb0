package no.postmottak.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every behaviour through a real client on loopback, as simulators' users see it. */
class SimHttpServerTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SimHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString());
    }

    @Test
    void routesByMethodAndPatternWithParametersAndQuery() throws Exception {
        server = SimHttpServer.builder("test")
                .route("GET", "/api/{tenant}/sak/{id}", (req, res) -> res.json(200, "{\"tenant\":\"" + req.param("tenant")
                        + "\",\"id\":\"" + req.param("id") + "\",\"q\":\"" + req.query("vis") + "\"}"))
                .route("GET", "/hvor", (req, res) -> res.text(200, req.authority() + " " + req.query("ingen")))
                .route("POST", "/api/{tenant}/sak/{id}", (req, res) -> res.text(201, "laget " + req.text()))
                .route("DELETE", "/api/{tenant}/sak/{id}", (req, res) -> res.empty(204))
                .start();
        HttpResponse<String> r = get("/api/fjordvik/sak/42?vis=alt%20n%C3%A5");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).isEqualTo("{\"tenant\":\"fjordvik\",\"id\":\"42\",\"q\":\"alt nå\"}");

        HttpResponse<String> created = post("/api/fjordvik/sak/42", "brev".getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(created.body()).isEqualTo("laget brev");

        assertThat(get("/hvor").body()).isEqualTo("127.0.0.1:" + server.port() + " null");
        assertThat(get("/api/fjordvik/sak").statusCode()).isEqualTo(404);
        assertThat(get("/api/fjordvik/sak/").statusCode()).as("an empty parameter does not match").isEqualTo(404);
        HttpResponse<String> unknown = get("/finnes/ikke");
        assertThat(unknown.body()).isEqualTo("{\"message\":\"unknown path GET /finnes/ikke\"}");

        HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(URI.create(server.baseUri()
                + "/api/fjordvik/sak/42")).PUT(BodyPublishers.noBody()).build(), BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("DELETE, GET, POST");
    }

    @Test
    void bodiesAreBoundedByTheServerOrTheCall() throws Exception {
        server = SimHttpServer.builder("test").maxBody(1000)
                .route("POST", "/stor", (req, res) -> res.text(200, Integer.toString(req.body().length)))
                .route("POST", "/liten", (req, res) -> res.text(200, req.text(10)))
                .start();
        assertThat(post("/stor", new byte[1000]).body()).isEqualTo("1000");
        HttpResponse<String> tooLarge = post("/stor", new byte[1001]);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("larger than 1000 bytes");
        assertThat(post("/liten", "0123456789".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        assertThat(post("/liten", "0123456789A".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(413);
        // chunked, so no Content-Length to refuse up front: the limit holds while reading
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/stor"))
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[5000]))).build(),
                BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
    }

    @Test
    void basicGuardCoversItsPrefixAndNamesTheUser() throws Exception {
        server = SimHttpServer.builder("test")
                .guard("/svarinn", Auth.basic("KS Svarut mottaker login",
                        (user, password) -> user.equals("arkiv") && Auth.sameSecret("hemmelig-æøå", password)))
                .route("GET", "/svarinn/liste", (req, res) -> res.text(200, "hei " + req.principal()))
                .route("GET", "/svarinnfri", (req, res) -> res.text(200, "åpen"))
                .start();
        String good = basic("arkiv", "hemmelig-æøå");
        assertThat(get("/svarinn/liste", "Authorization", good).body()).isEqualTo("hei arkiv");
        for (String bad : new String[] {basic("arkiv", "feil"), basic("andre", "hemmelig-æøå"), "Basic ???",
                "Bearer x"}) {
            HttpResponse<String> r = get("/svarinn/liste", "Authorization", bad);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"KS Svarut mottaker login\"");
            assertThat(r.body()).doesNotContain("hemmelig");
        }
        assertThat(get("/svarinn/finnes-ikke").statusCode()).as("guards run before routing").isEqualTo(401);
        assertThat(get("/svarinn/finnes-ikke", "Authorization", good).statusCode()).isEqualTo(404);
        assertThat(get("/svarinnfri").statusCode()).as("a prefix covers whole segments").isEqualTo(200);
    }

    @Test
    void bearerGuard() throws Exception {
        server = SimHttpServer.builder("test")
                .guard("/api/", Auth.bearer("gyldig"::equals))
                .route("GET", "/api/test", (req, res) -> res.json(200, "\"OK\""))
                .start();
        assertThat(get("/api/test", "Authorization", "Bearer gyldig").statusCode()).isEqualTo(200);
        HttpResponse<String> r = get("/api/test", "Authorization", "Bearer utløpt");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(get("/api/test").statusCode()).isEqualTo(401);
    }

    @Test
    void failNextAnswersTheNextRequestsThenNormal() throws Exception {
        server = ok();
        server.knobs().failNext(503, 2);
        HttpResponse<String> first = get("/ok");
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).isEqualTo("{\"message\":\"Simulert feil 503\"}");
        assertThat(get("/finnes/ikke").statusCode()).as("on any path").isEqualTo(503);
        assertThat(get("/ok").statusCode()).isEqualTo(200);
    }

    @Test
    void holdNextKeepsRequestsUnansweredUntilReleased() throws Exception {
        server = ok();
        server.knobs().holdNext(2);
        HttpRequest hasty = HttpRequest.newBuilder(URI.create(server.baseUri() + "/ok"))
                .timeout(Duration.ofMillis(300)).build();
        assertThatThrownBy(() -> http.send(hasty, BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);

        CompletableFuture<HttpResponse<String>> patient = http.sendAsync(HttpRequest.newBuilder(
                URI.create(server.baseUri() + "/ok")).build(), BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> server.knobs().holding() == 2);
        assertThat(patient).isNotDone();
        server.knobs().releaseHeld();
        assertThat(patient.get().statusCode()).isEqualTo(503);
        assertThat(patient.get().body()).isEqualTo("held request released");
        assertThat(get("/ok").statusCode()).isEqualTo(200);

        server.knobs().holdNext(1);
        server.knobs().releaseHeld(); // an unused hold does not catch a later request
        assertThat(get("/ok").statusCode()).isEqualTo(200);
    }

    @Test
    void streamsChunkedWithBoundedMemoryOrWithALength() throws Exception {
        long size = 64L * 1024 * 1024;
        AtomicLong produced = new AtomicLong();
        server = SimHttpServer.builder("test")
                .route("GET", "/stor", (req, res) -> {
                    res.header("Content-Disposition", "attachment; filename=\"stor.bin\"");
                    try (OutputStream out = res.stream(200, "application/octet-stream", Response.CHUNKED)) {
                        byte[] block = new byte[64 * 1024];
                        for (long sent = 0; sent < size; sent += block.length) {
                            out.write(block);
                            produced.addAndGet(block.length);
                        }
                    }
                })
                .route("GET", "/kjent", (req, res) -> {
                    try (OutputStream out = res.stream(200, "application/octet-stream", 3)) {
                        out.write(new byte[] {1, 2, 3});
                    }
                })
                .start();
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/stor")).build(),
                BodyHandlers.ofInputStream());
        assertThat(r.headers().firstValue("Content-Length")).isEmpty();
        assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"stor.bin\"");
        try (InputStream in = r.body()) {
            in.readNBytes(1024 * 1024);
            // the client stopped reading: a streaming server is blocked on the socket, far from the end
            assertThat(produced.get()).isLessThan(size / 2);
            assertThat(in.transferTo(OutputStream.nullOutputStream()) + 1024 * 1024).isEqualTo(size);
        }
        HttpResponse<byte[]> known = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/kjent")).build(),
                BodyHandlers.ofByteArray());
        assertThat(known.headers().firstValue("Content-Length")).hasValue("3");
        assertThat(known.body()).containsExactly(1, 2, 3);
    }

    @Test
    void failuresInHandlersAnswerInTheServersErrorFormat() throws Exception {
        server = SimHttpServer.builder("test")
                .errors((req, status, message) -> "{\"status\":" + status + ",\"error\":\""
                        + ErrorFormat.reasonPhrase(status) + "\",\"path\":\"" + req.path() + "\",\"message\":\""
                        + message + "\"}")
                .route("GET", "/ugyldig", (req, res) -> {
                    throw new StatusException(400, "Tittel mangler");
                })
                .route("GET", "/krasj", (req, res) -> {
                    throw new IllegalStateException("oi");
                })
                .route("GET", "/glemt", (req, res) -> { })
                .start();
        assertThat(get("/ugyldig").body())
                .isEqualTo("{\"status\":400,\"error\":\"Bad Request\",\"path\":\"/ugyldig\",\"message\":\"Tittel mangler\"}");
        HttpResponse<String> crash = get("/krasj");
        assertThat(crash.statusCode()).isEqualTo(500);
        assertThat(crash.body()).contains("simulator error: oi");
        assertThat(get("/glemt").statusCode()).isEqualTo(500);
        assertThat(get("/krasj").statusCode()).as("the server lives on").isEqualTo(500);
    }

    @Test
    void defaultErrorFormatQuotesTheMessage() {
        assertThat(ErrorFormat.MESSAGE.render(null, 400, "\"sitat\"\\\n\u0001"))
                .isEqualTo("{\"message\":\"\\\"sitat\\\"\\\\\\n\\u0001\"}");
    }

    @Test
    void listensOnTheGivenPortAndFreesItOnClose() throws Exception {
        server = ok();
        int port = server.port();
        assertThat(server.baseUri()).hasToString("http://127.0.0.1:" + port);
        assertThatThrownBy(() -> SimHttpServer.builder("andre").port(port).start())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("127.0.0.1:" + port);
        server.close();
        server = SimHttpServer.builder("igjen").port(port).route("GET", "/ok", (req, res) -> res.empty(204)).start();
        assertThat(get("/ok").statusCode()).isEqualTo(204);
    }

    private SimHttpServer ok() {
        return SimHttpServer.builder("test").route("GET", "/ok", (req, res) -> res.text(200, "ok")).start();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
