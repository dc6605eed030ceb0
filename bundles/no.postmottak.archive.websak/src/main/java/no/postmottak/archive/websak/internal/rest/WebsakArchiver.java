package no.postmottak.archive.websak.internal.rest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import no.postmottak.api.Party;
import no.postmottak.api.SenderMetadata;
import no.postmottak.api.archive.ArchiveDocument;
import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;
import no.postmottak.api.archive.ArchiveProgress;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.api.archive.CaseInfo;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.arkivmelding.ArkivmeldingFile;

/**
 * Files an item through the Websak+ Integration API: a journalpost from the incoming-letter template on the chosen
 * case (or the fallback case), the sender as avsender, the main document, then the attachments. Every step is
 * noted in the {@link ArchiveProgress} as soon as WebSak confirms it, so a retry continues with the same
 * journalpost; before resuming uploads it asks WebSak how many documents the journalpost already has, so an upload
 * whose answer was lost is not repeated.
 */
public final class WebsakArchiver {

    /** The provider kind. */
    public static final String KIND = "websak";
    static final String SAK = "websak.sakId";
    static final String JP = "websak.jpId";
    static final String AVSENDER = "websak.avsender";
    static final String UPLOADED = "websak.dokumenterLastetOpp";
    static final String CREATING_SAK = "websak.opprettingStartetPaaSak";
    static final String DUPLICATE_WARNING = "websak.advarsel";
    static final String CASE_WARNING = "websak.saksadvarsel";
    /** Noted before asking WebSak for a journalpost: if its answer is lost, the retry knows one may exist. */
    static final String CREATING = "websak.opprettingStartet";
    private static final int MAX_TITLE = 255;
    private static final Logger LOG = LoggerFactory.getLogger(WebsakArchiver.class);

    private final WebsakApi api;
    private final int templateId;
    private final Integer fallbackCaseId;

    WebsakArchiver(WebsakApi api, int templateId, Integer fallbackCaseId) {
        this.api = Objects.requireNonNull(api, "api");
        this.templateId = templateId;
        this.fallbackCaseId = fallbackCaseId;
    }

    public ArchiveReceipt archive(ArchiveRequest request) throws ArchiveException {
        InboxItem item = request.item();
        List<ArchiveDocument> docs = request.documents();
        if (docs.isEmpty()) {
            throw new ArchiveException(Reason.REJECTED, "Elementet har ingen dokumenter å arkivere");
        }
        ArchiveProgress progress = request.progress();
        Map<String, String> notes = new HashMap<>(progress.load());
        int sakId;
        int jpId;
        int uploaded;
        if (notes.containsKey(JP)) {
            sakId = Integer.parseInt(notes.get(SAK));
            jpId = Integer.parseInt(notes.get(JP));
            int noted = Integer.parseInt(notes.getOrDefault(UPLOADED, "0"));
            uploaded = Math.max(noted, api.documentCount(jpId));
            LOG.info("Resuming item {} on WebSak journalpost {}: {} of {} documents there", item.id(), jpId,
                    uploaded, docs.size());
        } else {
            sakId = caseId(request.targetCase(), notes);
            if (notes.containsKey(CREATING)) {
                // The API has no idempotency key: an earlier attempt may have made a journalpost whose id never
                // reached us. Guessing it by title could attach these documents to another item's journalpost, so
                // make a new one and tell the clerk to look for an empty one.
                notes.put(DUPLICATE_WARNING, "Et tidligere forsøk (" + notes.get(CREATING) + ") kan ha opprettet en "
                        + "tom journalpost med tittelen '" + title(item) + "' på sak " + notes.get(CREATING_SAK)
                        + "; sjekk og slett den");
                LOG.warn("Item {}: an earlier attempt may have left an empty WebSak journalpost on case {}",
                        item.id(), notes.get(CREATING_SAK));
            }
            api.token(); // a failing token request must not count as a possibly created journalpost
            notes.put(CREATING, java.time.Instant.now().toString());
            notes.put(CREATING_SAK, Integer.toString(sakId));
            progress.save(notes);
            try {
                jpId = api.createJournalpost(sakId, templateId, title(item));
            } catch (ArchiveException e) {
                if (e.reason() == Reason.REJECTED || e.getCause() instanceof java.net.ConnectException) {
                    // a 4xx, or never connected: certainly nothing was created
                    notes.remove(CREATING);
                    notes.remove(CREATING_SAK);
                    progress.save(notes);
                }
                throw e;
            }
            notes.put(SAK, Integer.toString(sakId));
            notes.put(JP, Integer.toString(jpId));
            progress.save(notes);
            uploaded = 0;
        }
        if (!notes.containsKey(AVSENDER)) {
            api.addContact(jpId, contact(item.metadata().sender(), item.metadata().senderMetadata()));
            notes.put(AVSENDER, "ok");
            progress.save(notes);
        }
        List<ArkivmeldingFile> names = ArkivmeldingFile.of(docs.stream().map(ArchiveDocument::metadata).toList());
        for (int i = uploaded; i < docs.size(); i++) {
            api.upload(jpId, i == 0, names.get(i).fileName(), docs.get(i));
            notes.put(UPLOADED, Integer.toString(i + 1));
            progress.save(notes);
        }
        return receipt(request, sakId, jpId);
    }

    private ArchiveReceipt receipt(ArchiveRequest request, int sakId, int jpId) {
        String number = null;
        String caseNumber = request.targetCase() != null && request.targetCase().caseNumber() != null
                ? request.targetCase().caseNumber().toString() : null;
        try {
            JsonNode jp = api.journalpost(jpId);
            number = jp.path("visningId").asText(null);
            caseNumber = jp.path("sakVisningId").asText(caseNumber);
        } catch (ArchiveException e) {
            // Everything is filed; the display numbers are a nicety the clerk can look up in WebSak.
            LOG.warn("Item {} is filed as WebSak journalpost {}, but reading its number failed: {}",
                    request.item().id(), jpId, e.getMessage());
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("sakId", Integer.toString(sakId));
        details.put("dokumenter", Integer.toString(request.documents().size()));
        Map<String, String> notes = request.progress().load();
        String warning = java.util.stream.Stream.of(notes.get(CASE_WARNING), notes.get(DUPLICATE_WARNING))
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining(" "));
        if (!warning.isEmpty()) {
            details.put("advarsel", warning);
        }
        return new ArchiveReceipt(KIND, null, Integer.toString(jpId), number, caseNumber, details);
    }

    /**
     * The WebSak id of the target case. The Integration API cannot look a case up by its number, so a case number
     * without an id (the clerk typed it, or the sender suggested it) goes onto the fallback case (fordelingssak)
     * with a warning the clerk sees, never silently.
     */
    private int caseId(CaseInfo target, Map<String, String> notes) throws ArchiveException {
        if (target != null && target.caseId() != null && !target.caseId().isBlank()) {
            try {
                return Integer.parseInt(target.caseId().strip());
            } catch (NumberFormatException e) {
                throw new ArchiveException(Reason.REJECTED, "Saks-id '" + target.caseId()
                        + "' er ikke en WebSak-id (et heltall)");
            }
        }
        boolean numberOnly = target != null && target.caseNumber() != null;
        if (fallbackCaseId == null) {
            throw new ArchiveException(Reason.TARGET_NOT_AVAILABLE, numberOnly
                    ? "WebSak kan ikke slå opp sak " + target.caseNumber() + " ut fra saksnummeret, og ingen "
                            + "fordelingssak er konfigurert for WebSak"
                    : "Ingen sak er valgt, og ingen fordelingssak er konfigurert for WebSak");
        }
        if (numberOnly) {
            notes.put(CASE_WARNING, "WebSak kan ikke slå opp sak " + target.caseNumber() + " ut fra saksnummeret; "
                    + "journalposten er lagt på fordelingssaken og må flyttes til sak " + target.caseNumber()
                    + " i WebSak.");
        }
        return fallbackCaseId;
    }

    static String title(InboxItem item) {
        String t = item.metadata().title();
        if (t == null || t.isBlank()) {
            SenderMetadata their = item.metadata().senderMetadata();
            t = their != null && their.tittel() != null ? their.tittel() : "Uten tittel";
        }
        t = t.strip();
        return t.length() > MAX_TITLE ? t.substring(0, MAX_TITLE) : t;
    }

    /** NyKontaktInformasjon for the sender; their case reference goes into {@code referanse}. */
    static Map<String, Object> contact(Party p, SenderMetadata their) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("navn", p.name().isBlank() ? (p.orgnr() != null ? "Organisasjon " + p.orgnr() : "Ukjent avsender")
                : p.name());
        for (int i = 0; i < Math.min(4, p.addressLines().size()); i++) {
            k.put("adresse" + (i + 1), p.addressLines().get(i));
        }
        putIf(k, "postnr", p.postnr());
        boolean person = p.orgnr() == null && p.fnr() != null;
        putIf(k, "offentligNummer", p.orgnr() != null ? p.orgnr() : p.fnr());
        k.put("erPerson", person);
        if (their != null) {
            their.reference().ifPresent(r -> k.put("referanse", r));
        }
        return k;
    }

    private static void putIf(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }
}
