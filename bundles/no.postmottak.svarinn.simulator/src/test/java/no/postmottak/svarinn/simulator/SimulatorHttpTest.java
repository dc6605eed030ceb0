package no.postmottak.svarinn.simulator;

import static no.postmottak.svarinn.simulator.TestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import no.postmottak.svarinn.simulator.Mottakersystem.Registrering;
import no.postmottak.svarinn.simulator.ServerKnobs.Operation;
import no.postmottak.svarinn.simulator.internal.DemoKeys;

class SimulatorHttpTest {
    static final String ORG = "921123450";
    static final String USER = "7d0c1f2e-0000-4000-8000-000000000001";
    static final String PASS = "hemmelig-1";
    static DemoKeys.KeyAndCertificate keys;

    SvarInnSimulator sim;

    @BeforeAll
    static void keys() {
        keys = TestSupport.keys("Mottaker");
    }

    @BeforeEach
    void start() {
        sim = SvarInnSimulator.start(0);
        sim.addMottakersystem(Mottakersystem.of("Arkiv", USER, PASS, keys.certificate(), ORG));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String add(ForsendelseSpec.Builder b) {
        return sim.addForsendelse(b.build());
    }

    private ForsendelseSpec.Builder forsendelse() {
        return ForsendelseSpec.builder().mottaker(ORG, "Fjordvik kommune").dokument(text("a.txt", "hei"));
    }

    @Test
    void missingOrWrongCredentialsGive401WithChallenge() throws Exception {
        URI uri = URI.create(sim.baseUri() + "/mottaker/hentNyeForsendelser");
        for (HttpResponse<String> r : List.of(get(uri, null, null), get(uri, USER, "feil"), get(uri, "ukjent", PASS))) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"KS Svarut mottaker login\"");
            assertThat(r.body()).doesNotContain(PASS);
        }
    }

    @Test
    void listIsJsonAsSvarUtWritesIt() throws Exception {
        Instant date = Instant.parse("2024-06-17T07:30:25.123Z");
        String id = add(forsendelse().date(date).niva("4").tittel("Vedtak – gnr 12 bnr 345")
                .avleverende(new AvleverendeMetadata(1234, 2024, 2024, 20567, 7, "U", "E", date, date, "T", "Kari",
                        Map.of("fagsystemRef", "BYGG-1")))
                .forImport(new ImportMetadata(412, 2024, "I", null,
                        OffsetDateTime.of(2024, 6, 17, 0, 0, 0, 0, ZoneOffset.ofHours(2)), null))
                .lenke(new Lenke("Se også", "https://example.no", "Plan")));
        HttpResponse<String> r = get(URI.create(sim.baseUri() + "/mottaker/hentNyeForsendelser"), USER, PASS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode f = MAPPER.readTree(r.body()).get(0);
        assertThat(f.get("id").asText()).isEqualTo(id);
        assertThat(f.get("niva").isTextual()).isTrue();
        assertThat(f.get("niva").asText()).isEqualTo("4");
        assertThat(f.get("date").isIntegralNumber()).isTrue();
        assertThat(f.get("date").asLong()).isEqualTo(date.toEpochMilli());
        assertThat(f.get("status").asText()).isEqualTo("Klar for mottak");
        assertThat(f.get("avsender").has("adresselinje1")).isTrue();
        assertThat(f.get("mottaker").get("orgnr").asText()).isEqualTo(ORG);
        assertThat(f.get("svarSendesTil").isNull()).isTrue();
        JsonNode fra = f.get("metadataFraAvleverendeSystem");
        assertThat(fra.get("journaldato").asLong()).isEqualTo(date.toEpochMilli());
        assertThat(fra.get("ekstraMetadata").get(0).get("key").asText()).isEqualTo("fagsystemRef");
        assertThat(f.get("metadataForImport").get("dokumentetsDato").asText()).isEqualTo("2024-06-17T00:00:00.000+02:00");
        JsonNode fil = f.get("filmetadata").get(0);
        assertThat(fil.get("filnavn").asText()).isEqualTo("a.txt");
        assertThat(fil.get("sha256hash").asText()).isEqualTo(sha256("hei".getBytes()));
        assertThat(fil.get("size").asLong()).isEqualTo(3);
        assertThat(f.get("lenker").get(0).get("urlTekst").asText()).isEqualTo("Plan");
        assertThat(f.get("downloadUrl").asText()).isEqualTo(sim.baseUri() + "/forsendelse/" + id);
        List<String> order = iterable(f.fieldNames());
        assertThat(order).startsWith("id", "tittel", "date", "status", "niva").endsWith("lenker", "downloadUrl");
    }

    @Test
    void kvitterMottakRemovesFromListAndIsIdempotentUnlessStrict() throws Exception {
        String id = add(forsendelse());
        String other = add(forsendelse());
        assertThat(post(kvitter(sim, id), USER, PASS, null).statusCode()).isEqualTo(200);
        assertThat(ids(list(sim, USER, PASS))).containsExactly(other);
        assertThat(sim.forsendelse(id).orElseThrow().status()).isEqualTo(ForsendelseStatus.LEST);
        assertThat(post(kvitter(sim, id), USER, PASS, null).statusCode()).isEqualTo(200);
        sim.knobs().strictKvittering(true);
        assertThat(post(kvitter(sim, id), USER, PASS, null).statusCode()).isEqualTo(404);
        assertThat(post(kvitter(sim, "ukjent-id"), USER, PASS, null).statusCode()).isEqualTo(404);
        assertThat(getBytes(URI.create(sim.baseUri() + "/forsendelse/" + id), USER, PASS).statusCode()).isEqualTo(404);
    }

    @Test
    void temporaryFailureStaysAndPermanentFailureLeaves() throws Exception {
        String id = add(forsendelse());
        var r = post(mottakFeilet(sim, id), USER, PASS, "{\"feilmelding\":\"Arkivet er nede\",\"permanent\":false}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ids(list(sim, USER, PASS))).containsExactly(id);
        r = post(mottakFeilet(sim, id), USER, PASS, "{\"feilmelding\":\"Kan ikke tas imot\",\"permanent\":true}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(list(sim, USER, PASS)).isEmpty();
        ForsendelseState s = sim.forsendelse(id).orElseThrow();
        assertThat(s.status()).isEqualTo(ForsendelseStatus.SENDT_ANNEN_KANAL);
        assertThat(s.feil()).extracting(MottakFeilet::feilmelding, MottakFeilet::permanent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Arkivet er nede", false),
                        org.assertj.core.groups.Tuple.tuple("Kan ikke tas imot", true));
        assertThat(post(mottakFeilet(sim, id), USER, PASS, "{\"permanent\":true}").statusCode()).isEqualTo(400);
        assertThat(post(mottakFeilet(sim, id), USER, PASS, "ikke json").statusCode()).isEqualTo(400);
    }

    @Test
    void mostSpecificRegistrationWins() throws Exception {
        String fag = "8b1e0000-0000-4000-8000-00000000000f";
        String niva4 = "8b1e0000-0000-4000-8000-000000000004";
        sim.addMottakersystem(new Mottakersystem("Fagsystem", fag, "p", keys.certificate(),
                List.of(new Registrering(ORG, "ks.byggesøknad", null))));
        sim.addMottakersystem(new Mottakersystem("Nivå 4", niva4, "p", keys.certificate(),
                List.of(new Registrering(ORG, null, "4"))));
        String vanlig = add(forsendelse());
        String bygg = add(forsendelse().forsendelseType("ks.byggesøknad").niva("4"));
        String sikker = add(forsendelse().niva("4"));
        String annenOrg = add(ForsendelseSpec.builder().mottaker("999888777", "Annen").dokument(text("x", "y")));
        assertThat(ids(list(sim, USER, PASS))).containsExactly(vanlig);
        assertThat(ids(list(sim, fag, "p"))).containsExactly(bygg);
        assertThat(ids(list(sim, niva4, "p"))).containsExactly(sikker);
        assertThat(sim.forsendelse(annenOrg).orElseThrow().synligFor()).isEmpty();
    }

    @Test
    void sameForsendelseThroughTwoAccounts() throws Exception {
        String second = "2222aaaa-0000-4000-8000-000000000002";
        sim.addMottakersystem(Mottakersystem.of("Gammel installasjon", second, "p2", keys.certificate(), "111111111"));
        String id = add(forsendelse().synligOgsaFor(second));
        assertThat(ids(list(sim, USER, PASS))).containsExactly(id);
        assertThat(ids(list(sim, second, "p2"))).containsExactly(id);
        assertThat(post(kvitter(sim, id), second, "p2", null).statusCode()).isEqualTo(200);
        assertThat(list(sim, USER, PASS)).isEmpty();
        assertThat(sim.forsendelse(id).orElseThrow().synligFor()).containsExactly(USER, second);
    }

    @Test
    void listFailuresAndRateLimitAreConsumedThenNormal() throws Exception {
        add(forsendelse());
        URI uri = URI.create(sim.baseUri() + "/mottaker/hentNyeForsendelser");
        sim.knobs().failNext(Operation.LIST, 503, 2);
        assertThat(get(uri, USER, PASS).statusCode()).isEqualTo(503);
        assertThat(get(uri, USER, PASS).statusCode()).isEqualTo(503);
        assertThat(get(uri, USER, PASS).statusCode()).isEqualTo(200);
        sim.knobs().rateLimitNext(Operation.LIST, 1, Duration.ofSeconds(7));
        HttpResponse<String> r = get(uri, USER, PASS);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(get(uri, USER, PASS).statusCode()).isEqualTo(200);
        sim.knobs().failNext(Operation.LIST, 502, Integer.MAX_VALUE);
        assertThat(get(uri, USER, PASS).statusCode()).isEqualTo(502);
        assertThat(get(uri, USER, PASS).statusCode()).isEqualTo(502);
        sim.knobs().clear();
        assertThat(get(uri, USER, PASS).statusCode()).isEqualTo(200);
        sim.knobs().listContentType("text/plain; charset=utf-8"); // as KS's own fake server
        assertThat(get(uri, USER, PASS).headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    }

    @Test
    void kvitterFailingAfterApplyingStillRemovesIt() throws Exception {
        String id = add(forsendelse());
        sim.knobs().failAfterApplying(Operation.KVITTER_MOTTAK, 1);
        assertThat(post(kvitter(sim, id), USER, PASS, null).statusCode()).isEqualTo(500);
        assertThat(list(sim, USER, PASS)).isEmpty();
        assertThat(sim.forsendelse(id).orElseThrow().status()).isEqualTo(ForsendelseStatus.LEST);
    }

    @Test
    void downloadFailureKnob() throws Exception {
        String id = add(forsendelse());
        sim.knobs().failNext(Operation.DOWNLOAD, 500, 1);
        URI uri = URI.create(sim.baseUri() + "/forsendelse/" + id);
        assertThat(getBytes(uri, USER, PASS).statusCode()).isEqualTo(500);
        assertThat(getBytes(uri, USER, PASS).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsWrongMethodsAndForeignIds() throws Exception {
        String foreign = add(ForsendelseSpec.builder().mottaker("999888777", "Annen").dokument(text("x", "y")));
        assertThat(get(URI.create(sim.baseUri() + "/mottaker/finnesIkke"), USER, PASS).statusCode()).isEqualTo(404);
        assertThat(post(URI.create(sim.baseUri() + "/mottaker/hentNyeForsendelser"), USER, PASS, null).statusCode())
                .isEqualTo(405);
        assertThat(getBytes(URI.create(sim.baseUri() + "/forsendelse/" + foreign), USER, PASS).statusCode())
                .isEqualTo(404);
        assertThat(post(kvitter(sim, foreign), USER, PASS, null).statusCode()).isEqualTo(404);
        assertThat(sim.forsendelse(foreign).orElseThrow().status()).isEqualTo(ForsendelseStatus.KLAR_FOR_MOTTAK);
    }

    @Test
    void stateEndpointShowsStateButNoPasswords() throws Exception {
        String id = add(forsendelse());
        post(mottakFeilet(sim, id), USER, PASS, "{\"feilmelding\":\"midlertidig\",\"permanent\":false}");
        HttpResponse<String> r = get(URI.create("http://127.0.0.1:" + sim.port() + "/_simulator/state"), null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(PASS);
        JsonNode f = MAPPER.readTree(r.body()).get("forsendelser").get(0);
        assertThat(f.get("id").asText()).isEqualTo(id);
        assertThat(f.get("status").asText()).isEqualTo("KLAR_FOR_MOTTAK");
        assertThat(f.get("feil").get(0).get("feilmelding").asText()).isEqualTo("midlertidig");
        assertThat(Mottakersystem.of("x", USER, PASS, keys.certificate(), ORG).toString()).doesNotContain(PASS);
    }

    @Test
    void configurableBasePath() throws Exception {
        try (SvarInnSimulator other = SvarInnSimulator.start(new SimulatorOptions("127.0.0.1", 0, "/svarinn/")) ) {
            other.addMottakersystem(Mottakersystem.of("Arkiv", USER, PASS, keys.certificate(), ORG));
            String id = other.addForsendelse(forsendelse().build());
            assertThat(other.baseUri().getPath()).isEqualTo("/svarinn");
            JsonNode l = list(other, USER, PASS);
            assertThat(l.get(0).get("downloadUrl").asText()).isEqualTo(other.baseUri() + "/forsendelse/" + id);
        }
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new java.util.ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    /** SvarInn V2 on the same simulator: its model, the capped list, the status endpoint, one state with V1. */
    @Nested
    class V2 {

        private JsonNode list() throws Exception {
            HttpResponse<String> r = TestSupport.get(URI.create(sim.baseUri() + "/v2/forsendelser"), USER, PASS);
            assertThat(r.statusCode()).isEqualTo(200);
            return MAPPER.readTree(r.body());
        }

        private HttpResponse<String> patch(String id, String body) throws Exception {
            return HTTP.send(request(URI.create(sim.baseUri() + "/v2/forsendelser/" + id + "/status"), USER, PASS)
                    .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        @Test
        void listsTheV2ModelAndServesTheFileByItsLink() throws Exception {
            String id = add(forsendelse().tittel("Taushetsbelagt vedtak").niva("4").taushetsbelagt(true)
                    .avgivendeSystem("EDIALOG").forsendelseType("Innkommende dokument")
                    .forImport(new ImportMetadata(412, 2024, "I", "M", OffsetDateTime.parse("2026-02-27T00:00:00+01:00"),
                            "Svar")));

            JsonNode f = list().get(0);

            assertThat(f.get("id").asText()).isEqualTo(id);
            assertThat(f.get("sikkerhetsniva").asText()).isEqualTo("HOYESTE");
            assertThat(f.get("taushetsbelagtPost").asBoolean()).isTrue();
            assertThat(f.get("avgivendeSystem").asText()).isEqualTo("EDIALOG");
            assertThat(f.get("type").asText()).isEqualTo("Innkommende dokument");
            assertThat(f.get("dato").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*[+-]\\d\\d:\\d\\d");
            assertThat(f.get("mottaker").get("organisasjonsnummer").asText()).isEqualTo(ORG);
            assertThat(f.get("metadataForImport").get("mappeId").get("saksaar").asInt()).isEqualTo(2024);
            assertThat(f.get("filer").get(0).get("mimeType").asText()).isEqualTo("text/plain");
            assertThat(f.get("filer").get(0).get("hash").asText()).hasSize(64);
            assertThat(f.has("downloadUrl") || f.has("filmetadata") || f.has("niva")).isFalse();
            String link = f.get("nedlastingslenke").asText();
            assertThat(link).endsWith("/v2/forsendelser/" + id);
            HttpResponse<byte[]> file = getBytes(URI.create(link), USER, PASS);
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(decryptAll(file.body(), keys.privateKey())).isNotEmpty();
        }

        @Test
        void theListIsCappedAt200AndOneStateServesBothVersions() throws Exception {
            for (int i = 0; i < 230; i++) {
                add(forsendelse().tittel("nr " + i));
            }
            JsonNode first = list();
            assertThat(first).hasSize(200);

            String viaV2 = first.get(0).get("id").asText();
            assertThat(patch(viaV2, "{\"status\":\"MOTTATT\"}").statusCode()).isEqualTo(200);
            String viaV1 = first.get(1).get("id").asText();
            assertThat(post(TestSupport.kvitter(sim, viaV1), USER, PASS, null).statusCode()).isEqualTo(200);

            assertThat(TestSupport.list(sim, USER, PASS)).as("V1 no longer lists what V2 acknowledged").hasSize(228)
                    .noneMatch(n -> n.get("id").asText().equals(viaV2));
            assertThat(list()).hasSize(200).noneMatch(n -> n.get("id").asText().equals(viaV1));
            assertThat(sim.forsendelse(viaV2).orElseThrow().status()).isEqualTo(ForsendelseStatus.LEST);
        }

        @Test
        void aStatusBodySvarUtWouldRejectIs400AndChangesNothing() throws Exception {
            String id = add(forsendelse());
            for (String bad : new String[] {"{\"status\":\"LEST\"}", "{}", "ikke json", "{\"status\":\"FEILET\"}",
                    "{\"status\":\"FEILET\",\"feil\":{\"feilmelding\":\"x\",\"permanent\":\"true\"}}",
                    "{\"status\":\"FEILET\",\"feil\":{\"permanent\":true}}"}) {
                assertThat(patch(id, bad).statusCode()).as(bad).isEqualTo(400);
            }
            ForsendelseState state = sim.forsendelse(id).orElseThrow();
            assertThat(state.status()).isEqualTo(ForsendelseStatus.KLAR_FOR_MOTTAK);
            assertThat(state.feil()).isEmpty();

            assertThat(patch(id, "{\"status\":\"FEILET\",\"feil\":{\"feilmelding\":\"skadet\",\"permanent\":false}}")
                    .statusCode()).isEqualTo(200);
            assertThat(sim.forsendelse(id).orElseThrow().feil()).singleElement()
                    .satisfies(f -> assertThat(f.permanent()).isFalse());
            assertThat(patch(id, "{\"status\":\"FEILET\",\"feil\":{\"feilmelding\":\"skadet\",\"permanent\":true}}")
                    .statusCode()).isEqualTo(200);
            assertThat(sim.forsendelse(id).orElseThrow().status()).isEqualTo(ForsendelseStatus.SENDT_ANNEN_KANAL);
        }

        @Test
        void theKnobsActOnV2Too() throws Exception {
            String id = add(forsendelse());
            sim.knobs().failNext(Operation.LIST, 503, 1);
            assertThat(TestSupport.get(URI.create(sim.baseUri() + "/v2/forsendelser"), USER, PASS).statusCode())
                    .isEqualTo(503);
            sim.knobs().failAfterApplying(Operation.KVITTER_MOTTAK, 1);
            assertThat(patch(id, "{\"status\":\"MOTTATT\"}").statusCode()).isEqualTo(500);
            assertThat(sim.forsendelse(id).orElseThrow().status()).as("applied before the 500")
                    .isEqualTo(ForsendelseStatus.LEST);
            assertThat(list()).isEmpty();
        }
    }
}
