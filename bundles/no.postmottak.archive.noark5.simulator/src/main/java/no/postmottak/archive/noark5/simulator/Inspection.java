package no.postmottak.archive.noark5.simulator;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.archive.noark5.simulator.Noark5Simulator.Dokument;
import no.postmottak.archive.noark5.simulator.Noark5Simulator.Journalpost;
import no.postmottak.archive.noark5.simulator.Noark5Simulator.Korrespondansepart;

/** What tests and demos see of the simulated archive: journalposts with their parts and documents. */
final class Inspection {

    private final Store store;
    private final SimFiles files;

    Inspection(Store store, SimFiles files) {
        this.store = store;
        this.files = files;
    }

    List<Journalpost> journalposts() {
        List<Journalpost> list = new ArrayList<>();
        for (Entity jp : store.ofKind(Kind.JOURNALPOST)) {
            ObjectNode f = store.snapshot(jp);
            ObjectNode saksmappe = store.snapshot(store.get(jp.parentId()).orElseThrow());
            List<Korrespondansepart> parts = store.children(jp.id(), Kind::isKorrespondansepart).stream()
                    .map(store::snapshot).map(Inspection::part).toList();
            List<Dokument> docs = store.children(jp.id(), k -> k == Kind.DOKUMENTBESKRIVELSE).stream()
                    .map(this::document).toList();
            Map<String, String> ours = new LinkedHashMap<>();
            f.path("virksomhetsspesifikkeMetadata").fields().forEachRemaining(e -> ours.put(e.getKey(),
                    e.getValue().asText()));
            list.add(new Journalpost(jp.id(), saksmappe.path("mappeID").asText(), f.path("registreringsID").asText(),
                    f.path("tittel").asText(), code(f, "journalposttype"), code(f, "journalstatus"),
                    text(f, "mottattDato"), text(f, "dokumentetsDato"), ours, parts, docs));
        }
        return list;
    }

    String json() {
        try {
            return N5Api.JSON.writeValueAsString(journalposts());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Dokument document(Entity db) {
        ObjectNode f = store.snapshot(db);
        List<Entity> objects = store.children(db.id(), k -> k == Kind.DOKUMENTOBJEKT);
        ObjectNode o = objects.isEmpty() ? N5Api.JSON.createObjectNode() : store.snapshot(objects.get(0));
        boolean hasFile = !objects.isEmpty() && files.file(objects.get(0).id()).isPresent();
        return new Dokument(db.id(), f.path("tittel").asText(), code(f, "tilknyttetRegistreringSom"),
                f.path("dokumentnummer").asInt(0), objects.isEmpty() ? null : objects.get(0).id(),
                text(o, "filnavn"), text(o, "mimeType"), hasFile ? o.path("filstoerrelse").asLong() : -1,
                hasFile ? text(o, "sjekksum") : null, objects.size());
    }

    private static Korrespondansepart part(ObjectNode f) {
        return new Korrespondansepart(code(f, "korrespondanseparttype"), text(f, "navn"),
                text(f.path("enhetsidentifikator"), "organisasjonsnummer"), text(f, "administrativEnhet"),
                text(f, "saksbehandler"));
    }

    private static String code(JsonNode f, String field) {
        return text(f.path(field), "kode");
    }

    private static String text(JsonNode f, String field) {
        JsonNode n = f.path(field);
        return n.isValueNode() && !n.isNull() ? n.asText() : null;
    }
}
