package no.postmottak.archive.websak.internal.sim;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * A real HTTP simulator of the Websak+ Integration API and its IdentityServer token endpoint: client-credentials
 * tokens ({@code POST /connect/token}), cases and journalposts with integer ids, journalposts from templates,
 * contacts, main-document and attachment uploads ({@code multipart/form-data}, part {@code file}). Unknown ids give
 * 404, missing or expired tokens 401. Knobs: token lifetime, revoking all tokens, failing the N-th upload, plus the
 * {@link SimServer} ones. Inspect with {@link #journalposts()} or {@code GET /sim/journalposter}.
 */
public final class WebsakSimulator extends SimServer {

    private static final String API = "/api/websak/api/integration/";
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
    private int nextId = 1000;
    private int uploads;
    private int failUploadAt;
    private int failUploadStatus;
    private boolean loseCreateAnswer;

    private WebsakSimulator(int port, String clientId, String clientSecret) throws IOException {
        super(port);
        this.tokens = new SimTokens(clientId, clientSecret);
    }

    /** Starts a simulator on loopback that accepts this client; port 0 picks a free one. */
    public static WebsakSimulator start(int port, String clientId, String clientSecret) throws IOException {
        WebsakSimulator sim = new WebsakSimulator(port, clientId, clientSecret);
        sim.startServer();
        return sim;
    }

    /** The API root to configure as {@code base.url}. */
    public URI apiBase() {
        return URI.create(baseUri() + "/api/websak");
    }

    /** The token endpoint to configure as {@code token.url}. */
    public URI tokenUrl() {
        return URI.create(baseUri() + "/connect/token");
    }

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
    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if ("POST".equals(method) && path.equals("/connect/token")) {
            token(ex);
        } else if ("GET".equals(method) && path.equals("/sim/journalposter")) {
            send(ex, 200, "application/json", inspection());
        } else if (path.startsWith(API)) {
            if (!tokens.valid(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                send(ex, 401, "application/json", error("Ikke autorisert"));
                return;
            }
            api(ex, method, path.substring(API.length()).split("/"));
        } else {
            send(ex, 404, "application/json", error("Ukjent adresse"));
        }
    }

    private void token(HttpExchange ex) throws IOException {
        SimTokens.Answer a = tokens.request(new String(body(ex), StandardCharsets.UTF_8));
        send(ex, a.status(), "application/json", a.json());
    }

    private void api(HttpExchange ex, String method, String[] p) throws IOException {
        String route = method + " " + String.join("/", p).replaceAll("\\b\\d+\\b", "{id}");
        switch (route) {
            case "GET test" -> send(ex, 200, "application/json", "\"OK\"");
            case "GET sak/{id}" -> withCase(ex, p[1], s -> sakJson(s).toString());
            case "GET sak/{id}/journalposter" -> withCase(ex, p[1], s -> {
                ArrayNode a = JSON.createArrayNode();
                journalposts().stream().filter(j -> j.sakId() == s.id()).forEach(j -> a.add(jpJson(j)));
                return a.toString();
            });
            case "POST journalpost/ny" -> newJournalpost(ex);
            case "GET journalpost/{id}", "GET journalpost/{id}/full" -> withJp(ex, p[1], j -> jpJson(j).toString());
            case "GET journalpost/{id}/dokumenter" -> withJp(ex, p[1], j -> {
                ArrayNode a = JSON.createArrayNode();
                j.documents().forEach(d -> a.addObject().put("parentJp", j.id()).put("id", d.id())
                        .put("navn", d.navn()).put("dokumentType", d.dokumentType()));
                return a.toString();
            });
            case "POST journalpost/{id}/avsmottakere" -> addContact(ex, p[1]);
            case "POST journalpost/{id}/dokument/nytthoveddokument" -> upload(ex, p[1], true);
            case "POST journalpost/{id}/dokument/nyttvedlegg" -> upload(ex, p[1], false);
            default -> send(ex, 404, "application/json", error("Ukjent operasjon " + route));
        }
    }

    private void newJournalpost(HttpExchange ex) throws IOException {
        JsonNode req = readJson(ex);
        if (req == null) {
            return;
        }
        int sakId = req.path("sakId").asInt();
        int malJpId = req.path("malJpId").asInt();
        String tittel = req.path("tittel").asText("");
        int id;
        boolean lose;
        synchronized (this) {
            Sak sak = cases.get(sakId);
            if (sak == null || !templates.containsKey(malJpId)) {
                send(ex, 404, "application/json", error(sak == null ? "Fant ikke sak " + sakId
                        : "Fant ikke journalpostmal " + malJpId));
                return;
            }
            if (tittel.isBlank()) {
                send(ex, 400, "application/json", error("Tittel mangler"));
                return;
            }
            id = nextId++;
            long inCase = journalposts.values().stream().filter(j -> j.sakId() == sakId).count() + 1;
            journalposts.put(id, new Journalpost(id, sakId, sak.visningId() + "-" + inCase, tittel, malJpId,
                    new ArrayList<>(), new ArrayList<>()));
            lose = loseCreateAnswer;
            loseCreateAnswer = false;
        }
        if (lose) {
            send(ex, 502, "text/plain", "Bad Gateway");
        } else {
            send(ex, 200, "application/json", Integer.toString(id));
        }
    }

    private void addContact(HttpExchange ex, String jpId) throws IOException {
        JsonNode req = readJson(ex);
        if (req == null) {
            return;
        }
        JsonNode info = req.path("kontaktInformasjon");
        if (info.path("navn").asText("").isBlank()) {
            send(ex, 400, "application/json", error("kontaktInformasjon.navn mangler"));
            return;
        }
        withJp(ex, jpId, j -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> contact = JSON.convertValue(info, Map.class);
            j.contacts().add(contact);
            return JSON.createObjectNode().put("id", nextIdSync()).put("navn", info.path("navn").asText())
                    .put("erKopiMottaker", false).toString();
        });
    }

    private void upload(HttpExchange ex, String jpIdText, boolean main) throws IOException {
        byte[] body = body(ex);
        synchronized (this) {
            uploads++;
            if (uploads == failUploadAt) {
                send(ex, failUploadStatus, "application/json", error("Simulert feil på opplasting " + uploads));
                return;
            }
        }
        String boundary = Multipart.boundary(ex.getRequestHeaders().getFirst("Content-Type"));
        Multipart.Part file;
        try {
            file = boundary == null ? null : Multipart.parse(body, boundary).stream()
                    .filter(part -> "file".equals(part.name())).findFirst().orElse(null);
        } catch (IllegalArgumentException e) {
            file = null;
        }
        if (file == null) {
            send(ex, 400, "application/json", error("Forventet multipart/form-data med delen 'file'"));
            return;
        }
        Multipart.Part f = file;
        withJp(ex, jpIdText, j -> {
            boolean hasMain = j.documents().stream().anyMatch(d -> "Hoveddokument".equals(d.dokumentType()));
            if (main == hasMain) {
                throw new IllegalStateException(main ? "Journalposten har allerede et hoveddokument"
                        : "Journalposten har ikke hoveddokument ennå");
            }
            int id = nextIdSync();
            j.documents().add(new Document(id, f.fileName(), main ? "Hoveddokument" : "Vedlegg", f.body()));
            return Integer.toString(id);
        });
    }

    private interface Render<T> {
        String apply(T t);
    }

    private void withCase(HttpExchange ex, String id, Render<Sak> render) throws IOException {
        String out;
        synchronized (this) {
            Sak s = cases.get(Integer.parseInt(id));
            out = s == null ? null : render.apply(s);
        }
        if (out == null) {
            send(ex, 404, "application/json", error("Fant ikke sak " + id));
        } else {
            send(ex, 200, "application/json", out);
        }
    }

    private void withJp(HttpExchange ex, String id, Render<Journalpost> render) throws IOException {
        String out;
        try {
            synchronized (this) {
                Journalpost j = journalposts.get(Integer.parseInt(id));
                out = j == null ? null : render.apply(j);
            }
        } catch (IllegalStateException e) {
            send(ex, 400, "application/json", error(e.getMessage()));
            return;
        }
        if (out == null) {
            send(ex, 404, "application/json", error("Fant ikke journalpost " + id));
        } else {
            send(ex, 200, "application/json", out);
        }
    }

    private synchronized int nextIdSync() {
        return nextId++;
    }

    private JsonNode readJson(HttpExchange ex) throws IOException {
        try {
            return JSON.readTree(body(ex));
        } catch (IOException e) {
            send(ex, 400, "application/json", error("Ugyldig JSON"));
            return null;
        }
    }

    private static ObjectNode sakJson(Sak s) {
        return JSON.createObjectNode().put("id", s.id()).put("visningId", s.visningId()).put("tittel1", s.tittel())
                .put("visningTittel", s.tittel());
    }

    private synchronized ObjectNode jpJson(Journalpost j) {
        return JSON.createObjectNode().put("id", j.id()).put("visningId", j.visningId()).put("sakId", j.sakId())
                .put("sakVisningId", cases.get(j.sakId()).visningId()).put("tittel1", j.tittel());
    }

    private String inspection() {
        ArrayNode a = JSON.createArrayNode();
        for (Journalpost j : journalposts()) {
            ObjectNode n = jpJson(j);
            n.set("kontakter", JSON.valueToTree(j.contacts()));
            ArrayNode docs = n.putArray("dokumenter");
            j.documents().forEach(d -> docs.addObject().put("id", d.id()).put("navn", d.navn())
                    .put("dokumentType", d.dokumentType()).put("bytes", d.content().length));
            a.add(n);
        }
        return a.toString();
    }

    private static String error(String message) {
        return JSON.createObjectNode().put("message", message).toString();
    }
}
