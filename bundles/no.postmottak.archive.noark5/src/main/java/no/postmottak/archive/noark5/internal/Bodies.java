package no.postmottak.archive.noark5.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.api.DocumentRole;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.Party;
import no.postmottak.api.SenderMetadata;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.StoredDocument;

/**
 * The N5WS objects Postmottak creates, as JSON (spec v1.1 ch. 7; only what is worth sending on create, the core
 * fills in the rest). Dates carry the Norwegian time zone, as the spec requires a zone on every date.
 */
final class Bodies {

    /** Our fields in {@code virksomhetsspesifikkeMetadata} (ch. 6: {@code vnd-<vendor>-<version>:<field>}). */
    static final String ITEM_ID = "vnd-postmottak-v1:elementid";
    static final String CHANNEL = "vnd-postmottak-v1:kanal";
    static final String CHANNEL_ID = "vnd-postmottak-v1:kanalid";
    static final String THEIR_REFERENCE = "vnd-postmottak-v1:deresreferanse";
    static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Bodies() {
    }

    /** An incoming journalpost (type I) with our item id, the channel and the sender's reference. */
    static ObjectNode journalpost(InboxItem item, String journalstatus) {
        IncomingItem m = item.metadata();
        ObjectNode jp = NODES.objectNode();
        jp.put("tittel", title(item));
        jp.put("beskrivelse", "Mottatt via " + (m.channel() == no.postmottak.api.Channel.SVARINN ? "SvarInn (KS SvarUt)"
                : "eFormidling") + ", forsendelse " + m.channelId());
        jp.set("journalposttype", code("I", "Inngående dokument"));
        jp.set("journalstatus", code(journalstatus, null));
        LocalDate documentDate = documentDate(m);
        if (documentDate != null) {
            jp.put("dokumentetsDato", documentDate.atStartOfDay(NORWAY).format(DateTimeFormatter.ISO_OFFSET_DATE));
        }
        jp.put("mottattDato", dateTime(item.receivedAt()));
        ObjectNode ours = jp.putObject("virksomhetsspesifikkeMetadata");
        ours.put(ITEM_ID, item.id().toString());
        ours.put(CHANNEL, m.channel().name());
        ours.put(CHANNEL_ID, m.channelId());
        if (m.senderMetadata() != null) {
            m.senderMetadata().reference().ifPresent(r -> ours.put(THEIR_REFERENCE, r));
        }
        return jp;
    }

    /** Whether the sender is a person (national id, no organisation number): korrespondansepartperson. */
    static boolean isPerson(Party sender) {
        return sender.orgnr() == null && sender.fnr() != null;
    }

    /** The sender as korrespondansepart of type EA (avsender): an enhet, or a person. */
    static ObjectNode sender(Party p) {
        ObjectNode kp = NODES.objectNode();
        kp.set("korrespondanseparttype", code("EA", "Avsender"));
        kp.put("navn", senderName(p));
        if (isPerson(p)) {
            kp.putArray("personidentifikator").addObject().put("foedselsnummer", p.fnr());
        } else if (p.orgnr() != null) {
            kp.putObject("enhetsidentifikator").put("organisasjonsnummer", p.orgnr());
        }
        if (!p.addressLines().isEmpty() || p.postnr() != null) {
            ObjectNode a = kp.putObject("postadresse");
            for (int i = 0; i < Math.min(3, p.addressLines().size()); i++) {
                a.put("adresselinje" + (i + 1), p.addressLines().get(i));
            }
            putIf(a, "postnr", p.postnr());
            putIf(a, "poststed", p.poststed());
            putIf(a, "landkode", p.land() == null ? null : p.land().length() == 2 ? p.land() : null);
        }
        return kp;
    }

    static String senderName(Party p) {
        return !p.name().isBlank() ? p.name() : p.orgnr() != null ? "Organisasjon " + p.orgnr() : "Ukjent avsender";
    }

    /** The receiving unit and case handler as an internal recipient (IM): where the journalpost is to be handled. */
    static ObjectNode internalRecipient(String administrativEnhet, String saksbehandler) {
        ObjectNode kp = NODES.objectNode();
        kp.set("korrespondanseparttype", code("IM", "Intern mottaker"));
        putIf(kp, "administrativEnhet", administrativEnhet);
        putIf(kp, "saksbehandler", saksbehandler);
        return kp;
    }

    /** A dokumentbeskrivelse: H for the main document, V for attachments; numbered from 1 in item order. */
    static ObjectNode dokumentbeskrivelse(StoredDocument d, String title) {
        ObjectNode db = NODES.objectNode();
        db.put("tittel", title);
        db.set("tilknyttetRegistreringSom", d.role() == DocumentRole.MAIN ? code("H", "Hoveddokument")
                : code("V", "Vedlegg"));
        db.set("dokumentstatus", code("F", "Dokumentet er ferdigstilt"));
        db.put("dokumentnummer", d.index() + 1);
        return db;
    }

    /** A dokumentobjekt announcing the file, so that the core checks what arrives (ch. 6 "Overføre filer"). */
    static ObjectNode dokumentobjekt(StoredDocument d, String fileName) {
        ObjectNode o = NODES.objectNode();
        o.put("versjonsnummer", 1);
        o.set("variantformat", code("P", "Produksjonsformat"));
        o.put("filnavn", fileName);
        o.put("mimeType", d.mediaType());
        o.put("sjekksum", d.sha256());
        o.put("sjekksumAlgoritme", "SHA-256");
        o.put("filstoerrelse", d.size());
        return o;
    }

    static String title(InboxItem item) {
        String t = item.metadata().title();
        SenderMetadata their = item.metadata().senderMetadata();
        if ((t == null || t.isBlank()) && their != null && their.tittel() != null) {
            t = their.tittel();
        }
        return t == null || t.isBlank() ? "Uten tittel" : t.strip();
    }

    static String dateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atZone(NORWAY).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static LocalDate documentDate(IncomingItem m) {
        if (m.senderMetadata() != null && m.senderMetadata().dokumentetsDato() != null) {
            return m.senderMetadata().dokumentetsDato().atZone(NORWAY).toLocalDate();
        }
        if (m.importSuggestion() != null && m.importSuggestion().dokumentetsDato() != null) {
            return m.importSuggestion().dokumentetsDato();
        }
        return m.sentAt() == null ? null : m.sentAt().atZone(NORWAY).toLocalDate();
    }

    private static ObjectNode code(String kode, String kodenavn) {
        ObjectNode c = NODES.objectNode().put("kode", kode);
        if (kodenavn != null) {
            c.put("kodenavn", kodenavn);
        }
        return c;
    }

    private static void putIf(ObjectNode o, String field, String value) {
        if (value != null && !value.isBlank()) {
            o.put(field, value);
        }
    }
}
