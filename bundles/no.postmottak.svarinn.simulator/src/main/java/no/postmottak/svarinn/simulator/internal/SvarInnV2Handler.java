package no.postmottak.svarinn.simulator.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import no.postmottak.simulator.http.Request;
import no.postmottak.simulator.http.Response;
import no.postmottak.simulator.http.SimHttpServer;
import no.postmottak.simulator.http.StatusException;
import no.postmottak.svarinn.simulator.ServerKnobs.Failure;
import no.postmottak.svarinn.simulator.ServerKnobs.Operation;

/**
 * SvarInn V2 under {@code <base>/v2/forsendelser}: the list capped at {@value #PAGE}, the download, and one {@code
 * PATCH …/status} whose body is checked as SvarUt checks it (400 for an unknown status, FEILET without {@code feil},
 * a {@code permanent} that is not a boolean). State changes, download and knobs are V1's ({@link SvarInnHandler}).
 */
final class SvarInnV2Handler {

    static final int PAGE = 200;
    private static final String FORSENDELSER = "/v2/forsendelser";

    private final String basePath;
    private final SvarInnHandler v1;
    private final ForsendelseStore store;
    private final ForsendelseJson json;
    private final ForsendelseJsonV2 v2json;
    private final ObjectMapper mapper;

    SvarInnV2Handler(String basePath, SvarInnHandler v1, ForsendelseStore store, ObjectMapper mapper) {
        this.basePath = basePath;
        this.v1 = v1;
        this.store = store;
        this.json = new ForsendelseJson(mapper);
        this.v2json = new ForsendelseJsonV2(mapper);
        this.mapper = mapper;
    }

    SimHttpServer.Builder addTo(SimHttpServer.Builder server) {
        return server.route("GET", basePath + FORSENDELSER, this::list)
                .route("GET", basePath + FORSENDELSER + "/{id}", v1::download)
                .route("PATCH", basePath + FORSENDELSER + "/{id}/status", this::status);
    }

    private void list(Request req, Response res) throws IOException {
        if (v1.failedBefore(res, Operation.LIST)) {
            return;
        }
        ArrayNode array = mapper.createArrayNode();
        for (StoredForsendelse f : store.waitingFor(req.principal(), PAGE)) {
            String link = "http://" + req.authority() + basePath + FORSENDELSER + "/" + f.id;
            array.add(v2json.write(json.write(f, link), f, link));
        }
        res.send(200, "application/json", mapper.writeValueAsBytes(array));
    }

    /** {@code {"status":"MOTTATT"}} or {@code {"status":"FEILET","feil":{"feilmelding":…,"permanent":…}}}. */
    private void status(Request req, Response res) throws IOException {
        JsonNode body;
        try {
            body = mapper.readTree(req.text());
        } catch (JsonProcessingException e) {
            throw new StatusException(400, "body is not JSON");
        }
        String status = body == null ? "" : body.path("status").asText("");
        String id = req.param("id");
        if (status.equals("MOTTATT")) {
            v1.kvitter(req, res, id);
            return;
        }
        if (!status.equals("FEILET")) {
            throw new StatusException(400, "status must be MOTTATT or FEILET, was '" + status + "'");
        }
        JsonNode feil = body.path("feil");
        if (!feil.isObject()) {
            throw new StatusException(400, "FEILET requires feil {feilmelding, permanent}");
        }
        if (!feil.path("feilmelding").isTextual() || feil.path("feilmelding").asText().isBlank()
                || !feil.path("permanent").isBoolean()) {
            throw new StatusException(400, "feil must be {\"feilmelding\": <string>, \"permanent\": <boolean>}");
        }
        Failure failure = v1.consumeFeilet(res);
        if (failure == null || failure.afterApplying()) {
            v1.feilet(req, res, id, feil.get("feilmelding").asText(), feil.get("permanent").asBoolean(), failure);
        }
    }
}
