package no.postmottak.svarinn.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.simulator.http.Auth;
import no.postmottak.simulator.http.ErrorFormat;
import no.postmottak.simulator.http.Request;
import no.postmottak.simulator.http.Response;
import no.postmottak.simulator.http.SimHttpServer;
import no.postmottak.simulator.http.StatusException;
import no.postmottak.svarinn.simulator.Fault;
import no.postmottak.svarinn.simulator.Mottakersystem;
import no.postmottak.svarinn.simulator.ServerKnobs;
import no.postmottak.svarinn.simulator.ServerKnobs.Failure;
import no.postmottak.svarinn.simulator.ServerKnobs.Operation;

/**
 * The four SvarInn v1 endpoints (spec §4.1–4.4) under the base path, behind HTTP Basic per mottakersystem. The V2
 * endpoints ({@link SvarInnV2Handler}) share the state changes and the download, so both versions serve one state.
 */
final class SvarInnHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SvarInnHandler.class);
    /** The realm KS's own SvarUt test double announces (the production realm is undocumented). */
    static final String REALM = "KS Svarut mottaker login";
    private static final String DOWNLOAD = "/forsendelse/";
    private static final int SEND_BUFFER_BYTES = 256 * 1024;

    private final String basePath;
    private final ForsendelseStore store;
    private final ServerKnobs knobs;
    private final ForsendelseJson json;
    private final PayloadWriter payloads;
    private final Supplier<X509Certificate> wrongRecipient;
    private final ObjectMapper mapper;

    SvarInnHandler(String basePath, ForsendelseStore store, ServerKnobs knobs, ObjectMapper mapper,
                   PayloadWriter payloads, Supplier<X509Certificate> wrongRecipient) {
        this.basePath = basePath;
        this.store = store;
        this.knobs = knobs;
        this.json = new ForsendelseJson(mapper);
        this.payloads = payloads;
        this.wrongRecipient = wrongRecipient;
        this.mapper = mapper;
    }

    /** Adds the V1 and V2 endpoints, their Basic guard and SvarUt's error format to a server. */
    SimHttpServer.Builder addTo(SimHttpServer.Builder server) {
        new SvarInnV2Handler(basePath, this, store, mapper).addTo(server);
        return server.errors(this::fiksError)
                .guard(basePath, Auth.basic(REALM, (user, password) -> store.system(user)
                        .filter(m -> Auth.sameSecret(m.passord(), password)).isPresent()))
                .route("GET", basePath + "/mottaker/hentNyeForsendelser", this::list)
                .route("GET", basePath + DOWNLOAD + "{id}", this::download)
                .route("POST", basePath + "/kvitterMottak/forsendelse/{id}", this::kvitter)
                .route("POST", basePath + "/mottakFeilet/forsendelse/{id}", this::mottakFeilet);
    }

    /** An error body shaped like Fiks' ErrorMessage (the SvarInn v1 error format is undocumented). */
    private String fiksError(Request req, int status, String message) {
        return mapper.createObjectNode().put("timestamp", Instant.now().toEpochMilli()).put("status", status)
                .put("error", ErrorFormat.reasonPhrase(status)).put("message", message).put("path", req.path())
                .toString();
    }

    private void list(Request req, Response res) throws IOException {
        if (failedBefore(res, Operation.LIST)) {
            return;
        }
        ArrayNode array = mapper.createArrayNode();
        for (StoredForsendelse f : store.waitingFor(req.principal())) {
            array.add(json.write(f, "http://" + req.authority() + basePath + DOWNLOAD + f.id));
        }
        res.send(200, knobs.listContentType(), mapper.writeValueAsBytes(array));
    }

    void download(Request req, Response res) throws IOException {
        if (failedBefore(res, Operation.DOWNLOAD)) {
            return;
        }
        String id = req.param("id");
        StoredForsendelse f = visible(req, id).filter(StoredForsendelse::waiting).orElseThrow(
                () -> new StatusException(404, "forsendelse " + id + " finnes ikke eller er ikke klar for mottak"));
        f.nedlastinger.incrementAndGet();
        var s = f.spec;
        res.header("Content-Disposition", "attachment; filename=\"" + PayloadWriter.filename(f.id, s) + "\"")
                .header("Cache-Control", "no-cache, no-store");
        long rate = s.bytesPerSecond() > 0 ? s.bytesPerSecond() : knobs.bytesPerSecond();
        Path preEncrypted = s.preEncrypted();
        if (preEncrypted != null) {
            try (InputStream in = Files.newInputStream(preEncrypted); OutputStream out = new MeteredOutputStream(
                    res.stream(200, PayloadWriter.contentType(s), Files.size(preEncrypted)), f.bytesSendt, rate)) {
                // In 256 KiB reads and writes: transferTo's 8 KiB took 131,072 of each per GiB, 0.7 s of CPU on the
                // machine whose receiver the benchmarks measure (issue 17)
                byte[] buffer = new byte[SEND_BUFFER_BYTES];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                }
            }
            return;
        }
        // Chunked: the payload is generated and encrypted while it is sent, so memory stays bounded at any size.
        Mottakersystem m = caller(req);
        X509Certificate recipient = s.has(Fault.WRONG_RECIPIENT_CERTIFICATE) ? wrongRecipient.get() : m.sertifikat();
        try (OutputStream out = new MeteredOutputStream(res.stream(200, PayloadWriter.contentType(s),
                Response.CHUNKED), f.bytesSendt, rate)) {
            payloads.write(s, recipient, out);
        }
    }

    private void kvitter(Request req, Response res) throws IOException {
        kvitter(req, res, req.param("id"));
    }

    /** kvitterMottak, V2 PATCH MOTTATT. */
    void kvitter(Request req, Response res, String id) throws IOException {
        Failure failure = knobs.consume(Operation.KVITTER_MOTTAK);
        if (failure != null && !failure.afterApplying()) {
            respondFailure(res, failure);
            return;
        }
        StoredForsendelse f = visible(req, id).orElseThrow(() -> notFound(id));
        boolean applied = f.kvitter();
        if (failure != null) {
            respondFailure(res, failure);
        } else if (!applied && knobs.strictKvittering()) {
            res.error(404, "forsendelse " + id + " er ikke klar for mottak");
        } else {
            res.empty(200);
        }
    }

    private void mottakFeilet(Request req, Response res) throws IOException {
        String body = req.text();
        Failure failure = consumeFeilet(res);
        if (failure != null && !failure.afterApplying()) {
            return;
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new StatusException(400, "body is not JSON");
        }
        if (node == null || !node.path("feilmelding").isTextual() || node.path("feilmelding").asText().isBlank()
                || !node.path("permanent").isBoolean()) {
            throw new StatusException(400, "body must be {\"feilmelding\": <string>, \"permanent\": <boolean>}");
        }
        feilet(req, res, req.param("id"), node.get("feilmelding").asText(), node.get("permanent").asBoolean(),
                failure);
    }

    /**
     * mottakFeilet, V2 PATCH FEILET, with the body checked and the knob consumed by the caller: {@code failure} is
     * null or one that answers after applying.
     */
    void feilet(Request req, Response res, String id, String feilmelding, boolean permanent, Failure failure)
            throws IOException {
        StoredForsendelse f = visible(req, id).orElseThrow(() -> notFound(id));
        if (!f.waiting()) {
            throw new StatusException(404, "forsendelse " + id + " er ikke klar for mottak");
        }
        f.mottakFeilet(feilmelding, permanent, req.principal());
        LOG.info("SvarInn simulator: mottakFeilet for {} from {} (permanent={})", id, req.principal(), permanent);
        if (failure != null) {
            respondFailure(res, failure);
        } else {
            res.empty(200);
        }
    }

    /** The mottakersystem the Basic guard admitted. */
    private Mottakersystem caller(Request req) {
        return store.system(req.principal()).orElseThrow(() -> new StatusException(401, "Unauthorized"));
    }

    private Optional<StoredForsendelse> visible(Request req, String id) {
        return store.visibleTo(req.principal(), id);
    }

    private static StatusException notFound(String id) {
        return new StatusException(404, "forsendelse " + id + " finnes ikke");
    }

    /** Takes the mottakFeilet knob; a failure before applying is answered here. */
    Failure consumeFeilet(Response res) throws IOException {
        Failure failure = knobs.consume(Operation.MOTTAK_FEILET);
        if (failure != null && !failure.afterApplying()) {
            respondFailure(res, failure);
        }
        return failure;
    }

    boolean failedBefore(Response res, Operation op) throws IOException {
        Failure failure = knobs.consume(op);
        if (failure == null) {
            return false;
        }
        respondFailure(res, failure);
        return true;
    }

    private static void respondFailure(Response res, Failure failure) throws IOException {
        if (failure.retryAfterSeconds() >= 0) {
            res.header("Retry-After", Long.toString(failure.retryAfterSeconds()));
        }
        res.error(failure.status(), "simulated " + ErrorFormat.reasonPhrase(failure.status()));
    }
}
