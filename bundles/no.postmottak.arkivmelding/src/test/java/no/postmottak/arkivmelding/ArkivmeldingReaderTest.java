package no.postmottak.arkivmelding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.archive.CaseInfo;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.arkivmelding.IncomingArkivmelding.Dokumentbeskrivelse;
import no.postmottak.arkivmelding.IncomingArkivmelding.Korrespondansepart;
import no.postmottak.arkivmelding.IncomingArkivmelding.Registrering;

class ArkivmeldingReaderTest {

    private final ArkivmeldingReader reader = ArkivmeldingReader.create();

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ArkivmeldingReaderTest.class.getResourceAsStream("incoming/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private IncomingArkivmelding read(String xml) throws IOException {
        return reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void betaSaksmappeAsTheIntegrasjonspunktWritesIt() throws IOException {
        byte[] xml = resource("beta-saksmappe.xml");
        ArkivmeldingSchemas.validate(ArkivmeldingVersion.EFORMIDLING, new ByteArrayInputStream(xml));

        IncomingArkivmelding am = reader.read(new ByteArrayInputStream(xml));

        assertThat(am.namespace()).isEqualTo(ArkivmeldingVersion.NAMESPACE);
        assertThat(am.system()).isEqualTo("Elements");
        assertThat(am.meldingId()).isEqualTo("7f1c2a3b-4d5e-4f60-8a71-9b8c7d6e5f40");
        assertThat(am.tidspunkt()).isEqualTo(Instant.parse("2026-03-03T08:12:44Z"));
        assertThat(am.antallFiler()).isEqualTo(2);
        assertThat(am.warnings()).isEmpty();
        Registrering jp = am.first().orElseThrow();
        assertThat(jp.type()).isEqualTo("journalpost");
        assertThat(jp.tittel()).isEqualTo("Høring – reguleringsplan for Søre Øyane");
        // The saksmappe's numbers come after the journalpost in this schema: they still apply to it.
        assertThat(jp.mappe().type()).isEqualTo("saksmappe");
        assertThat(jp.mappe().caseNumber()).contains(new CaseNumber(2026, 117));
        assertThat(jp.mappe().tittel()).isEqualTo("Reguleringsplan for Søre Øyane – høring");
        assertThat(jp.senderReference()).contains("2026/117-3");
        assertThat(jp.journalaar()).isEqualTo(2026);
        assertThat(jp.journalsekvensnummer()).isEqualTo(4711);
        assertThat(jp.journalposttype()).isEqualTo("Utgående dokument");
        assertThat(jp.journaldato()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(jp.dokumentetsDato()).isEqualTo(LocalDate.of(2026, 3, 1));
        Korrespondansepart avsender = jp.avsender().orElseThrow();
        assertThat(avsender.korrespondansepartNavn()).isEqualTo("Statsforvalteren i Vestland");
        assertThat(avsender.postadresse()).containsExactly("Postboks 7310");
        assertThat(avsender.organisasjonsnummer()).isNull();
        assertThat(jp.mottaker().orElseThrow().korrespondansepartNavn()).isEqualTo("Nordre Øyane kommune");
        // Listed second, but the main document comes first; its archive variant is the file that counts.
        List<Dokumentbeskrivelse> docs = jp.mainFirst();
        assertThat(docs).extracting(Dokumentbeskrivelse::tittel)
                .containsExactly("Høringsbrev – reguleringsplan", "Plankart");
        assertThat(docs.get(0).isMain()).isTrue();
        assertThat(docs.get(0).file().orElseThrow().referanseDokumentfil()).isEqualTo("høringsbrev.pdf");
        assertThat(am.referencedFiles()).containsExactly("plankart.pdf", "horingsbrev.docx", "høringsbrev.pdf");
    }

    @Test
    void v1WithOrganisationNumberCodesAndFileDetails() throws IOException {
        byte[] xml = resource("v1-mappe.xml");
        ArkivmeldingSchemas.validate(ArkivmeldingVersion.V1, new ByteArrayInputStream(xml));

        IncomingArkivmelding am = reader.read(new ByteArrayInputStream(xml));

        Registrering jp = am.first().orElseThrow();
        Korrespondansepart avsender = jp.avsender().orElseThrow();
        assertThat(avsender.korrespondanseparttype()).isEqualTo("EA");
        assertThat(avsender.organisasjonsnummer()).isEqualTo("910076787");
        assertThat(avsender.deresReferanse()).isEqualTo("2026/12-1");
        assertThat(jp.senderReference()).contains("2026/88-4");
        Dokumentbeskrivelse main = jp.mainFirst().get(0);
        assertThat(main.isMain()).isTrue();
        var file = main.file().orElseThrow();
        assertThat(file.mimeType()).isEqualTo("application/pdf");
        assertThat(file.filstoerrelse()).isEqualTo(77L);
        assertThat(file.sjekksumAlgoritme()).isEqualTo("SHA256");
        assertThat(am.referencedFiles()).containsExactly("vedtak.pdf", "utrekning.xlsx");
        assertThat(am.warnings()).isEmpty();
    }

    @Test
    void v2NamespaceCodeObjectsUnknownElementsAndOddValues() throws IOException {
        IncomingArkivmelding am = reader.read(new ByteArrayInputStream(resource("v2-namespace-codes.xml")));

        assertThat(am.namespace()).isEqualTo(ArkivmeldingVersion.NAMESPACE + "/v2");
        assertThat(am.system()).isEqualTo("eDialog");
        assertThat(am.meldingId()).isEqualTo("v2-1");
        assertThat(am.tidspunkt()).as("no offset: Norwegian time").isEqualTo(Instant.parse("2026-03-05T09:15:30Z"));
        assertThat(am.antallFiler()).isNull();
        Registrering jp = am.first().orElseThrow();
        assertThat(jp.mappe()).isNull();
        assertThat(jp.type()).isEqualTo("journalpost");
        assertThat(jp.tittel()).isEqualTo("Søknad om <skjenkeløyve> & uteservering");
        assertThat(jp.journalposttype()).isEqualTo("I");
        assertThat(jp.journalaar()).isNull();
        assertThat(jp.dokumentetsDato()).as("a date-time is a date in Norway").isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(jp.journaldato()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(jp.tilgangsrestriksjon()).isEqualTo("13");
        assertThat(jp.skjermingshjemmel()).startsWith("Offl. § 13");
        assertThat(jp.avsender().orElseThrow().korrespondansepartNavn()).isEqualTo("Kari Nordmann");
        // A dokumentobjekt straight in the registration becomes a document of its own; no role, so it keeps its place.
        assertThat(jp.dokumentbeskrivelser()).hasSize(2);
        assertThat(jp.mainFirst()).noneMatch(Dokumentbeskrivelse::isMain);
        assertThat(am.referencedFiles()).containsExactly("soknad.pdf", "plan.png");
        assertThat(jp.dokumentbeskrivelser().get(1).file().orElseThrow().filstoerrelse()).isNull();
        assertThat(am.warnings()).hasSize(3).anySatisfy(w -> assertThat(w).startsWith("antallFiler «tre»"))
                .anySatisfy(w -> assertThat(w).startsWith("journalaar «20x6»"))
                .anySatisfy(w -> assertThat(w).startsWith("filstoerrelse «stor»"));
    }

    @ParameterizedTest
    @EnumSource(ArkivmeldingVersion.class)
    void readsWhatOurWriterWrites(ArkivmeldingVersion version) throws IOException {
        InboxItem item = TestItems.full(3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArkivmeldingWriter.create(ArkivmeldingSettings.defaults(version)
                        .withClock(Clock.fixed(Instant.parse("2026-03-14T12:00:00Z"), ZoneOffset.UTC)))
                .write(item, new CaseInfo("77", new CaseNumber(2025, 77), "Byggesak Æsøy"),
                        ArkivmeldingFile.of(item.documents()), out);

        IncomingArkivmelding am = reader.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(am.warnings()).isEmpty();
        assertThat(am.meldingId()).isEqualTo(item.id().toString());
        assertThat(am.antallFiler()).isEqualTo(3);
        Registrering jp = am.first().orElseThrow();
        assertThat(jp.tittel()).isEqualTo(item.metadata().title());
        assertThat(jp.mappe().caseNumber()).contains(new CaseNumber(2025, 77));
        assertThat(jp.avsender().orElseThrow().korrespondansepartNavn()).isEqualTo(item.metadata().sender().name());
        assertThat(jp.mainFirst()).first().matches(Dokumentbeskrivelse::isMain);
        assertThat(am.referencedFiles()).containsExactly("Søknad om løyve – Ærøy.pdf", "vedlegg 1 – kart å se.pdf",
                "vedlegg 2 – kart å se.pdf");
    }

    @Test
    void noNamespaceIsReadWithAWarning() throws IOException {
        IncomingArkivmelding am = read("<arkivmelding><system>X</system><registrering><tittel>Brev</tittel>"
                + "</registrering></arkivmelding>");
        assertThat(am.first().orElseThrow().tittel()).isEqualTo("Brev");
        assertThat(am.warnings()).singleElement().asString().contains("ukjent navnerom");
    }

    @Test
    void emptyArkivmeldingHasNoRegistrations() throws IOException {
        IncomingArkivmelding am = read("<arkivmelding xmlns='" + ArkivmeldingVersion.NAMESPACE + "'/>");
        assertThat(am.registreringer()).isEmpty();
        assertThat(am.first()).isEmpty();
        assertThat(am.referencedFiles()).isEmpty();
    }

    @Test
    void refusesAnotherRootElement() {
        assertThatThrownBy(() -> read("<manifest><mottaker/></manifest>"))
                .isInstanceOf(ArkivmeldingInvalidException.class).hasMessageContaining("«manifest»");
    }

    @Test
    void refusesMalformedXml() {
        assertThatThrownBy(() -> read("<arkivmelding><system>X</arkivmelding>"))
                .isInstanceOf(ArkivmeldingInvalidException.class).hasMessageContaining("kan ikke leses");
        assertThatThrownBy(() -> read("   "))
                .isInstanceOf(ArkivmeldingInvalidException.class);
    }

    @Test
    void refusesExternalEntities() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<arkivmelding><system>&x;</system></arkivmelding>";
        assertThatThrownBy(() -> read(xxe)).isInstanceOf(ArkivmeldingInvalidException.class);
    }

    @Test
    void capsHugeTextInBoundedMemory() throws IOException {
        // 50 MB of title under -Xmx256m: kept to the cap, the rest streamed past.
        InputStream head = new ByteArrayInputStream("<arkivmelding><registrering><tittel>"
                .getBytes(StandardCharsets.UTF_8));
        InputStream body = new InputStream() {
            private long left = 50L * 1024 * 1024;

            @Override
            public int read() {
                return left-- > 0 ? 'ø' & 0x7f : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                return n;
            }
        };
        InputStream tail = new ByteArrayInputStream("</tittel></registrering></arkivmelding>"
                .getBytes(StandardCharsets.UTF_8));
        IncomingArkivmelding am = reader.read(new SequenceInputStream(Collections.enumeration(
                List.of(head, body, tail))));
        assertThat(am.first().orElseThrow().tittel()).hasSize(64 * 1024);
        assertThat(am.warnings()).anySatisfy(w -> assertThat(w).contains("tittel er lengre enn"));
    }

    @Test
    void refusesTooDeepNesting() {
        String deep = "<a>".repeat(200) + "</a>".repeat(200);
        assertThatThrownBy(() -> read("<arkivmelding>" + deep + "</arkivmelding>"))
                .isInstanceOf(ArkivmeldingInvalidException.class).hasMessageContaining("dypere");
    }
}
