package no.postmottak.archive.noark5.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.simulator.http.Guard;
import no.postmottak.simulator.http.Knobs;
import no.postmottak.simulator.http.SimHttpServer;

/**
 * A real HTTP simulator of an N5WS archive core: the root with login rels (OpenID Connect discovery, an OAuth2
 * token endpoint with expiring tokens, optionally Basic), arkivstruktur and sakarkiv with one arkiv and two
 * arkivdeler ({@value #ARKIVDEL} and {@value #OTHER_ARKIVDEL}, so a client must choose), saksmapper found with
 * {@code $filter}, journalposts, korrespondanseparter, dokumentbeskrivelser and dokumentobjekter created through
 * {@code ny-*} rels, and files uploaded whole or in chunks. Hrefs are the simulator's own, under a per-instance
 * path, so a client that builds URLs fails. Knobs: {@link #knobs()} (fail or hold the next requests) and the
 * N5WS-specific ones below. Inspection: {@link #journalposts()}, or over HTTP {@code GET /sim/journalposter},
 * {@code GET /sim/filer/{dokumentobjekt}} and {@code GET /sim/statistikk}.
 *
 * @since 1.0.0
 */
public final class Noark5Simulator implements AutoCloseable {

    public static final String ARKIV = "Postmottak testarkiv";
    public static final String ARKIVDEL = "Sakarkiv";
    public static final String OTHER_ARKIVDEL = "Personalarkiv";

    /** A korrespondansepart as stored: its type code (EA, IM, ...), name, organisation number and unit. */
    public record Korrespondansepart(String type, String navn, String organisasjonsnummer, String administrativEnhet,
                                     String saksbehandler) {
    }

    /** A dokumentbeskrivelse with its (first) dokumentobjekt's file. */
    public record Dokument(String systemID, String tittel, String tilknyttetRegistreringSom, int dokumentnummer,
                           String dokumentobjekt, String filnavn, String mimeType, long filstoerrelse, String sjekksum,
                           int dokumentobjekter) {
    }

    /** A journalpost with what hangs under it. */
    public record Journalpost(String systemID, String saksnummer, String journalpostnummer, String tittel,
                              String journalposttype, String journalstatus, String mottattDato,
                              String dokumentetsDato, Map<String, String> virksomhetsspesifikkeMetadata,
                              List<Korrespondansepart> korrespondanseparter, List<Dokument> dokumenter) {
    }

    private final Options options;
    private final Store store = new Store();
    private final SimFiles files = new SimFiles();
    private final SimKnobs knobs = new SimKnobs();
    private final SimLogin login;
    private final Inspection inspection;
    private final SimHttpServer server;
    private final String arkivdel;

    private Noark5Simulator(Options o) {
        this.options = o;
        this.login = new SimLogin(o.clientId(), o.clientSecret(), o.users(), o.basic(), o.tokenLifetime());
        this.inspection = new Inspection(store, files);
        String prefix = "/n5/" + o.pathSegment() + "/";
        N5Api api = new N5Api(prefix, store, login, knobs, o.bulkLimit(), o.pageSize());
        FileApi fileApi = new FileApi(api, store, files, knobs, o.bulkLimit());
        Guard loggedIn = (req, res) -> {
            if (login.admits(req.header("Authorization"))) {
                return true;
            }
            res.header("WWW-Authenticate", o.basic() ? "Basic realm=\"N5WS-simulator\"" : "Bearer")
                    .error(401, "Ikke pålogget, eller tokenet er utløpt");
            return false;
        };
        SimHttpServer.Builder b = SimHttpServer.builder("noark5-simulator").port(o.port())
                .maxBody(Math.max(o.bulkLimit(), FileApi.MAX_CHUNK))
                .errors((req, status, message) -> feil(status, message))
                .guard("/", (req, res) -> {
                    knobs.arrive();
                    return true;
                });
        for (String area : List.of("struktur", "sakarkiv", "system", "o", "okt")) {
            b.guard(prefix + area, loggedIn);
        }
        server = b.route("GET", prefix, api::root)
                .route("GET", prefix + ".well-known/openid-configuration", api::openIdConfiguration)
                .route("POST", prefix + "token/", api::token)
                .route("GET", prefix + "struktur/", api::structure)
                .route("GET", prefix + "struktur/arkiver/", api::allArchives)
                .route("GET", prefix + "sakarkiv/", api::caseArchive)
                .route("GET", prefix + "sakarkiv/saker/", api::allCases)
                .route("GET", prefix + "system/", api::system)
                .route("GET", prefix + "o/{id}/", api::object)
                .route("GET", prefix + "o/{id}/l/{list}/", api::children)
                .route("GET", prefix + "o/{id}/ny/{kind}/", api::template)
                .route("POST", prefix + "o/{id}/ny/{kind}/", api::create)
                .route("POST", prefix + "o/{id}/fil/", fileApi::post)
                .route("GET", prefix + "o/{id}/fil/", fileApi::get)
                .route("PUT", prefix + "okt/{session}/", fileApi::put)
                .route("GET", "/sim/journalposter", (req, res) -> res.json(200, inspection.json()))
                .route("GET", "/sim/filer/{id}", fileApi::get)
                .route("GET", "/sim/statistikk", (req, res) -> res.json(200, statistics()))
                .start();
        Entity arkiv = store.create(Kind.ARKIV, null, fields("tittel", ARKIV), "admin");
        arkivdel = store.create(Kind.ARKIVDEL, arkiv.id(), fields("tittel", ARKIVDEL), "admin").id();
        store.create(Kind.ARKIVDEL, arkiv.id(), fields("tittel", OTHER_ARKIVDEL), "admin");
    }

    /** Starts a simulator on 127.0.0.1. */
    public static Noark5Simulator start(Options options) {
        return new Noark5Simulator(options);
    }

    /** @return the N5WS root URL, the only URL a client is given (e.g. {@code http://127.0.0.1:4567/n5/x7k2/}) */
    public URI root() {
        return URI.create(server.baseUri() + "/n5/" + options.pathSegment() + "/");
    }

    /** @return the server itself, e.g. {@code http://127.0.0.1:4567}, for the {@code /sim/...} inspection */
    public URI baseUri() {
        return server.baseUri();
    }

    /** Adds a saksmappe to the arkivdel {@value #ARKIVDEL}; returns its systemID. */
    public String addCase(int saksaar, int sakssekvensnummer, String tittel) {
        return addCase(saksaar, sakssekvensnummer, tittel, false);
    }

    /** Adds a saksmappe, closed (saksstatus A) when asked; returns its systemID. */
    public String addCase(int saksaar, int sakssekvensnummer, String tittel, boolean closed) {
        ObjectNode f = fields("tittel", tittel).put("saksaar", saksaar).put("sakssekvensnummer", sakssekvensnummer)
                .put("saksansvarlig", "Arkivet");
        f.set("saksstatus", closed ? Rules.code("A", "Avsluttet") : Rules.code("B", "Under behandling"));
        return store.create(Kind.SAKSMAPPE, arkivdel, f, "admin").id();
    }

    /** @return the server-wide knobs: fail or hold the next requests, token requests included */
    public Knobs knobs() {
        return server.knobs();
    }

    /**
     * The next create of this type is done, but its answer is lost (502), as when a proxy gives up.
     *
     * @param type e.g. {@code journalpost}, {@code dokumentbeskrivelse}, {@code korrespondansepartenhet}
     */
    public void loseNextCreateAnswer(String type) {
        knobs.loseNextCreate(Kind.valueOf(type.toUpperCase(Locale.ROOT)));
    }

    /** The next completed file upload is stored, but its answer is lost (502). */
    public void loseNextUploadAnswer() {
        knobs.loseNextUploadAnswer();
    }

    /** Upload request {@code n} from now (1 = the next; chunks count one each) fails with {@code status}. */
    public void failUpload(int n, int status) {
        knobs.failUpload(n, status);
    }

    /** The next {@code times} creates answer 409 (changed by someone else). */
    public void conflictNext(int times) {
        knobs.conflictNext(times);
    }

    /** Whether {@code $filter} may name virksomhetsspesifikke metadata fields (off: 400, as some cores). */
    public void metadataFilters(boolean allowed) {
        knobs.metadataFilters(allowed);
    }

    /** Delays every answer by {@code delay}. */
    public void slow(Duration delay) {
        knobs.slow(delay);
    }

    public void tokenLifetime(Duration lifetime) {
        login.lifetime(lifetime);
    }

    /** Every token issued so far expires now. */
    public void expireTokens() {
        login.expireAll();
    }

    /** Every token issued so far expires after {@code requests} more authenticated requests. */
    public void expireTokensAfter(int requests) {
        login.expireAfter(requests);
    }

    public int tokensIssued() {
        return login.issued();
    }

    /** @return every request that reached the simulator */
    public long requests() {
        return knobs.requests();
    }

    /** @return upload requests (whole files and chunks) */
    public int uploads() {
        return knobs.uploads();
    }

    /** @return every journalpost, oldest first */
    public List<Journalpost> journalposts() {
        return inspection.journalposts();
    }

    /** @return the bytes of a document's file (for small test files; large ones: compare {@code sjekksum}) */
    public byte[] content(Dokument dokument) {
        try {
            return Files.readAllBytes(files.file(dokument.dokumentobjekt()).orElseThrow().path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        files.close();
    }

    @Override
    public String toString() {
        return "Noark5Simulator[" + root() + "]";
    }

    private String statistics() {
        return N5Api.JSON.createObjectNode().put("forespoersler", requests()).put("opplastinger", uploads())
                .put("tokensUtstedt", tokensIssued()).put("journalposter", journalposts().size()).toString();
    }

    private static ObjectNode fields(String field, String value) {
        return N5Api.JSON.createObjectNode().put(field, value);
    }

    private static String feil(int status, String message) {
        ObjectNode body = N5Api.JSON.createObjectNode();
        body.putObject("feil").put("kode", status).put("beskrivelse", message);
        return body.toString();
    }
}
