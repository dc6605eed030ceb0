package no.postmottak.svarinn.simulator;

import static no.postmottak.svarinn.simulator.TestSupport.HTTP;
import static no.postmottak.svarinn.simulator.TestSupport.MAPPER;
import static no.postmottak.svarinn.simulator.TestSupport.decryptAll;
import static no.postmottak.svarinn.simulator.TestSupport.getBytes;
import static no.postmottak.svarinn.simulator.TestSupport.post;
import static no.postmottak.svarinn.simulator.TestSupport.request;
import static no.postmottak.svarinn.simulator.TestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import no.postmottak.svarinn.simulator.ServerKnobs.Operation;
import no.postmottak.svarinn.simulator.internal.DemoKeys;

/** SvarInn V2 on the simulator: its model, the capped list, the status endpoint, and one state with V1. */
class SimulatorV2HttpTest {
    static final String ORG = "921123450";
    static final String USER = "7d0c1f2e-0000-4000-8000-000000000002";
    static final String PASS = "hemmelig-2";
    static DemoKeys.KeyAndCertificate keys;

    SvarInnSimulator sim;

    @BeforeAll
    static void keys() {
        keys = TestSupport.keys("Mottaker V2");
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
