package no.postmottak.archive.noark5.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The simulator over HTTP, as a client sees it: links, login, templates, creates, ETags, lists, uploads. */
class Noark5SimulatorTest {

    private static final String REL = "https://rel.arkivverket.no/noark5/v5/api/";
    private final Noark5Simulator sim = Noark5Simulator.start(Options.defaults("s3cr3t").withPageSize(2)
            .withBulkLimit(1000));
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theRootNeedsNoLoginAndAdvertisesTheLoginMechanisms() throws Exception {
        JsonNode root = json(send("GET", sim.root().toString(), null, null));
        assertThat(root.path("_links").has(REL + "login/oidc/")).isTrue();
        JsonNode oidc = json(send("GET", href(root, REL + "login/oidc/"), null, null));
        assertThat(oidc.path("token_endpoint").asText()).isEqualTo(href(root, REL + "login/rfc6749/"));
        assertThat(send("GET", href(root, REL + "arkivstruktur/"), null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aClientThatBuildsUrlsFromTheSpecGetsNowhere() throws Exception {
        login();
        for (String guess : new String[] {"arkivstruktur/arkiv/", "sakarkiv/saksmappe/", "api/arkivstruktur/arkiv"}) {
            HttpResponse<String> r = send("GET", sim.root() + guess, null, null);
            assertThat(r.statusCode()).as(guess).isEqualTo(404);
            assertThat(json(r).path("feil").path("kode").asInt()).isEqualTo(404);
        }
    }

    @Test
    void templatesCreatesEtagsAndConflicts() throws Exception {
        login();
        String caseId = sim.addCase(2026, 1, "Fordelingssak");
        JsonNode saksmappe = json(send("GET", caseHref(2026, 1), null, null)).path("results").get(0);
        assertThat(saksmappe.path("systemID").asText()).isEqualTo(caseId);
        String ny = href(saksmappe, REL + "sakarkiv/ny-journalpost/");

        JsonNode template = json(send("GET", ny, null, null));
        assertThat(template.path("journalposttype").path("kode").asText()).isEqualTo("I");
        assertThat(template.path("_links").has("self")).isFalse();

        HttpResponse<String> stale = send("POST", ny, "{\"tittel\":\"x\"}", "\"gammel\"");
        assertThat(stale.statusCode()).isEqualTo(409);

        HttpResponse<String> created = send("POST", ny, "{\"tittel\":\"Søknad – Ærøy\"}", null);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode jp = json(created);
        assertThat(created.headers().firstValue("Location")).contains(href(jp, "self"));
        assertThat(created.headers().firstValue("ETag")).isPresent();
        assertThat(jp.path("registreringsID").asText()).isEqualTo("2026/1-1");
        assertThat(jp.path("opprettetAv").asText()).isNotBlank();

        HttpResponse<String> invalid = send("POST", ny, "{\"tittel\":\"\"}", null);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).path("feil").path("beskrivelse").asText()).contains("tittel mangler");
    }

    @Test
    void listsPageWithNext() throws Exception {
        login();
        for (int i = 1; i <= 5; i++) {
            sim.addCase(2026, i, "Sak " + i);
        }
        JsonNode page = json(send("GET", casesLink(), null, null));
        assertThat(page.path("count").asInt()).isEqualTo(5);
        assertThat(page.path("results")).hasSize(2);
        JsonNode second = json(send("GET", href(page, "next"), null, null));
        assertThat(second.path("results").get(0).path("tittel").asText()).isEqualTo("Sak 3");
        JsonNode none = json(send("GET", caseHref(1999, 1), null, null));
        assertThat(none.path("count").asInt()).isZero();
        assertThat(none.has("results")).isFalse();
    }

    @Test
    void largeFilesNeedTheChunkedUploadWhoseRangesMustFollowOn() throws Exception {
        login();
        sim.addCase(2026, 1, "Fordelingssak");
        JsonNode saksmappe = json(send("GET", caseHref(2026, 1), null, null)).path("results").get(0);
        JsonNode jp = json(send("POST", href(saksmappe, REL + "sakarkiv/ny-journalpost/"), "{\"tittel\":\"t\"}", null));
        JsonNode db = json(send("POST", href(jp, REL + "arkivstruktur/ny-dokumentbeskrivelse/"),
                "{\"tittel\":\"d\",\"tilknyttetRegistreringSom\":{\"kode\":\"H\"}}", null));
        JsonNode obj = json(send("POST", href(db, REL + "arkivstruktur/ny-dokumentobjekt/"),
                "{\"versjonsnummer\":1}", null));
        String fil = href(obj, REL + "arkivstruktur/fil/");
        HttpResponse<String> tooBig = http.send(authorized(fil).header("Content-Type", "application/pdf")
                .POST(BodyPublishers.ofByteArray(new byte[1500])).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooBig.statusCode()).isEqualTo(403);

        HttpResponse<String> session = http.send(authorized(fil).header("X-Upload-Content-Type", "application/pdf")
                .header("X-Upload-Content-Length", "1500").POST(BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        String okt = session.headers().firstValue("Location").orElseThrow();
        assertThat(put(okt, "bytes 0-999/1500", 1000).headers().firstValue("Range")).contains("bytes 0-999");
        assertThat(put(okt, "bytes 0-499/1500", 500).statusCode()).isEqualTo(400); // not where it stopped
        HttpResponse<String> done = put(okt, "bytes 1000-1499/1500", 500);
        assertThat(done.statusCode()).isEqualTo(201);
        assertThat(json(done).path("filstoerrelse").asLong()).isEqualTo(1500);
        assertThat(json(done).path("referanseDokumentfil").asText()).isEqualTo(fil);
    }

    @Test
    void expiredTokensAreRefused() throws Exception {
        login();
        String cases = casesLink();
        assertThat(send("GET", cases, null, null).statusCode()).isEqualTo(200);
        sim.expireTokens();
        HttpResponse<String> refused = send("GET", cases, null, null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    }

    private void login() throws Exception {
        JsonNode root = json(send("GET", sim.root().toString(), null, null));
        String basic = Base64.getEncoder().encodeToString("postmottak:s3cr3t".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(href(root, REL + "login/rfc6749/")))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        token = json(r).path("access_token").asText();
        assertThat(token).isNotBlank();
    }

    private String casesLink() throws Exception {
        JsonNode root = json(send("GET", sim.root().toString(), null, null));
        JsonNode sakarkiv = json(send("GET", href(root, REL + "sakarkiv/"), null, null));
        return href(sakarkiv, REL + "sakarkiv/saksmappe/").replaceAll("\\{.*}", "");
    }

    private String caseHref(int year, int seq) throws Exception {
        return casesLink() + "?$filter=" + URLEncoder.encode("saksaar eq " + year + " and sakssekvensnummer eq "
                + seq, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> put(String session, String range, int bytes) throws Exception {
        return http.send(authorized(session).header("Content-Type", "application/pdf").header("Content-Range", range)
                .PUT(BodyPublishers.ofByteArray(new byte[bytes])).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorized(String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/vnd.noark5+json");
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(String method, String url, String body, String ifMatch) throws Exception {
        HttpRequest.Builder b = authorized(url);
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        if (body != null) {
            b.header("Content-Type", "application/vnd.noark5+json");
        }
        return http.send(b.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return N5Api.JSON.readTree(r.body());
    }

    private static String href(JsonNode o, String rel) {
        return o.path("_links").path(rel).path("href").asText();
    }
}
