package no.postmottak.archive.simulator;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.archive.simulator.internal.SimTokens;
import no.postmottak.simulator.http.Auth;
import no.postmottak.simulator.http.Knobs;
import no.postmottak.simulator.http.Multipart;
import no.postmottak.simulator.http.Request;
import no.postmottak.simulator.http.Response;
import no.postmottak.simulator.http.SimHttpServer;
import no.postmottak.simulator.http.StatusException;

/**
 * A real HTTP simulator of the Websak+ Integration API and its IdentityServer token endpoint: client-credentials
 * tokens ({@code POST /connect/token}), cases and journalposts with integer ids, journalposts from templates,
 * contacts, main-document and attachment uploads ({@code multipart/form-data}, part {@code file}). Unknown ids give
 * 404, missing or expired tokens 401. Knobs: token lifetime, revoking all tokens, failing the N-th upload, losing a
 * create answer, plus the server-wide {@link #knobs()}. Inspect with {@link #journalposts()} or
 * {@code GET /sim/journalposter}.
 *
 * @since 1.0.0
 */
public final class WebsakSimulator implements AutoCloseable {

    private static final String API = "/api/websak/api/integration";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stored document. */
    public record Document(int id, String navn, String dokumentType, byte[] content) {
    }

    /** A journalpost as the simulator holds it. */
    public record Journalpost(int id, int sakId, String visningId, String tittel, int malJpId,
                              List<Map<String, Object>> contacts, List<Document> documents) {
    }

    private record Sak(int id, String visningId, String tittel) {
    }

    private final SimTokens tokens;
    private final Map<Integer, Sak> cases = new LinkedHashMap<>();
    private final Map<Integer, String> templates = new HashMap<>();
    private final Map<Integer, Journalpost> journalposts = new LinkedHashMap<>();
    private final SimHttpServer server;
    private int nextId = 1000;
    private int uploads;
    private int failUploadAt;
    private int failUploadStatus;
    private boolean loseCreateAnswer;

    private WebsakSimulator(int port, String clientId, String clientSecret) {
        tokens = new SimTokens(clientId, clientSecret);
        server = SimHttpServer.builder("websak-simulator").port(port)
                .guard(API, Auth.bearer(tokens::valid))
                .route("POST", "/connect/token", this::token)
                .route("GET", "/sim/journalposter", (req, res) -> res.json(200, inspection()))
                .route("GET", API + "/test", (req, res) -> res.json(200, "\"OK\""))
                .route("GET", API + "/sak/{id}", (req, res) -> answer(res, () -> sakJson(sak(req))))
                .route("GET", API + "/sak/{id}/journalposter", (req, res) -> answer(res, () -> caseJournalposts(req)))
                .route("POST", API + "/journalpost/ny", this::newJournalpost)
                .route("GET", API + "/journalpost/{id}", (req, res) -> answer(res, () -> jpJson(journalpost(req))))
                .route("GET", API + "/journalpost/{id}/full", (req, res) -> answer(res, () -> jpJson(journalpost(req))))
                .route("GET", API + "/journalpost/{id}/dokumenter", (req, res) -> answer(res, () -> documents(req)))
                .route("POST", API + "/journalpost/{id}/avsmottakere", this::addContact)
                .route("POST", API + "/journalpost/{id}/dokument/nytthoveddokument",
                        (req, res) -> upload(req, res, true))
                .route("POST", API + "/journalpost/{id}/dokument/nyttvedlegg", (req, res) -> upload(req, res, false))
                .start();
    }

    /**
     * Starts a simulator on loopback that accepts this client.
     *
     * @param port 0 picks a free one
     */
    public static WebsakSimulator start(int port, String clientId, String clientSecret) {
        return new WebsakSimulator(port, clientId, clientSecret);
    }

    /** @return the server root, e.g. {@code http://127.0.0.1:45678} */
    public URI baseUri() {
        return server.baseUri();
    }

    /** @return the API root to configure as {@code base.url} */
    public URI apiBase() {
        return URI.create(baseUri() + "/api/websak");
    }

    /** @return the token endpoint to configure as {@code token.url} */
    public URI tokenUrl() {
        return URI.create(baseUri() + "/connect/token");
    }

    /** @return the server-wide knobs: fail or hold the next requests, token requests included */
    public Knobs knobs() {
        return server.knobs();
    }

    /** @return the new case's id */
    public synchronized int addCase(String visningId, String tittel) {
        int id = nextId++;
        cases.put(id, new Sak(id, visningId, tittel));
        return id;
    }

    /** Creates a journalpost template (malJpId), e.g. "Inngående brev". */
    public synchronized int addTemplate(String name) {
        int id = nextId++;
        templates.put(id, name);
        return id;
    }

    public void tokenLifetime(Duration lifetime) {
        tokens.lifetime(lifetime);
    }

    /** Makes every issued token invalid, as if they all expired now. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    public int tokensIssued() {
        return tokens.issued();
    }

    /** The {@code n}-th upload from now (1 = the next) answers {@code status} and stores nothing. */
    public synchronized void failUpload(int n, int status) {
        failUploadAt = uploads + n;
        failUploadStatus = status;
    }

    /** The next {@code journalpost/ny} creates the journalpost but answers 502, as a failing proxy would. */
    public synchronized void loseCreateAnswer() {
        loseCreateAnswer = true;
    }

    public synchronized List<Journalpost> journalposts() {
        return journalposts.values().stream().map(j -> new Journalpost(j.id(), j.sakId(), j.visningId(), j.tittel(),
                j.malJpId(), List.copyOf(j.contacts()), List.copyOf(j.documents()))).toList();
    }

    @Override
    public void close() {
        server.close();
    }

    private void token(Request req, Response res) throws IOException {
        SimTokens.Answer a = tokens.request(req.text());
        res.json(a.status(), a.json());
    }

    /** Answers 200 with JSON made under the lock, and sends it outside (a slow client must not hold the lock). */
    private void answer(Response res, Supplier<Object> underLock) throws IOException {
        String json;
        synchronized (this) {
            json = underLock.get().toString();
        }
        res.json(200, json);
    }

    /** Caller holds the lock. */
    private ArrayNode caseJournalposts(Request req) {
        Sak s = sak(req);
        ArrayNode a = JSON.createArrayNode();
        journalposts.values().stream().filter(j -> j.sakId() == s.id()).forEach(j -> a.add(jpJson(j)));
        return a;
    }

    /** Caller holds the lock. */
    private ArrayNode documents(Request req) {
        Journalpost j = journalpost(req);
        ArrayNode a = JSON.createArrayNode();
        j.documents().forEach(d -> a.addObject().put("parentJp", j.id()).put("id", d.id())
                .put("navn", d.navn()).put("dokumentType", d.dokumentType()));
        return a;
    }

    private void newJournalpost(Request req, Response res) throws IOException {
        JsonNode body = readJson(req);
        int sakId = body.path("sakId").asInt();
        int malJpId = body.path("malJpId").asInt();
        String tittel = body.path("tittel").asText("");
        int id;
        boolean lose;
        synchronized (this) {
            Sak sak = cases.get(sakId);
            if (sak == null || !templates.containsKey(malJpId)) {
                throw new StatusException(404, sak == null ? "Fant ikke sak " + sakId
                        : "Fant ikke journalpostmal " + malJpId);
            }
            if (tittel.isBlank()) {
                throw new StatusException(400, "Tittel mangler");
            }
            id = nextId++;
            long inCase = journalposts.values().stream().filter(j -> j.sakId() == sakId).count() + 1;
            journalposts.put(id, new Journalpost(id, sakId, sak.visningId() + "-" + inCase, tittel, malJpId,
                    new ArrayList<>(), new ArrayList<>()));
            lose = loseCreateAnswer;
            loseCreateAnswer = false;
        }
        if (lose) {
            res.text(502, "Bad Gateway");
        } else {
            res.json(200, Integer.toString(id));
        }
    }

    private void addContact(Request req, Response res) throws IOException {
        JsonNode info = readJson(req).path("kontaktInformasjon");
        if (info.path("navn").asText("").isBlank()) {
            throw new StatusException(400, "kontaktInformasjon.navn mangler");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> contact = JSON.convertValue(info, Map.class);
        ObjectNode answer;
        synchronized (this) {
            journalpost(req).contacts().add(contact);
            answer = JSON.createObjectNode().put("id", nextId++).put("navn", info.path("navn").asText())
                    .put("erKopiMottaker", false);
        }
        res.json(200, answer.toString());
    }

    private void upload(Request req, Response res, boolean main) throws IOException {
        byte[] body = req.body();
        synchronized (this) {
            uploads++;
            if (uploads == failUploadAt) {
                throw new StatusException(failUploadStatus, "Simulert feil på opplasting " + uploads);
            }
        }
        Multipart.Part file = filePart(req.header("Content-Type"), body);
        int id;
        synchronized (this) {
            Journalpost j = journalpost(req);
            boolean hasMain = j.documents().stream().anyMatch(d -> "Hoveddokument".equals(d.dokumentType()));
            if (main == hasMain) {
                throw new StatusException(400, main ? "Journalposten har allerede et hoveddokument"
                        : "Journalposten har ikke hoveddokument ennå");
            }
            id = nextId++;
            j.documents().add(new Document(id, file.fileName(), main ? "Hoveddokument" : "Vedlegg", file.body()));
        }
        res.json(200, Integer.toString(id));
    }

    private static Multipart.Part filePart(String contentType, byte[] body) {
        String boundary = Multipart.boundary(contentType);
        try {
            if (boundary != null) {
                for (Multipart.Part part : Multipart.parse(body, boundary)) {
                    if ("file".equals(part.name())) {
                        return part;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same answer as a form without the part
        }
        throw new StatusException(400, "Forventet multipart/form-data med delen 'file'");
    }

    /** Caller holds the lock. */
    private Sak sak(Request req) {
        Sak s = cases.get(id(req));
        if (s == null) {
            throw new StatusException(404, "Fant ikke sak " + req.param("id"));
        }
        return s;
    }

    /** Caller holds the lock. */
    private Journalpost journalpost(Request req) {
        Journalpost j = journalposts.get(id(req));
        if (j == null) {
            throw new StatusException(404, "Fant ikke journalpost " + req.param("id"));
        }
        return j;
    }

    private static int id(Request req) {
        try {
            return Integer.parseInt(req.param("id"));
        } catch (NumberFormatException e) {
            throw new StatusException(404, "Ukjent id " + req.param("id"));
        }
    }

    private static JsonNode readJson(Request req) throws IOException {
        try {
            return JSON.readTree(req.body());
        } catch (JsonProcessingException e) {
            throw new StatusException(400, "Ugyldig JSON");
        }
    }

    private static ObjectNode sakJson(Sak s) {
        return JSON.createObjectNode().put("id", s.id()).put("visningId", s.visningId()).put("tittel1", s.tittel())
                .put("visningTittel", s.tittel());
    }

    /** Caller holds the lock. */
    private ObjectNode jpJson(Journalpost j) {
        return JSON.createObjectNode().put("id", j.id()).put("visningId", j.visningId()).put("sakId", j.sakId())
                .put("sakVisningId", cases.get(j.sakId()).visningId()).put("tittel1", j.tittel());
    }

    private synchronized String inspection() {
        ArrayNode a = JSON.createArrayNode();
        for (Journalpost j : journalposts.values()) {
            ObjectNode n = jpJson(j);
            n.set("kontakter", JSON.valueToTree(j.contacts()));
            ArrayNode docs = n.putArray("dokumenter");
            j.documents().forEach(d -> docs.addObject().put("id", d.id()).put("navn", d.navn())
                    .put("dokumentType", d.dokumentType()).put("bytes", d.content().length));
            a.add(n);
        }
        return a.toString();
    }
}
