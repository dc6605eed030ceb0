package no.postmottak.archive.noark5.simulator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.simulator.http.StatusException;

/**
 * What the simulated core pre-fills on a {@code ny-*} GET and what it checks on create (spec ch. 6-7): required
 * fields, code-list values, dates with a time zone, and no new registrations on a closed case. A violation is a
 * 400 with an N5WS error body, in words a records clerk understands.
 */
final class Rules {

    private static final Set<String> JOURNALPOSTTYPER = Set.of("I", "U", "N", "X", "S");
    private static final Set<String> JOURNALSTATUSER = Set.of("J", "F", "G", "E", "A", "U", "M", "S", "R");
    private static final Set<String> KORRESPONDANSEPARTTYPER = Set.of("EA", "EM", "EK", "GM", "IA", "IM", "IK");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Rules() {
    }

    /** The pre-filled object a GET on {@code ny-*} returns (no self: it is not stored). */
    static ObjectNode template(Kind kind) {
        ObjectNode t = NODES.objectNode();
        switch (kind) {
            case SAKSMAPPE -> t.put("tittel", "").set("saksstatus", code("B", "Under behandling"));
            case JOURNALPOST -> {
                t.put("tittel", "");
                t.set("journalposttype", code("I", "Inngående dokument"));
                t.set("journalstatus", code("M", "Midlertidig registrering av innkommet dokument"));
                t.put("mottattDato", OffsetDateTime.now(Store.NORWAY).withNano(0).toString());
            }
            case KORRESPONDANSEPARTENHET, KORRESPONDANSEPARTPERSON ->
                    t.put("navn", "").set("korrespondanseparttype", code("EA", "Avsender"));
            case KORRESPONDANSEPARTINTERN -> t.set("korrespondanseparttype", code("IM", "Intern mottaker"));
            case DOKUMENTBESKRIVELSE -> {
                t.put("tittel", "");
                t.set("tilknyttetRegistreringSom", code("H", "Hoveddokument"));
                t.set("dokumentstatus", code("B", "Dokumentet er under redigering"));
            }
            case DOKUMENTOBJEKT -> t.put("versjonsnummer", 1).set("variantformat", code("P", "Produksjonsformat"));
            default -> {
                // arkiv and arkivdel are not created through the API here
            }
        }
        return t;
    }

    /** Checks a create; fills in what the core derives. */
    static void check(Kind kind, ObjectNode body, Entity parent, ObjectNode parentFields) {
        body.remove("_links");
        if (parent.kind() == Kind.SAKSMAPPE && isClosed(parentFields)) {
            throw new StatusException(400, "Saksmappen " + parentFields.path("mappeID").asText()
                    + " er avsluttet; nye registreringer kan ikke legges til (krav 5.4.7)");
        }
        switch (kind) {
            case SAKSMAPPE -> required(body, "tittel", "Saksmappen må ha en tittel");
            case JOURNALPOST -> {
                required(body, "tittel", "Journalposten må ha en tittel");
                codeIn(body, "journalposttype", JOURNALPOSTTYPER, "journalposttype");
                codeIn(body, "journalstatus", JOURNALSTATUSER, "journalstatus");
                dateTime(body, "mottattDato");
                date(body, "dokumentetsDato");
            }
            case KORRESPONDANSEPARTENHET, KORRESPONDANSEPARTPERSON -> {
                required(body, "navn", "Korrespondanseparten må ha et navn");
                codeIn(body, "korrespondanseparttype", KORRESPONDANSEPARTTYPER, "korrespondanseparttype");
            }
            case KORRESPONDANSEPARTINTERN ->
                    codeIn(body, "korrespondanseparttype", KORRESPONDANSEPARTTYPER, "korrespondanseparttype");
            case DOKUMENTBESKRIVELSE -> {
                required(body, "tittel", "Dokumentbeskrivelsen må ha en tittel");
                codeIn(body, "tilknyttetRegistreringSom", Set.of("H", "V"), "tilknyttetRegistreringSom");
            }
            case DOKUMENTOBJEKT -> {
                if (body.hasNonNull("sjekksum") && !"SHA-256".equals(body.path("sjekksumAlgoritme").asText())) {
                    throw new StatusException(400, "sjekksumAlgoritme må være SHA-256 når sjekksum er oppgitt");
                }
                body.remove("referanseDokumentfil"); // set by the core when the file has arrived
            }
            default -> throw new StatusException(400, "Denne typen kan ikke opprettes her");
        }
    }

    static boolean isClosed(ObjectNode saksmappe) {
        String status = saksmappe.path("saksstatus").path("kode").asText("");
        return saksmappe.hasNonNull("avsluttetDato") || "A".equals(status) || "U".equals(status);
    }

    static ObjectNode code(String kode, String kodenavn) {
        return NODES.objectNode().put("kode", kode).put("kodenavn", kodenavn);
    }

    private static void required(ObjectNode body, String field, String message) {
        if (body.path(field).asText("").isBlank()) {
            throw new StatusException(400, message + " (" + field + " mangler)");
        }
    }

    private static void codeIn(ObjectNode body, String field, Set<String> allowed, String list) {
        JsonNode kode = body.path(field).path("kode");
        if (body.has(field) && !allowed.contains(kode.asText(""))) {
            throw new StatusException(400, "Ugyldig kode «" + kode.asText("") + "» i kodelisten " + list);
        }
    }

    private static void dateTime(ObjectNode body, String field) {
        if (body.hasNonNull(field)) {
            try {
                OffsetDateTime.parse(body.get(field).asText());
            } catch (DateTimeParseException e) {
                throw new StatusException(400, field + " må være dato og klokkeslett med tidssone: "
                        + body.get(field).asText());
            }
        }
    }

    private static void date(ObjectNode body, String field) {
        if (body.hasNonNull(field)) {
            try {
                DateTimeFormatter.ISO_OFFSET_DATE.parse(body.get(field).asText());
            } catch (DateTimeParseException e) {
                try {
                    LocalDate.parse(body.get(field).asText());
                } catch (DateTimeParseException e2) {
                    throw new StatusException(400, field + " må være en dato med tidssone: " + body.get(field).asText());
                }
                throw new StatusException(400, field + " mangler tidssone: " + body.get(field).asText());
            }
        }
    }
}
