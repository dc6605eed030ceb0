package no.postmottak.archive.noark5.simulator;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.simulator.http.Request;
import no.postmottak.simulator.http.Response;
import no.postmottak.simulator.http.StatusException;

/**
 * The navigation and create side of the simulated core: root, arkivstruktur, sakarkiv and system information;
 * any object by its href; lists with {@code $filter}, {@code $top}/{@code $skip} and {@code next}; {@code ny-*}
 * templates (GET) and creates (POST → 201, {@code Location}, {@code ETag}; {@code If-Match} checked).
 */
final class N5Api {

    static final String MEDIA_TYPE = "application/vnd.noark5+json";
    static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix;
    private final Store store;
    private final SimLogin login;
    private final SimKnobs knobs;
    private final long bulkLimit;
    private final int pageSize;

    N5Api(String prefix, Store store, SimLogin login, SimKnobs knobs, long bulkLimit, int pageSize) {
        this.prefix = prefix;
        this.store = store;
        this.login = login;
        this.knobs = knobs;
        this.bulkLimit = bulkLimit;
        this.pageSize = pageSize;
    }

    /** Hrefs as the client reached us, so that they work from where it stands. */
    Hal hal(Request request) {
        return new Hal("http://" + request.authority() + prefix);
    }

    void root(Request req, Response res) throws IOException {
        Hal hal = hal(req);
        ObjectNode links = JSON.createObjectNode();
        link(links, Kind.REL_BASE + "arkivstruktur/", hal.structure());
        link(links, Kind.REL_BASE + "sakarkiv/", hal.caseArchive());
        link(links, Kind.REL_BASE + "admin/system/", hal.system());
        link(links, Kind.REL_BASE + "login/oidc/", hal.openIdConfiguration());
        link(links, Kind.REL_BASE + "login/rfc6749/", hal.token());
        if (login.basicEnabled()) {
            link(links, Kind.REL_BASE + "login/rfc7617/", hal.root());
        }
        send(res, 200, JSON.createObjectNode().set("_links", links), null);
    }

    void structure(Request req, Response res) throws IOException {
        listEntry(res, hal(req).structure(), Kind.ARKIV, "arkiver/");
    }

    void caseArchive(Request req, Response res) throws IOException {
        listEntry(res, hal(req).caseArchive(), Kind.SAKSMAPPE, "saker/");
    }

    /** An entry point (arkivstruktur, sakarkiv) that links to the searchable list of one kind. */
    private static void listEntry(Response res, String self, Kind kind, String list) throws IOException {
        ObjectNode links = JSON.createObjectNode();
        link(links, "self", self);
        links.putObject(kind.rel()).put("href", self + list + Hal.QUERY_TEMPLATE).put("templated", true);
        send(res, 200, JSON.createObjectNode().set("_links", links), null);
    }

    void system(Request req, Response res) throws IOException {
        send(res, 200, JSON.createObjectNode().put("leverandoer", "Postmottak").put("produkt", "N5WS-simulator")
                .put("versjon", "1.0").put("versjonsdato", "2026-12-01").put("protokollversjon", "1.1")
                .put("bulkgrense", bulkLimit), null);
    }

    void openIdConfiguration(Request req, Response res) throws IOException {
        ObjectNode doc = JSON.createObjectNode().put("issuer", hal(req).root())
                .put("token_endpoint", hal(req).token());
        doc.putArray("grant_types_supported").add("client_credentials").add("password");
        res.json(200, doc.toString());
    }

    void token(Request req, Response res) throws IOException {
        SimLogin.Answer a = login.token(req.header("Authorization"), req.form(64 * 1024));
        res.header("Cache-Control", "no-store").json(a.status(), a.json());
    }

    void object(Request req, Response res) throws IOException {
        Entity e = entity(req.param("id"));
        send(res, 200, render(req, e), e.etag());
    }

    void allArchives(Request req, Response res) throws IOException {
        list(req, res, store.ofKind(Kind.ARKIV));
    }

    void allCases(Request req, Response res) throws IOException {
        list(req, res, store.ofKind(Kind.SAKSMAPPE));
    }

    void children(Request req, Response res) throws IOException {
        Entity parent = entity(req.param("id"));
        String code = req.param("list");
        Predicate<Kind> kinds = Hal.KORRESPONDANSEPART_LIST.equals(code) ? Kind::isKorrespondansepart
                : k -> k.code().equals(code) && k.parent() == parent.kind();
        if (!Hal.KORRESPONDANSEPART_LIST.equals(code) && Kind.ofCode(code).filter(kinds).isEmpty()) {
            throw new StatusException(404, "Ukjent liste " + code + " her");
        }
        list(req, res, store.children(parent.id(), kinds));
    }

    void template(Request req, Response res) throws IOException {
        Kind kind = creatable(entity(req.param("id")), req.param("kind"));
        send(res, 200, Rules.template(kind), null);
    }

    void create(Request req, Response res) throws IOException {
        Entity parent = entity(req.param("id"));
        Kind kind = creatable(parent, req.param("kind"));
        String ifMatch = req.header("If-Match");
        if (knobs.conflict() || ifMatch != null && !ifMatch.equals(parent.etag())) {
            throw new StatusException(409, "Objektet kan være endret av andre (ETag stemmer ikke); hent det på nytt");
        }
        JsonNode body;
        try {
            body = JSON.readTree(req.body(1024 * 1024));
        } catch (IOException e) {
            throw new StatusException(400, "Ugyldig JSON i forespørselen");
        }
        if (body == null || !body.isObject()) {
            throw new StatusException(400, "Forespørselen må være et JSON-objekt");
        }
        Rules.check(kind, (ObjectNode) body, parent, store.snapshot(parent));
        Entity created = store.create(kind, parent.id(), (ObjectNode) body, "postmottak-simulator");
        if (knobs.loseCreateAnswer(kind)) {
            throw new StatusException(502, "Simulert tapt svar: objektet ble opprettet, men svaret gikk tapt");
        }
        res.header("Location", hal(req).object(created.id()));
        send(res, 201, render(req, created), created.etag());
    }

    ObjectNode render(Request req, Entity e) {
        Entity parent = e.parentId() == null ? null : store.get(e.parentId()).orElse(null);
        return hal(req).render(e, store.snapshot(e), parent);
    }

    Entity entity(String id) {
        return store.get(id).orElseThrow(() -> new StatusException(404, "Fant ikke objektet " + id));
    }

    static void send(Response res, int status, JsonNode body, String etag) throws IOException {
        if (etag != null) {
            res.header("ETag", etag);
        }
        res.send(status, MEDIA_TYPE + "; charset=utf-8", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Kind creatable(Entity parent, String code) {
        return Kind.ofCode(code).filter(k -> k.parent() == parent.kind())
                .orElseThrow(() -> new StatusException(404, "Kan ikke opprette «" + code + "» her"));
    }

    /** One page of the entities matching {@code $filter}, with {@code count} and a {@code next} link. */
    private void list(Request req, Response res, List<Entity> all) throws IOException {
        String filter = req.query("$filter");
        ODataFilter f = filter == null || filter.isBlank() ? null : ODataFilter.parse(filter, knobs.metadataFilters());
        List<Entity> matching = all.stream().filter(e -> f == null || f.matches(store.snapshot(e))).toList();
        int skip = intQuery(req, "$skip", 0);
        int top = Math.min(intQuery(req, "$top", pageSize), pageSize);
        ObjectNode answer = JSON.createObjectNode();
        if (!matching.isEmpty()) {
            var results = answer.putArray("results");
            matching.stream().skip(skip).limit(top).forEach(e -> results.add(render(req, e)));
        }
        answer.put("count", matching.size());
        ObjectNode links = answer.putObject("_links");
        String self = "http://" + req.authority() + req.path();
        link(links, "self", self);
        if (skip + top < matching.size()) {
            link(links, "next", self + "?" + (filter == null ? "" : "$filter=" + encode(filter) + "&") + "$top=" + top
                    + "&$skip=" + (skip + top));
        }
        send(res, 200, answer, null);
    }

    private static int intQuery(Request req, String name, int otherwise) {
        String v = req.query(name);
        try {
            return v == null ? otherwise : Math.max(0, Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            throw new StatusException(400, name + " må være et heltall: " + v);
        }
    }

    private static void link(ObjectNode links, String rel, String href) {
        links.putObject(rel).put("href", href);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
