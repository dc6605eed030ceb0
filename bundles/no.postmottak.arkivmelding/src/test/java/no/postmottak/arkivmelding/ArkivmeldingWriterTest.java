package no.postmottak.arkivmelding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.archive.CaseInfo;
import no.postmottak.api.inbox.InboxItem;

class ArkivmeldingWriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T23:30:00Z"), ZoneOffset.UTC);
    private static final String NS = ArkivmeldingVersion.NAMESPACE;

    private static byte[] write(ArkivmeldingVersion v, InboxItem item, CaseInfo target) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArkivmeldingWriter.create(ArkivmeldingSettings.defaults(v).withClock(CLOCK))
                .write(item, target, ArkivmeldingFile.of(item.documents()), out);
        return out.toByteArray();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<String> texts(Document d, String name) {
        NodeList nl = d.getElementsByTagNameNS(NS, name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) {
            out.add(nl.item(i).getTextContent().strip());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(ArkivmeldingVersion.class)
    void oneDocumentIsValid(ArkivmeldingVersion v) throws Exception {
        byte[] xml = write(v, TestItems.full(1), null);
        ArkivmeldingSchemas.validate(v, new ByteArrayInputStream(xml));
        Document d = parse(xml);
        assertThat(texts(d, "tilknyttetRegistreringSom")).containsExactly("Hoveddokument");
        assertThat(texts(d, "antallFiler")).containsExactly("1");
        assertThat(texts(d, "referanseDokumentfil")).containsExactly("Søknad om løyve – Ærøy.pdf");
    }

    @ParameterizedTest
    @EnumSource(ArkivmeldingVersion.class)
    void tenDocumentsAreValidAndOrdered(ArkivmeldingVersion v) throws Exception {
        byte[] xml = write(v, TestItems.full(10), null);
        ArkivmeldingSchemas.validate(v, new ByteArrayInputStream(xml));
        Document d = parse(xml);
        List<String> roles = texts(d, "tilknyttetRegistreringSom");
        assertThat(roles).hasSize(10);
        assertThat(roles.get(0)).isEqualTo("Hoveddokument");
        assertThat(roles.subList(1, 10)).containsOnly("Vedlegg");
        assertThat(texts(d, "dokumentnummer")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(texts(d, "referanseDokumentfil")).hasSize(10).doesNotHaveDuplicates()
                .contains("vedlegg 9 – kart å se.pdf");
        assertThat(texts(d, "antallVedlegg")).containsExactly("9");
    }

    @ParameterizedTest
    @EnumSource(ArkivmeldingVersion.class)
    void incomingJournalpostWithSenderAndNorwegianText(ArkivmeldingVersion v) throws Exception {
        byte[] xml = write(v, TestItems.full(2), null);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Document d = parse(xml);
        Element root = d.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(NS);
        assertThat(root.getLocalName()).isEqualTo("arkivmelding");
        assertThat(texts(d, "meldingId")).containsExactly("3b241101-e2bb-4255-8caf-4136c566a962");
        assertThat(texts(d, "journalposttype")).containsExactly("Inngående dokument");
        assertThat(texts(d, "journalstatus")).containsExactly("Journalført");
        assertThat(texts(d, "korrespondanseparttype")).containsExactly("Avsender");
        assertThat(texts(d, "korrespondansepartNavn")).containsExactly("Bærum kommune, Plan- og bygningsetaten");
        assertThat(texts(d, "postadresse")).containsExactly("Postboks 700", "Økonomiavdelinga");
        // the journalpost's own title is the item's title, with æ/ø/å intact
        assertThat(texts(d, "tittel")).contains("Svar på søknad – Æsøy bru");
        // dates: journaldato is the archive's local date (Oslo is already the 15th at 23:30 UTC)
        assertThat(texts(d, "journaldato")).containsExactly("2026-03-15");
        assertThat(texts(d, "mottattDato")).containsExactly("2026-03-14T10:26:53+01:00");
        assertThat(text).contains("blåbærsyltetøy");
    }

    @ParameterizedTest
    @EnumSource(ArkivmeldingVersion.class)
    void sendersNumbersAreTheirReferenceNeverOurs(ArkivmeldingVersion v) throws Exception {
        Document d = parse(write(v, TestItems.full(1), null));
        // no case chosen: no case or journal numbers of ours at all
        assertThat(texts(d, "saksaar")).isEmpty();
        assertThat(texts(d, "sakssekvensnummer")).isEmpty();
        assertThat(texts(d, "journalaar")).isEmpty();
        assertThat(texts(d, "journalsekvensnummer")).isEmpty();
        assertThat(texts(d, "journalpostnummer")).isEmpty();
        assertThat(texts(d, "mappeID")).isEmpty();
        assertThat(texts(d, "merknadstekst")).containsExactly(
                "Avsenders referanse: saksnr. 2024/1234, journalpostnr. 7, journalnr. 2024/5678, saksbehandler Åse Ødegård");
        if (v == ArkivmeldingVersion.V1) {
            assertThat(texts(d, "deresReferanse")).containsExactly("2024/1234-7");
        }
    }

    @ParameterizedTest
    @EnumSource(ArkivmeldingVersion.class)
    void targetCaseIsOurs(ArkivmeldingVersion v) throws Exception {
        CaseInfo ours = new CaseInfo("981", new CaseNumber(2025, 77), "Byggesak – Ærøy");
        byte[] xml = write(v, TestItems.full(1), ours);
        ArkivmeldingSchemas.validate(v, new ByteArrayInputStream(xml));
        Document d = parse(xml);
        assertThat(texts(d, "saksaar")).containsExactly("2025");
        assertThat(texts(d, "sakssekvensnummer")).containsExactly("77");
        assertThat(texts(d, "mappeID")).containsExactly("2025/77");
        assertThat(texts(d, "tittel").get(0)).isEqualTo("Byggesak – Ærøy");
    }

    @ParameterizedTest
    @EnumSource(ArkivmeldingVersion.class)
    void missingOptionalFieldsStillValid(ArkivmeldingVersion v) throws Exception {
        byte[] xml = write(v, TestItems.minimal(), null);
        ArkivmeldingSchemas.validate(v, new ByteArrayInputStream(xml));
        Document d = parse(xml);
        assertThat(texts(d, "korrespondansepartNavn")).containsExactly("Ukjent avsender");
        assertThat(texts(d, "merknad")).isEmpty();
        assertThat(texts(d, "mottattDato")).isEmpty();
        assertThat(texts(d, "tittel")).contains("Uten tittel");
    }

    @Test
    void sameItemGivesSameIds() throws Exception {
        byte[] a = write(ArkivmeldingVersion.EFORMIDLING, TestItems.full(3), null);
        byte[] b = write(ArkivmeldingVersion.EFORMIDLING, TestItems.full(3), null);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void emptyDocumentListIsRefused() {
        InboxItem item = TestItems.full(1);
        ArkivmeldingWriter w = ArkivmeldingWriter.create(ArkivmeldingSettings.defaults(ArkivmeldingVersion.V1));
        assertThatThrownBy(() -> w.write(item, null, List.of(), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(item.id().toString());
    }

    @Test
    void eformidlingDocumentIsNotValidV1AndViceVersa() throws Exception {
        byte[] beta = write(ArkivmeldingVersion.EFORMIDLING, TestItems.full(1), null);
        byte[] v1 = write(ArkivmeldingVersion.V1, TestItems.full(1), null);
        assertThatThrownBy(() -> ArkivmeldingSchemas.validate(ArkivmeldingVersion.V1, new ByteArrayInputStream(beta)))
                .isInstanceOf(ArkivmeldingInvalidException.class).hasMessageContaining("linje");
        assertThatThrownBy(() -> ArkivmeldingSchemas.validate(ArkivmeldingVersion.EFORMIDLING,
                new ByteArrayInputStream(v1))).isInstanceOf(ArkivmeldingInvalidException.class);
    }

    @Test
    void controlCharactersAreDropped() throws Exception {
        InboxItem base = TestItems.full(1);
        var m = base.metadata();
        var bad = new no.postmottak.api.IncomingItem(m.channel(), m.channelId(), m.recipientOrgnr(), m.sender(),
                m.recipient(), "Tittel\u0001 med\u0007 kontroll", m.sentAt(), null, null, null, null, null, null,
                null, null);
        InboxItem item = new InboxItem(base.id(), bad, base.receivedAt(), base.state(), base.documents(), null, true);
        byte[] xml = write(ArkivmeldingVersion.EFORMIDLING, item, null);
        ArkivmeldingSchemas.validate(ArkivmeldingVersion.EFORMIDLING, new ByteArrayInputStream(xml));
        assertThat(texts(parse(xml), "tittel")).contains("Tittel med kontroll");
    }

    @Test
    void settingsRejectUnknownJournalstatus() {
        assertThatThrownBy(() -> new ArkivmeldingSettings(ArkivmeldingVersion.EFORMIDLING, null, null, null, null,
                "M", null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("journalstatus");
    }

    @Test
    void versionParsing() {
        assertThat(ArkivmeldingVersion.parse(null)).isEqualTo(ArkivmeldingVersion.EFORMIDLING);
        assertThat(ArkivmeldingVersion.parse(" V1 ")).isEqualTo(ArkivmeldingVersion.V1);
        assertThatThrownBy(() -> ArkivmeldingVersion.parse("v2")).isInstanceOf(IllegalArgumentException.class);
    }
}
