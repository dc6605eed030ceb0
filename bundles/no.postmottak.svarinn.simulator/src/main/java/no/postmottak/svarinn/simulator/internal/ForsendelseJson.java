package no.postmottak.svarinn.simulator.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.svarinn.simulator.Adresse;
import no.postmottak.svarinn.simulator.AvleverendeMetadata;
import no.postmottak.svarinn.simulator.Dokument;
import no.postmottak.svarinn.simulator.Fault;
import no.postmottak.svarinn.simulator.ForsendelseSpec;
import no.postmottak.svarinn.simulator.ImportMetadata;
import no.postmottak.svarinn.simulator.Lenke;

/** Writes a forsendelse as the {@code hentNyeForsendelser} list item of spec §5, field order as §5.5. */
final class ForsendelseJson {
    /** ISO-8601 as in KS's doc example: {@code 2014-10-21T09:30:13.310+02:00}. */
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private final ObjectMapper mapper;

    ForsendelseJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode write(StoredForsendelse f, String downloadUrl) {
        if (f.rawJson != null) {
            ObjectNode copy = f.rawJson.deepCopy();
            copy.put("downloadUrl", downloadUrl);
            return copy;
        }
        ForsendelseSpec s = f.spec;
        ObjectNode o = mapper.createObjectNode();
        o.put("id", f.id);
        o.put("tittel", s.tittel());
        date(o, "date", s.date(), s.has(Fault.DATES_AS_ISO));
        o.put("status", s.status());
        o.put("niva", s.niva());
        ObjectNode avs = o.putObject("avsender");
        avs.put("navn", s.avsender().navn());
        avs.put("adresselinje1", s.avsender().adresselinje1());
        avs.put("adresselinje2", s.avsender().adresselinje2());
        avs.put("adresselinje3", s.avsender().adresselinje3());
        avs.put("postnr", s.avsender().postnr());
        avs.put("poststed", s.avsender().poststed());
        ObjectNode mottaker = adresse(o, "mottaker", s.mottaker());
        adresse(o, "svarSendesTil", s.svarSendesTil());
        o.put("svarPaForsendelse", s.svarPaForsendelse());
        o.put("forsendelseType", s.forsendelseType());
        o.put("eksternRef", s.eksternRef());
        avleverende(o.putObject("metadataFraAvleverendeSystem"), s.avleverende(), s);
        forImport(o.putObject("metadataForImport"), s.forImport(), s.has(Fault.IMPORT_DATE_AS_MILLIS));
        ArrayNode filer = o.putArray("filmetadata");
        List<Dokument> docs = s.dokumenter();
        for (int i = 0; i < docs.size(); i++) {
            Dokument d = docs.get(i);
            ObjectNode fm = filer.addObject();
            fm.put("filnavn", d.filnavn());
            fm.put("mimetype", d.mimetype());
            fm.put("sha256hash", i == 0 && s.has(Fault.HASH_MISMATCH) ? wrongHash(d.sha256()) : d.sha256());
            fm.put("dokumentType", d.dokumentType());
            fm.put("size", d.size());
            if (s.has(Fault.UNKNOWN_JSON_FIELDS)) {
                fm.put("signeringsstatus", "IKKE_SIGNERT");
            }
        }
        ArrayNode lenker = o.putArray("lenker");
        for (Lenke l : s.lenker()) {
            lenker.addObject().put("ledetekst", l.ledetekst()).put("urlLenke", l.urlLenke())
                    .put("urlTekst", l.urlTekst());
        }
        o.put("downloadUrl", downloadUrl);
        if (s.has(Fault.UNKNOWN_JSON_FIELDS)) {
            o.put("nyttFeltFraKs", "ignorer meg");
            o.putObject("leveringsinfo").put("kanal", "SVARINN").putArray("forsok").add(1);
            if (mottaker != null) {
                mottaker.put("kontaktpunkt", "postmottak");
            }
        }
        return o;
    }

    private static ObjectNode adresse(ObjectNode parent, String field, Adresse a) {
        if (a == null) {
            parent.putNull(field);
            return null;
        }
        ObjectNode o = parent.putObject(field);
        o.put("navn", a.navn());
        o.put("adresse1", a.adresse1());
        o.put("adresse2", a.adresse2());
        o.put("adresse3", a.adresse3());
        o.put("postnr", a.postnr());
        o.put("poststed", a.poststed());
        o.put("land", a.land());
        o.put("orgnr", a.orgnr());
        o.put("fnr", a.fnr());
        return o;
    }

    private static void avleverende(ObjectNode o, AvleverendeMetadata m, ForsendelseSpec s) {
        boolean nulls = s.has(Fault.NULL_METADATA_NUMBERS);
        boolean iso = s.has(Fault.DATES_AS_ISO);
        o.put("sakssekvensnummer", m.sakssekvensnummer());
        o.put("saksaar", m.saksaar());
        o.put("journalaar", nulls ? null : m.journalaar());
        o.put("journalsekvensnummer", nulls ? null : m.journalsekvensnummer());
        o.put("journalpostnummer", nulls ? null : m.journalpostnummer());
        o.put("journalposttype", m.journalposttype());
        o.put("journalstatus", m.journalstatus());
        date(o, "journaldato", nulls ? null : m.journaldato(), iso);
        date(o, "dokumentetsDato", nulls ? null : m.dokumentetsDato(), iso);
        o.put("tittel", m.tittel());
        o.put("saksBehandler", m.saksBehandler());
        ArrayNode ekstra = o.putArray("ekstraMetadata");
        for (Map.Entry<String, String> e : m.ekstraMetadata().entrySet()) {
            ekstra.addObject().put("key", e.getKey()).put("value", e.getValue());
        }
    }

    private static void forImport(ObjectNode o, ImportMetadata m, boolean millis) {
        o.put("sakssekvensnummer", m.sakssekvensnummer());
        o.put("saksaar", m.saksaar());
        o.put("journalposttype", m.journalposttype());
        o.put("journalstatus", m.journalstatus());
        OffsetDateTime d = m.dokumentetsDato();
        if (d == null) {
            o.putNull("dokumentetsDato");
        } else if (millis) {
            o.put("dokumentetsDato", d.toInstant().toEpochMilli());
        } else {
            o.put("dokumentetsDato", ISO.format(d));
        }
        o.put("tittel", m.tittel());
    }

    private static void date(ObjectNode o, String field, Instant t, boolean iso) {
        if (t == null) {
            o.putNull(field);
        } else if (iso) {
            o.put(field, ISO.format(t.atZone(OSLO)));
        } else {
            o.put(field, t.toEpochMilli());
        }
    }

    /** Flips the last hex digit, so the value still looks like a SHA-256. */
    private static String wrongHash(String sha256) {
        char last = sha256.charAt(sha256.length() - 1);
        return sha256.substring(0, sha256.length() - 1) + (last == '0' ? '1' : '0');
    }
}
