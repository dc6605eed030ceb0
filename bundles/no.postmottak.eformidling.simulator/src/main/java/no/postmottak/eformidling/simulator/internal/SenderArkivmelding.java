package no.postmottak.eformidling.simulator.internal;

import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import no.postmottak.eformidling.simulator.Message;
import no.postmottak.eformidling.simulator.SimDocument;

/**
 * The {@code arkivmelding.xml} a sending archive writes for an outgoing letter, in the eFormidling ("beta") schema the
 * integrasjonspunkt uses: a saksmappe holding one journalpost "Utgående dokument" with the sender as Avsender, the
 * receiver as Mottaker, and one dokumentbeskrivelse per document, the first the main document. Valid against
 * Digdir's {@code arkivmelding.xsd} (the tests check it).
 */
final class SenderArkivmelding {

    static final String NS = "http://www.arkivverket.no/standarder/noark5/arkivmelding";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    private SenderArkivmelding() {
    }

    /** Writes it; the stream is not closed. {@code files} are the documents the package carries. */
    static void write(Message m, List<SimDocument> files, OutputStream out) throws XMLStreamException {
        String when = OffsetDateTime.ofInstant(m.created().truncatedTo(ChronoUnit.SECONDS), NORWAY)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String date = m.created().atZone(NORWAY).toLocalDate().toString();
        String person = "Saksbehandler i " + m.senderName();
        String folderId = uuid(m.messageId(), "mappe");
        XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        w.setDefaultNamespace(NS);
        w.writeStartElement(NS, "arkivmelding");
        w.writeDefaultNamespace(NS);
        w.writeNamespace("xsi", XSI);
        leaf(w, "system", "Simulert sakssystem hos " + m.senderName());
        leaf(w, "meldingId", m.messageId());
        leaf(w, "tidspunkt", when);
        leaf(w, "antallFiler", String.valueOf(files.size()));
        w.writeStartElement(NS, "mappe");
        w.writeAttribute(XSI, "type", "saksmappe");
        leaf(w, "systemID", folderId);
        leaf(w, "tittel", m.title());
        leaf(w, "opprettetDato", when);
        leaf(w, "opprettetAv", person);
        w.writeStartElement(NS, "basisregistrering");
        w.writeAttribute(XSI, "type", "journalpost");
        leaf(w, "systemID", uuid(m.messageId(), "journalpost"));
        leaf(w, "opprettetDato", when);
        leaf(w, "opprettetAv", person);
        leaf(w, "arkivertDato", when);
        leaf(w, "arkivertAv", person);
        leaf(w, "referanseForelderMappe", folderId);
        int number = 0;
        for (SimDocument d : m.documents()) {
            number++;
            w.writeStartElement(NS, "dokumentbeskrivelse");
            leaf(w, "systemID", uuid(m.messageId(), "dokument-" + number));
            leaf(w, "dokumenttype", number == 1 ? "Brev" : "Vedlegg");
            leaf(w, "dokumentstatus", "Dokumentet er ferdigstilt");
            leaf(w, "tittel", d.title());
            leaf(w, "opprettetDato", when);
            leaf(w, "opprettetAv", person);
            leaf(w, "tilknyttetRegistreringSom", number == 1 ? "Hoveddokument" : "Vedlegg");
            leaf(w, "dokumentnummer", String.valueOf(number));
            leaf(w, "tilknyttetDato", when);
            leaf(w, "tilknyttetAv", person);
            w.writeStartElement(NS, "dokumentobjekt");
            leaf(w, "versjonsnummer", "1");
            leaf(w, "variantformat", "Arkivformat");
            leaf(w, "opprettetDato", when);
            leaf(w, "opprettetAv", person);
            leaf(w, "referanseDokumentfil", d.fileName());
            w.writeEndElement();
            w.writeEndElement();
        }
        leaf(w, "tittel", m.title());
        if (m.saksaar() != null) {
            leaf(w, "journalaar", String.valueOf(m.saksaar()));
        }
        if (m.journalpostnummer() != null) {
            leaf(w, "journalpostnummer", String.valueOf(m.journalpostnummer()));
        }
        leaf(w, "journalposttype", "Utgående dokument");
        leaf(w, "journalstatus", "Ekspedert");
        leaf(w, "journaldato", date);
        leaf(w, "dokumentetsDato", date);
        party(w, "Avsender", m.senderName(), person);
        party(w, "Mottaker", "Organisasjonsnummer " + m.receiverOrgnr(), null);
        w.writeEndElement(); // basisregistrering
        if (m.saksaar() != null && m.sakssekvensnummer() != null) {
            leaf(w, "saksaar", String.valueOf(m.saksaar()));
            leaf(w, "sakssekvensnummer", String.valueOf(m.sakssekvensnummer()));
        }
        leaf(w, "saksdato", date);
        leaf(w, "administrativEnhet", m.senderName());
        leaf(w, "saksansvarlig", person);
        leaf(w, "saksstatus", "Under behandling");
        w.writeEndElement(); // mappe
        w.writeEndElement(); // arkivmelding
        w.writeEndDocument();
        w.flush();
    }

    private static void party(XMLStreamWriter w, String type, String name, String saksbehandler)
            throws XMLStreamException {
        w.writeStartElement(NS, "korrespondansepart");
        leaf(w, "korrespondanseparttype", type);
        leaf(w, "korrespondansepartNavn", name);
        if (saksbehandler != null) {
            leaf(w, "saksbehandler", saksbehandler);
        }
        w.writeEndElement();
    }

    private static void leaf(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(NS, name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    /** A stable GUID per message and part, so the same message is written the same way every time. */
    private static String uuid(String messageId, String part) {
        return UUID.nameUUIDFromBytes((messageId + "/" + part).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
