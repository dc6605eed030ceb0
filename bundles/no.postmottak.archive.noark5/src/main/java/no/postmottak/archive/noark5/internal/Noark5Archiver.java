package no.postmottak.archive.noark5.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.CaseNumber;
import no.postmottak.api.Party;
import no.postmottak.api.archive.ArchiveDocument;
import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.api.archive.CaseInfo;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.arkivmelding.ArkivmeldingFile;

/**
 * Files an item into an N5WS archive as an incoming journalpost: on the chosen (or fallback) saksmappe a
 * journalpost of type I, the sender as korrespondansepart EA (and the receiving unit as IM when configured), then
 * per document a dokumentbeskrivelse (H, then V) with a dokumentobjekt and its file. Every object is created at
 * most once across retries ({@link Creation}); a file whose upload answer was lost is recognised by the
 * dokumentobjekt already having its file.
 */
final class Noark5Archiver {

    static final String KIND = "noark5";
    static final String SAKSMAPPE = "noark5.saksmappe";
    static final String JOURNALPOST = "noark5.journalpost";
    static final String AVSENDER = "noark5.avsender";
    static final String MOTTAKER = "noark5.mottaker";
    static final String DOKUMENTBESKRIVELSE = "noark5.dokumentbeskrivelse.";
    static final String DOKUMENTOBJEKT = "noark5.dokumentobjekt.";
    static final String FIL = "noark5.fil.";
    private static final Logger LOG = LoggerFactory.getLogger(Noark5Archiver.class);

    private final Noark5Settings settings;
    private final N5Http n5;
    private final ArchiveStructure structure;
    private final Cases cases;
    private final FileUpload files;
    private final Search search;

    Noark5Archiver(Noark5Settings settings, N5Http n5, ArchiveStructure structure) {
        this.settings = settings;
        this.n5 = n5;
        this.structure = structure;
        this.cases = new Cases(structure, n5, settings.fallbackCase());
        this.files = new FileUpload(n5, settings.chunkSize());
        this.search = new Search(n5);
    }

    Optional<CaseInfo> findCase(CaseNumber number) throws ArchiveException {
        try {
            return cases.byNumber(number).map(Cases::info);
        } catch (ArchiveException e) {
            structure.forget();
            throw e;
        }
    }

    ArchiveReceipt archive(ArchiveRequest request) throws ArchiveException {
        if (request.documents().isEmpty()) {
            throw new ArchiveException(Reason.REJECTED, "Elementet har ingen dokumenter å arkivere");
        }
        try {
            return file(request);
        } catch (ArchiveException e) {
            structure.forget(); // the archive may have been reorganised: look again next time
            throw e;
        }
    }

    private ArchiveReceipt file(ArchiveRequest request) throws ArchiveException {
        InboxItem item = request.item();
        Progress progress = new Progress(request.progress());
        Creation creation = new Creation(n5, progress);
        ArchiveStructure.Place place = structure.place();
        N5Object saksmappe;
        if (progress.has(SAKSMAPPE)) {
            saksmappe = n5.get(progress.get(SAKSMAPPE), "lesing av saksmappen");
        } else {
            saksmappe = cases.resolve(request.targetCase());
            progress.put(SAKSMAPPE, saksmappe.self(), null);
        }
        N5Object jp = creation.once(JOURNALPOST, saksmappe, Rels.NY_JOURNALPOST,
                Bodies.journalpost(item, settings.journalstatus()), () -> earlierJournalpost(saksmappe, item),
                "journalpost");
        Party sender = item.metadata().sender();
        creation.once(AVSENDER, jp, Bodies.isPerson(sender) ? Rels.NY_KORRESPONDANSEPARTPERSON
                        : Rels.NY_KORRESPONDANSEPARTENHET, Bodies.sender(sender),
                () -> member(jp, Rels.KORRESPONDANSEPART, "EA", Bodies.senderName(sender)), "avsender");
        if (settings.administrativEnhet() != null || settings.saksbehandler() != null) {
            creation.once(MOTTAKER, jp, Rels.NY_KORRESPONDANSEPARTINTERN,
                    Bodies.internalRecipient(settings.administrativEnhet(), settings.saksbehandler()),
                    () -> member(jp, Rels.KORRESPONDANSEPART, "IM", null), "intern mottaker");
        }
        List<ArchiveDocument> docs = request.documents();
        List<ArkivmeldingFile> names = ArkivmeldingFile.of(docs.stream().map(ArchiveDocument::metadata).toList());
        for (int i = 0; i < docs.size(); i++) {
            if (!creation.done(FIL + i)) {
                fileDocument(creation, jp, docs.get(i), names.get(i).fileName(), i, place.bulkLimit());
            }
        }
        LOG.info("Item {} filed as Noark 5 journalpost {} with {} documents", item.id(), jp.systemId(), docs.size());
        return receipt(saksmappe, jp, docs.size());
    }

    private void fileDocument(Creation creation, N5Object jp, ArchiveDocument doc, String fileName, int i,
                              long bulkLimit) throws ArchiveException {
        N5Object db = creation.once(DOKUMENTBESKRIVELSE + i, jp, Rels.NY_DOKUMENTBESKRIVELSE,
                Bodies.dokumentbeskrivelse(doc.metadata(), fileName), () -> search.first(
                        jp.require(Rels.DOKUMENTBESKRIVELSE, "dokumentbeskrivelser"),
                        o -> fileName.equals(o.text("tittel")), "søk etter dokumentbeskrivelse"),
                "dokumentbeskrivelse for " + fileName);
        N5Object obj = creation.once(DOKUMENTOBJEKT + i, db, Rels.NY_DOKUMENTOBJEKT,
                Bodies.dokumentobjekt(doc.metadata(), fileName), () -> search.first(
                        db.require(Rels.DOKUMENTOBJEKT, "dokumentobjekter"), o -> true, "søk etter dokumentobjekt"),
                "dokumentobjekt for " + fileName);
        if (!FileUpload.hasFile(obj)) {
            obj = files.upload(obj, doc, bulkLimit);
        }
        creation.markDone(FIL + i, obj.text("sjekksum") == null ? "ok" : obj.text("sjekksum"));
    }

    /** The journalpost an unconfirmed attempt made: by our item id, else by title and time of receipt. */
    private Optional<N5Object> earlierJournalpost(N5Object saksmappe, InboxItem item) throws ArchiveException {
        Link list = saksmappe.require(Rels.JOURNALPOST, "journalposter");
        String id = item.id().toString();
        if (Search.filterable(list)) {
            try {
                return search.filter(list, Bodies.ITEM_ID + " eq " + Search.literal(id),
                        "søk etter journalpost fra et tidligere forsøk").stream().findFirst();
            } catch (ArchiveException e) {
                if (e.reason() != Reason.REJECTED) {
                    throw e;
                }
                LOG.info("Item {}: the archive cannot filter on our metadata ({}); reading the case's journalposts",
                        item.id(), e.getMessage());
            }
        }
        String title = Bodies.title(item);
        return search.first(list, jp -> {
            String ours = jp.json().path("virksomhetsspesifikkeMetadata").path(Bodies.ITEM_ID).asText(null);
            return ours != null ? ours.equals(id)
                    : title.equals(jp.text("tittel")) && sameInstant(jp.text("mottattDato"),
                            Bodies.dateTime(item.receivedAt()));
        }, "søk etter journalpost fra et tidligere forsøk");
    }

    /** A korrespondansepart of the given type (and name) already on the journalpost. */
    private Optional<N5Object> member(N5Object jp, String listRel, String type, String name)
            throws ArchiveException {
        return search.first(jp.require(listRel, "korrespondanseparter"), kp ->
                type.equals(kp.json().path("korrespondanseparttype").path("kode").asText())
                        && (name == null || name.equals(kp.text("navn"))), "søk etter korrespondansepart");
    }

    private static boolean sameInstant(String a, String b) {
        try {
            return a != null && OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private ArchiveReceipt receipt(N5Object saksmappe, N5Object jp, int documents) {
        String caseNumber = Cases.number(saksmappe).map(CaseNumber::toString).orElse(saksmappe.text("mappeID"));
        String number = jp.text("journalpostnummer");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("saksmappe", saksmappe.systemId());
        details.put("dokumenter", Integer.toString(documents));
        if (jp.text("journalaar") != null && jp.text("journalsekvensnummer") != null) {
            details.put("journalnummer", jp.text("journalaar") + "/" + jp.text("journalsekvensnummer"));
        }
        return new ArchiveReceipt(KIND, null, jp.systemId(),
                caseNumber != null && number != null ? caseNumber + "-" + number : null, caseNumber, details);
    }
}
