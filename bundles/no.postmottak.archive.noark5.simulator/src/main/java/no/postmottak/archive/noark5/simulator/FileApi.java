package no.postmottak.archive.noark5.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.simulator.http.Request;
import no.postmottak.simulator.http.Response;
import no.postmottak.simulator.http.StatusException;

/**
 * Files on a dokumentobjekt (spec ch. 6 "Hente og overføre filer"): a POST of the bytes up to {@code bulkgrense}
 * (larger: 403), or a session started with {@code X-Upload-Content-Length} and filled by PUTs with
 * {@code Content-Range} (200 per chunk with {@code Range}, 201 on the last). What the dokumentobjekt announced
 * (mimeType, filstoerrelse, sjekksum) must match what arrived, else 400; a file is never replaced. GET streams it.
 */
final class FileApi {

    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    /** A chunk larger than this is refused (413), which bounds the simulator's memory per request. */
    static final long MAX_CHUNK = 64L * 1024 * 1024;

    private final N5Api api;
    private final Store store;
    private final SimFiles files;
    private final SimKnobs knobs;
    private final long bulkLimit;

    FileApi(N5Api api, Store store, SimFiles files, SimKnobs knobs, long bulkLimit) {
        this.api = api;
        this.store = store;
        this.files = files;
        this.knobs = knobs;
        this.bulkLimit = bulkLimit;
    }

    void post(Request req, Response res) throws IOException {
        Entity obj = dokumentobjekt(req.param("id"));
        if (files.file(obj.id()).isPresent()) {
            throw new StatusException(400, "Dokumentobjektet har allerede en fil; en fil kan ikke erstattes");
        }
        String total = req.header("X-Upload-Content-Length");
        if (total != null) {
            String mime = req.header("X-Upload-Content-Type");
            expectAnnounced(obj, mime, Long.parseLong(total.strip()));
            String session = files.startSession(obj.id(), mime, Long.parseLong(total.strip()));
            res.header("Location", api.hal(req).session(session)).empty(200);
            return;
        }
        long length = Long.parseLong(Optional.ofNullable(req.header("Content-Length")).orElse("0").strip());
        if (length > bulkLimit) {
            throw new StatusException(403, "Filen (" + length + " byte) er større enn bulkgrensen (" + bulkLimit
                    + " byte); bruk opplasting i bolker");
        }
        byte[] bytes = req.body(bulkLimit); // read first: a failure then answers a client that has sent it all
        failIfKnobSays();
        String mime = req.header("Content-Type");
        expectAnnounced(obj, mime, length);
        complete(req, res, obj, files.store(bytes, baseType(mime)));
    }

    void put(Request req, Response res) throws IOException {
        String session = req.param("session");
        Entity obj = dokumentobjekt(files.sessionTarget(session));
        byte[] chunk = req.body(MAX_CHUNK);
        failIfKnobSays();
        Matcher m = RANGE.matcher(Optional.ofNullable(req.header("Content-Range")).orElse(""));
        if (!m.matches()) {
            throw new StatusException(400, "Content-Range mangler eller er ugyldig (bytes fra-til/total)");
        }
        Optional<SimFiles.StoredFile> done = files.append(session, Long.parseLong(m.group(1)),
                Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), chunk);
        if (done.isEmpty()) {
            res.header("Location", api.hal(req).session(session))
                    .header("Range", "bytes 0-" + (files.received(session) - 1)).empty(200);
            return;
        }
        complete(req, res, obj, done.get());
    }

    void get(Request req, Response res) throws IOException {
        Entity obj = dokumentobjekt(req.param("id"));
        SimFiles.StoredFile file = files.file(obj.id())
                .orElseThrow(() -> new StatusException(404, "Dokumentobjektet har ingen fil ennå"));
        try (InputStream in = Files.newInputStream(file.path());
             OutputStream out = res.stream(200, file.mimeType(), file.size())) {
            in.transferTo(out);
        }
    }

    private void complete(Request req, Response res, Entity obj, SimFiles.StoredFile file) throws IOException {
        ObjectNode announced = store.snapshot(obj);
        String sjekksum = announced.path("sjekksum").asText(null);
        if (sjekksum != null && !sjekksum.equalsIgnoreCase(file.sha256())
                || announced.has("filstoerrelse") && announced.path("filstoerrelse").asLong() != file.size()) {
            files.discard(file);
            throw new StatusException(400, "Filen stemmer ikke med dokumentobjektet: sjekksum eller størrelse "
                    + "avviker fra det som ble oppgitt");
        }
        files.attach(obj.id(), file);
        String href = api.hal(req).file(obj.id());
        store.update(obj, f -> {
            f.put("mimeType", file.mimeType());
            f.put("filstoerrelse", file.size());
            f.put("sjekksum", file.sha256());
            f.put("sjekksumAlgoritme", "SHA-256");
            f.set("format", "application/pdf".equals(file.mimeType()) ? Rules.code("fmt/276", "PDF 1.7")
                    : Rules.code("av/0", "Ukjent format"));
            f.put("referanseDokumentfil", href);
        });
        if (knobs.loseUploadAnswer()) {
            throw new StatusException(502, "Simulert tapt svar: filen ble lagret, men svaret gikk tapt");
        }
        N5Api.send(res, 201, api.render(req, obj), obj.etag());
    }

    private void expectAnnounced(Entity obj, String mime, long size) {
        ObjectNode announced = store.snapshot(obj);
        String expectedMime = announced.path("mimeType").asText(null);
        if (expectedMime != null && !expectedMime.equalsIgnoreCase(baseType(mime))) {
            throw new StatusException(400, "Filtypen " + mime + " stemmer ikke med dokumentobjektets mimeType "
                    + expectedMime);
        }
        if (announced.has("filstoerrelse") && announced.path("filstoerrelse").asLong() != size) {
            throw new StatusException(400, "Størrelsen " + size + " stemmer ikke med dokumentobjektets filstoerrelse "
                    + announced.path("filstoerrelse").asLong());
        }
    }

    private void failIfKnobSays() {
        int status = knobs.nextUpload();
        if (status != 0) {
            throw new StatusException(status, "Simulert feil " + status + " ved opplasting");
        }
    }

    private Entity dokumentobjekt(String id) {
        Entity e = api.entity(id);
        if (e.kind() != Kind.DOKUMENTOBJEKT) {
            throw new StatusException(404, "Bare dokumentobjekter har filer");
        }
        return e;
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
