package no.postmottak.arkivmelding.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import no.postmottak.api.archive.CaseInfo;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.arkivmelding.ArkivmeldingFile;
import no.postmottak.arkivmelding.ArkivmeldingSettings;
import no.postmottak.arkivmelding.ArkivmeldingVersion;
import no.postmottak.arkivmelding.ArkivmeldingWriter;

/** Streams the arkivmelding with StAX: the saksmappe here, the journalpost in {@link JournalpostSection}. */
public final class StaxArkivmeldingWriter implements ArkivmeldingWriter {

    static final String NS = ArkivmeldingVersion.NAMESPACE;
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** Our own namespace for virksomhetsspesifikkeMetadata (the schemas take any content there). */
    static final String PM = "urn:no:postmottak:arkivmelding:1";

    private final ArkivmeldingSettings settings;
    private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();

    public StaxArkivmeldingWriter(ArkivmeldingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public ArkivmeldingSettings settings() {
        return settings;
    }

    @Override
    public void write(InboxItem item, CaseInfo targetCase, List<ArkivmeldingFile> files, OutputStream out)
            throws IOException {
        Objects.requireNonNull(item, "item");
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("Item " + item.id() + " has no documents to archive");
        }
        Instant now = settings.clock().instant();
        try {
            XMLStreamWriter raw = factory.createXMLStreamWriter(out, "UTF-8");
            Xml x = new Xml(raw, NS);
            raw.writeStartDocument("UTF-8", "1.0");
            raw.writeCharacters("\n");
            raw.setDefaultNamespace(NS);
            raw.setPrefix("xsi", XSI);
            raw.setPrefix("pm", PM);
            raw.writeStartElement(NS, "arkivmelding");
            raw.writeDefaultNamespace(NS);
            raw.writeNamespace("xsi", XSI);
            raw.writeNamespace("pm", PM);
            x.leaf("system", settings.system())
                    .leaf("meldingId", item.id())
                    .leaf("tidspunkt", dateTime(now))
                    .leaf("antallFiler", files.size());
            writeSaksmappe(x, item, targetCase, files, now);
            raw.writeCharacters("\n");
            raw.writeEndElement();
            raw.writeEndDocument();
            raw.flush();
            raw.close();
        } catch (XMLStreamException e) {
            throw new IOException("Could not write arkivmelding for item " + item.id() + ": " + e.getMessage(), e);
        }
    }

    private void writeSaksmappe(Xml x, InboxItem item, CaseInfo targetCase, List<ArkivmeldingFile> files,
                                Instant now) throws XMLStreamException {
        boolean v1 = settings.version() == ArkivmeldingVersion.V1;
        String mappeId = ids(item, "mappe");
        x.startTyped("mappe", "saksmappe");
        x.leaf("systemID", mappeId);
        if (targetCase != null && targetCase.caseNumber() != null) {
            x.leaf("mappeID", targetCase.caseNumber().toString());
        }
        String title = targetCase != null && targetCase.title() != null && !targetCase.title().isBlank()
                ? targetCase.title() : JournalpostSection.title(item);
        x.leaf("tittel", title)
                .leaf("opprettetDato", dateTime(now))
                .leaf("opprettetAv", settings.opprettetAv());
        if (v1) {
            // v1 requires an external key on every mappe: ours names the case, or the item when none was chosen.
            x.start("referanseEksternNoekkel")
                    .leaf("fagsystem", settings.system())
                    .leaf("noekkel", targetCase != null && targetCase.caseId() != null
                            ? "sak:" + targetCase.caseId() : "mappe:" + item.id())
                    .end();
        }
        new JournalpostSection(x, settings, now).write(item, mappeId, files);
        if (targetCase != null && targetCase.caseNumber() != null) {
            x.leaf("saksaar", targetCase.caseNumber().saksaar())
                    .leaf("sakssekvensnummer", targetCase.caseNumber().sakssekvensnummer());
        }
        x.leaf("saksdato", date(item.receivedAt() != null ? item.receivedAt() : now))
                .leaf("administrativEnhet", settings.administrativEnhet())
                .leaf("saksansvarlig", settings.saksansvarlig())
                .leaf("saksstatus", "Under behandling");
        x.end();
    }

    private String date(Instant instant) {
        return Formats.date(instant, settings.zone());
    }

    private String dateTime(Instant instant) {
        return Formats.dateTime(instant, settings.zone());
    }

    /** A stable UUID for a part of the item, so that rewriting an item gives the same ids. */
    static String ids(InboxItem item, String part) {
        return UUID.nameUUIDFromBytes((item.id() + "/" + part).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
