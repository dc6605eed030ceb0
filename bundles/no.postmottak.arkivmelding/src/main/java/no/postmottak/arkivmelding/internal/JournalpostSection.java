package no.postmottak.arkivmelding.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;

import no.postmottak.api.IncomingItem;
import no.postmottak.api.Party;
import no.postmottak.api.SenderMetadata;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.arkivmelding.ArkivmeldingFile;
import no.postmottak.arkivmelding.ArkivmeldingSettings;
import no.postmottak.arkivmelding.ArkivmeldingVersion;

/**
 * The incoming journalpost, in the element order of the chosen schema. The eFormidling (beta) schema nests it as
 * {@code basisregistrering} and puts korrespondansepart after the journal dates; v1 nests it as
 * {@code registrering} and puts korrespondansepart and the external key before them.
 */
final class JournalpostSection {

    private final Xml x;
    private final ArkivmeldingSettings s;
    private final Instant now;
    private final boolean v1;

    JournalpostSection(Xml x, ArkivmeldingSettings settings, Instant now) {
        this.x = x;
        this.s = settings;
        this.now = now;
        this.v1 = settings.version() == ArkivmeldingVersion.V1;
    }

    void write(InboxItem item, String mappeId, List<ArkivmeldingFile> files) throws XMLStreamException {
        IncomingItem m = item.metadata();
        x.startTyped(v1 ? "registrering" : "basisregistrering", "journalpost");
        x.leaf("systemID", item.id())
                .leaf("opprettetDato", dateTime(now))
                .leaf("opprettetAv", s.opprettetAv())
                .leaf("arkivertDato", dateTime(now))
                .leaf("arkivertAv", s.opprettetAv())
                .leaf("referanseForelderMappe", mappeId);
        for (int i = 0; i < files.size(); i++) {
            dokumentbeskrivelse(item, files.get(i), i);
        }
        x.leaf("tittel", title(item));
        virksomhetsspesifikkeMetadata(m);
        theirReferenceNote(m.senderMetadata());
        if (v1) {
            korrespondansepart(m.sender(), m.senderMetadata());
            x.start("referanseEksternNoekkel")
                    .leaf("fagsystem", s.system())
                    .leaf("noekkel", m.channel() + ":" + m.channelId())
                    .end();
        }
        x.leaf("journalposttype", "Inngående dokument")
                .leaf("journalstatus", s.journalstatus())
                .leaf("journaldato", date(now))
                .leaf("dokumentetsDato", documentDate(m))
                .leaf("mottattDato", item.receivedAt() == null ? null : dateTime(item.receivedAt()))
                .leaf("sendtDato", m.sentAt() == null ? null : dateTime(m.sentAt()))
                .leaf("antallVedlegg", files.size() - 1);
        if (!v1) {
            korrespondansepart(m.sender(), m.senderMetadata());
        }
        x.end();
    }

    private void dokumentbeskrivelse(InboxItem item, ArkivmeldingFile file, int i) throws XMLStreamException {
        // The first document is the main one whatever the channel said; the rest are attachments.
        boolean main = i == 0;
        var d = file.document();
        x.start("dokumentbeskrivelse")
                .leaf("systemID", StaxArkivmeldingWriter.ids(item, "dokument/" + i))
                .leaf("dokumenttype", main ? "Brev" : "Vedlegg")
                .leaf("dokumentstatus", "Dokumentet er ferdigstilt")
                .leaf("tittel", d.fileName() == null || d.fileName().isBlank() ? file.fileName() : d.fileName())
                .leaf("opprettetDato", dateTime(now))
                .leaf("opprettetAv", s.opprettetAv())
                .leaf("tilknyttetRegistreringSom", main ? "Hoveddokument" : "Vedlegg")
                .leaf("dokumentnummer", i + 1)
                .leaf("tilknyttetDato", dateTime(now))
                .leaf("tilknyttetAv", s.opprettetAv());
        x.start("dokumentobjekt")
                .leaf("versjonsnummer", 1)
                .leaf("variantformat", "Produksjonsformat");
        if (v1) {
            x.leaf("format", Formats.format(file.fileName(), d.mediaType())).leaf("mimeType", d.mediaType());
        }
        x.leaf("opprettetDato", dateTime(now))
                .leaf("opprettetAv", s.opprettetAv())
                .leaf("referanseDokumentfil", file.fileName());
        if (v1) {
            if (d.sha256() != null && !d.sha256().isBlank()) {
                x.leaf("sjekksum", d.sha256()).leaf("sjekksumAlgoritme", "SHA256");
            }
            x.leaf("filstoerrelse", d.size() >= 0 ? d.size() : null);
        }
        x.end().end();
    }

    private void korrespondansepart(Party sender, SenderMetadata their) throws XMLStreamException {
        x.start("korrespondansepart")
                .leaf("korrespondanseparttype", "Avsender")
                .leaf("korrespondansepartNavn", partyName(sender));
        if (v1) {
            if (notBlank(sender.orgnr())) {
                x.start("organisasjonsnummer").leaf("organisasjonsnummer", sender.orgnr()).end();
            } else if (notBlank(sender.fnr())) {
                x.start("foedselsnummer").leaf("foedselsnummer", sender.fnr()).end();
            }
        }
        for (String line : sender.addressLines()) {
            x.leaf("postadresse", line);
        }
        x.leaf("postnummer", sender.postnr()).leaf("poststed", sender.poststed()).leaf("land", sender.land());
        if (v1 && their != null) {
            x.leaf("deresReferanse", their.reference().orElse(null));
        }
        x.end();
    }

    /** The sender's case and journal numbers, as their reference: a note the clerk sees, never our numbers. */
    private void theirReferenceNote(SenderMetadata their) throws XMLStreamException {
        String text = theirReference(their);
        if (text == null) {
            return;
        }
        x.start("merknad")
                .leaf("merknadstekst", text)
                .leaf("merknadstype", "Deres referanse")
                .leaf("merknadsdato", dateTime(now))
                .leaf("merknadRegistrertAv", s.opprettetAv())
                .end();
    }

    static String theirReference(SenderMetadata their) {
        if (their == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        their.caseNumber().ifPresent(c -> parts.add("saksnr. " + c));
        if (their.journalpostnummer() != null && their.journalpostnummer() > 0) {
            parts.add("journalpostnr. " + their.journalpostnummer());
        }
        if (positive(their.journalaar()) && positive(their.journalsekvensnummer())) {
            parts.add("journalnr. " + their.journalaar() + "/" + their.journalsekvensnummer());
        }
        if (notBlank(their.saksbehandler())) {
            parts.add("saksbehandler " + their.saksbehandler());
        }
        return parts.isEmpty() ? null : "Avsenders referanse: " + String.join(", ", parts);
    }

    /** What the schemas have no element for: channel ids, the sender's identifiers and extra metadata. */
    private void virksomhetsspesifikkeMetadata(IncomingItem m) throws XMLStreamException {
        String pm = StaxArkivmeldingWriter.PM;
        x.start("virksomhetsspesifikkeMetadata");
        x.start(pm, "postmottak")
                .leaf(pm, "kanal", m.channel())
                .leaf(pm, "kanalId", m.channelId())
                .leaf(pm, "mottakerOrgnr", m.recipientOrgnr())
                .leaf(pm, "avsenderOrgnr", m.sender().orgnr())
                .leaf(pm, "avsenderFoedselsnummer", m.sender().fnr())
                .leaf(pm, "eksternRef", m.eksternRef())
                .leaf(pm, "svarPaa", m.replyToChannelId());
        SenderMetadata their = m.senderMetadata();
        if (their != null) {
            x.leaf(pm, "deresReferanse", their.reference().orElse(null));
            x.leaf(pm, "deresTittel", their.tittel());
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(their.ekstraMetadata()).entrySet()) {
                x.start(pm, "ekstraMetadata").leaf(pm, "noekkel", e.getKey()).leaf(pm, "verdi", e.getValue()).end();
            }
        }
        x.end().end();
    }

    static String title(InboxItem item) {
        String t = item.metadata().title();
        if (t == null || t.isBlank()) {
            SenderMetadata their = item.metadata().senderMetadata();
            t = their != null ? their.tittel() : null;
        }
        return t == null || t.isBlank() ? "Uten tittel" : t.strip();
    }

    private static String partyName(Party p) {
        if (notBlank(p.name())) {
            return p.name().strip();
        }
        return notBlank(p.orgnr()) ? "Organisasjon " + p.orgnr() : "Ukjent avsender";
    }

    private String documentDate(IncomingItem m) {
        if (m.senderMetadata() != null && m.senderMetadata().dokumentetsDato() != null) {
            return date(m.senderMetadata().dokumentetsDato());
        }
        if (m.importSuggestion() != null && m.importSuggestion().dokumentetsDato() != null) {
            return m.importSuggestion().dokumentetsDato().toString();
        }
        return null;
    }

    private String date(Instant i) {
        return Formats.date(i, s.zone());
    }

    private String dateTime(Instant i) {
        return Formats.dateTime(i, s.zone());
    }

    private static boolean positive(Integer i) {
        return i != null && i > 0;
    }

    private static boolean notBlank(String v) {
        return v != null && !v.isBlank();
    }
}
