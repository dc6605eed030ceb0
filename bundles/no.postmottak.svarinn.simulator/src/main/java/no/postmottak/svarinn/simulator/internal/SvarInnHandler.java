package no.postmottak.svarinn.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.svarinn.simulator.Fault;
import no.postmottak.svarinn.simulator.ForsendelseStatus;
import no.postmottak.svarinn.simulator.Mottakersystem;
import no.postmottak.svarinn.simulator.ServerKnobs;
import no.postmottak.svarinn.simulator.ServerKnobs.Failure;
import no.postmottak.svarinn.simulator.ServerKnobs.Operation;

/** The four SvarInn v1 endpoints (spec §4.1–4.4) under the base path. */
final class SvarInnHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SvarInnHandler.class);
    private static final String LIST = "/mottaker/hentNyeForsendelser";
    private static final String DOWNLOAD = "/forsendelse/";
    private static final String KVITTER = "/kvitterMottak/forsendelse/";
    private static final String FEILET = "/mottakFeilet/forsendelse/";

    private final String basePath;
    private final String fallbackAuthority;
    private final ForsendelseStore store;
    private final ServerKnobs knobs;
    private final BasicAuth auth;
    private final ForsendelseJson json;
    private final PayloadWriter payloads;
    private final Supplier<X509Certificate> wrongRecipient;
    private final ObjectMapper mapper;
    private final HttpIo io;

    SvarInnHandler(String basePath, String fallbackAuthority, ForsendelseStore store, ServerKnobs knobs,
                   ObjectMapper mapper, PayloadWriter payloads, Supplier<X509Certificate> wrongRecipient) {
        this.basePath = basePath;
        this.fallbackAuthority = fallbackAuthority;
        this.store = store;
        this.knobs = knobs;
        this.auth = new BasicAuth(store);
        this.json = new ForsendelseJson(mapper);
        this.payloads = payloads;
        this.wrongRecipient = wrongRecipient;
        this.mapper = mapper;
        this.io = new HttpIo(mapper);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            dispatch(ex);
        } catch (IOException e) {
            LOG.debug("SvarInn simulator: {} {} aborted: {}", ex.getRequestMethod(), ex.getRequestURI(), e.toString());
        } catch (RuntimeException e) {
            LOG.warn("SvarInn simulator: {} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
            if (ex.getResponseCode() < 0) {
                io.error(ex, 500, "simulator error: " + e.getMessage());
            }
        } finally {
            ex.close();
        }
    }

    private void dispatch(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String rest = path.length() > basePath.length() ? path.substring(basePath.length()) : "";
        if (!rest.startsWith("/")) {
            io.error(ex, 404, "unknown path");
            return;
        }
        Optional<Mottakersystem> who = auth.authenticate(ex.getRequestHeaders().getFirst("Authorization"));
        if (who.isEmpty()) {
            HttpIo.drain(ex);
            ex.getResponseHeaders().set("WWW-Authenticate", BasicAuth.CHALLENGE);
            io.error(ex, 401, "Unauthorized");
            return;
        }
        Mottakersystem m = who.get();
        String method = ex.getRequestMethod();
        if (rest.equals(LIST)) {
            onlyIf(ex, "GET", () -> list(ex, m));
        } else if (rest.startsWith(DOWNLOAD) && rest.length() > DOWNLOAD.length()) {
            onlyIf(ex, "GET", () -> download(ex, m, rest.substring(DOWNLOAD.length())));
        } else if (rest.startsWith(KVITTER) && rest.length() > KVITTER.length()) {
            onlyIf(ex, "POST", () -> kvitter(ex, m, rest.substring(KVITTER.length())));
        } else if (rest.startsWith(FEILET) && rest.length() > FEILET.length()) {
            onlyIf(ex, "POST", () -> mottakFeilet(ex, m, rest.substring(FEILET.length())));
        } else {
            HttpIo.drain(ex);
            io.error(ex, 404, "unknown path " + method + " " + path);
        }
    }

    private void list(HttpExchange ex, Mottakersystem m) throws IOException {
        if (failedBefore(ex, Operation.LIST)) {
            return;
        }
        String authority = Optional.ofNullable(ex.getRequestHeaders().getFirst("Host")).orElse(fallbackAuthority);
        ArrayNode array = mapper.createArrayNode();
        for (StoredForsendelse f : store.waitingFor(m.brukernavn())) {
            array.add(json.write(f, "http://" + authority + basePath + DOWNLOAD + f.id));
        }
        io.json(ex, 200, knobs.listContentType(), array);
    }

    private void download(HttpExchange ex, Mottakersystem m, String id) throws IOException {
        if (failedBefore(ex, Operation.DOWNLOAD)) {
            return;
        }
        Optional<StoredForsendelse> found = waiting(m, id);
        if (found.isEmpty()) {
            io.error(ex, 404, "forsendelse " + id + " finnes ikke eller er ikke klar for mottak");
            return;
        }
        StoredForsendelse f = found.get();
        f.nedlastinger.incrementAndGet();
        var s = f.spec;
        ex.getResponseHeaders().set("Content-Type", PayloadWriter.contentType(s));
        ex.getResponseHeaders().set("Content-Disposition",
                "attachment; filename=\"" + PayloadWriter.filename(f.id, s) + "\"");
        ex.getResponseHeaders().set("Cache-Control", "no-cache, no-store");
        long rate = s.bytesPerSecond() > 0 ? s.bytesPerSecond() : knobs.bytesPerSecond();
        if (s.preEncrypted() != null) {
            ex.sendResponseHeaders(200, Files.size(s.preEncrypted()));
            try (InputStream in = Files.newInputStream(s.preEncrypted());
                 OutputStream out = new MeteredOutputStream(ex.getResponseBody(), f.bytesSendt, rate)) {
                in.transferTo(out);
            }
            return;
        }
        ex.sendResponseHeaders(200, 0); // chunked: the payload is produced while it is sent
        X509Certificate recipient = s.has(Fault.WRONG_RECIPIENT_CERTIFICATE) ? wrongRecipient.get() : m.sertifikat();
        try (OutputStream out = new MeteredOutputStream(ex.getResponseBody(), f.bytesSendt, rate)) {
            payloads.write(s, recipient, out);
        }
    }

    private void kvitter(HttpExchange ex, Mottakersystem m, String id) throws IOException {
        HttpIo.drain(ex);
        Failure failure = knobs.consume(Operation.KVITTER_MOTTAK);
        if (failure != null && !failure.afterApplying()) {
            respondFailure(ex, failure);
            return;
        }
        Optional<StoredForsendelse> found = visible(m, id);
        if (found.isEmpty()) {
            io.error(ex, 404, "forsendelse " + id + " finnes ikke");
            return;
        }
        boolean applied = found.get().kvitter();
        if (failure != null) {
            respondFailure(ex, failure);
        } else if (!applied && knobs.strictKvittering()) {
            io.error(ex, 404, "forsendelse " + id + " er ikke klar for mottak");
        } else {
            HttpIo.empty(ex, 200);
        }
    }

    private void mottakFeilet(HttpExchange ex, Mottakersystem m, String id) throws IOException {
        String body = HttpIo.readBody(ex, 64 * 1024);
        Failure failure = knobs.consume(Operation.MOTTAK_FEILET);
        if (failure != null && !failure.afterApplying()) {
            respondFailure(ex, failure);
            return;
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (IOException e) {
            io.error(ex, 400, "body is not JSON");
            return;
        }
        if (node == null || !node.path("feilmelding").isTextual() || node.path("feilmelding").asText().isBlank()
                || !node.path("permanent").isBoolean()) {
            io.error(ex, 400, "body must be {\"feilmelding\": <string>, \"permanent\": <boolean>}");
            return;
        }
        Optional<StoredForsendelse> found = visible(m, id);
        if (found.isEmpty()) {
            io.error(ex, 404, "forsendelse " + id + " finnes ikke");
            return;
        }
        StoredForsendelse f = found.get();
        if (f.status() != ForsendelseStatus.KLAR_FOR_MOTTAK) {
            io.error(ex, 404, "forsendelse " + id + " er ikke klar for mottak");
            return;
        }
        boolean permanent = node.get("permanent").asBoolean();
        f.mottakFeilet(node.get("feilmelding").asText(), permanent, m.brukernavn());
        LOG.info("SvarInn simulator: mottakFeilet for {} from {} (permanent={})", id, m.brukernavn(), permanent);
        if (failure != null) {
            respondFailure(ex, failure);
        } else {
            HttpIo.empty(ex, 200);
        }
    }

    private Optional<StoredForsendelse> visible(Mottakersystem m, String id) {
        return store.visibleTo(m.brukernavn()).stream().filter(f -> f.id.equals(id)).findFirst();
    }

    private Optional<StoredForsendelse> waiting(Mottakersystem m, String id) {
        return visible(m, id).filter(f -> f.status() == ForsendelseStatus.KLAR_FOR_MOTTAK);
    }

    private boolean failedBefore(HttpExchange ex, Operation op) throws IOException {
        Failure failure = knobs.consume(op);
        if (failure == null) {
            return false;
        }
        respondFailure(ex, failure);
        return true;
    }

    private void respondFailure(HttpExchange ex, Failure failure) throws IOException {
        if (failure.retryAfterSeconds() >= 0) {
            ex.getResponseHeaders().set("Retry-After", Long.toString(failure.retryAfterSeconds()));
        }
        io.error(ex, failure.status(), "simulated " + HttpIo.reason(failure.status()));
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void onlyIf(HttpExchange ex, String method, IoAction action) throws IOException {
        if (!method.equals(ex.getRequestMethod())) {
            HttpIo.drain(ex);
            ex.getResponseHeaders().set("Allow", method);
            io.error(ex, 405, "use " + method);
            return;
        }
        action.run();
    }
}
