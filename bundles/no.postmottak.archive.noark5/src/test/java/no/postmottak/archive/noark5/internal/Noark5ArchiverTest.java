package no.postmottak.archive.noark5.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.CaseNumber;
import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.api.archive.CaseInfo;
import no.postmottak.archive.noark5.internal.Noark5Settings.AuthMethod;
import no.postmottak.archive.noark5.internal.Noark5Settings.Login;
import no.postmottak.archive.noark5.simulator.Noark5Simulator;
import no.postmottak.archive.noark5.simulator.Noark5Simulator.Journalpost;
import no.postmottak.archive.noark5.simulator.Options;
import no.postmottak.arkivmelding.testing.ArchiveFixtures;

/** Filing into the N5WS simulator over real HTTP: the happy paths, case lookup, the chunked upload and errors. */
class Noark5ArchiverTest {

    private SimulatorSetup setup = new SimulatorSetup();

    @AfterEach
    void stop() {
        setup.close();
    }

    @Test
    void aThreeDocumentItemIsFiledOnTheCaseFoundByItsNumber() throws Exception {
        Noark5Archiver archiver = setup.archiver();
        CaseInfo found = archiver.findCase(new CaseNumber(2025, 77)).orElseThrow();
        assertThat(found.caseId()).isEqualTo(setup.chosenCase);
        assertThat(found.title()).isEqualTo("Byggesak – Ærøy");

        ArchiveRequest r = SimulatorSetup.onCase(SimulatorSetup.request(3), found);
        ArchiveReceipt receipt = archiver.archive(r);

        Journalpost jp = setup.sim.journalposts().get(0);
        assertThat(setup.sim.journalposts()).hasSize(1);
        assertThat(jp.saksnummer()).isEqualTo("2025/77");
        assertThat(jp.tittel()).isEqualTo("Svar på søknad – Æsøy bru");
        assertThat(jp.journalposttype()).isEqualTo("I");
        assertThat(jp.journalstatus()).isEqualTo("M");
        assertThat(jp.mottattDato()).isEqualTo("2026-03-14T10:26:53+01:00");
        assertThat(jp.virksomhetsspesifikkeMetadata()).containsEntry("vnd-postmottak-v1:elementid",
                r.item().id().toString()).containsEntry("vnd-postmottak-v1:deresreferanse", "2024/1234-7");
        assertThat(jp.korrespondanseparter()).singleElement().satisfies(kp -> {
            assertThat(kp.type()).isEqualTo("EA");
            assertThat(kp.navn()).isEqualTo("Bærum kommune – Økonomi");
            assertThat(kp.organisasjonsnummer()).isEqualTo("974760673");
        });
        assertThat(jp.dokumenter()).extracting(Noark5Simulator.Dokument::tilknyttetRegistreringSom)
                .containsExactly("H", "V", "V");
        for (int i = 0; i < 3; i++) {
            Noark5Simulator.Dokument d = jp.dokumenter().get(i);
            assertThat(d.tittel()).isEqualTo(ArchiveFixtures.name(i));
            assertThat(d.dokumentobjekter()).isEqualTo(1);
            assertThat(setup.sim.content(d)).isEqualTo(ArchiveFixtures.content(i));
        }
        assertThat(receipt.kind()).isEqualTo("noark5");
        assertThat(receipt.target()).isNull();
        assertThat(receipt.journalpostId()).isEqualTo(jp.systemID());
        assertThat(receipt.journalpostNumber()).isEqualTo("2025/77-1");
        assertThat(receipt.caseNumber()).isEqualTo("2025/77");
        assertThat(receipt.details()).containsEntry("saksmappe", setup.chosenCase).containsEntry("dokumenter", "3");
    }

    @Test
    void withoutAChosenCaseTheFallbackCaseIsUsed() throws Exception {
        ArchiveReceipt receipt = setup.archiver().archive(SimulatorSetup.request(1));
        assertThat(setup.sim.journalposts()).singleElement()
                .satisfies(jp -> assertThat(jp.saksnummer()).isEqualTo("2026/1"));
        assertThat(receipt.caseNumber()).isEqualTo("2026/1");
    }

    @Test
    void aCaseGivenBySystemIdOrByNumberOnlyIsFoundAndAnUnknownOneIsRefused() throws Exception {
        Noark5Archiver archiver = setup.archiver();
        archiver.archive(SimulatorSetup.onCase(SimulatorSetup.request(1),
                new CaseInfo(setup.chosenCase, null, "")));
        archiver.archive(SimulatorSetup.onCase(SimulatorSetup.request(1),
                new CaseInfo(null, new CaseNumber(2025, 77), "")));
        assertThat(setup.sim.journalposts()).extracting(Journalpost::journalpostnummer)
                .containsExactly("2025/77-1", "2025/77-2");
        assertThat(archiver.findCase(new CaseNumber(2019, 4))).isEmpty();
        assertThatThrownBy(() -> archiver.archive(SimulatorSetup.onCase(SimulatorSetup.request(1),
                new CaseInfo(null, new CaseNumber(2019, 4), ""))))
                .isInstanceOfSatisfying(ArchiveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED))
                .hasMessageContaining("Saken 2019/4 finnes ikke");
    }

    @Test
    void filesAboveBulkgrenseGoThroughTheChunkedUpload() throws Exception {
        setup.close();
        setup = new SimulatorSetup(Options.defaults(SimulatorSetup.SECRET).withBulkLimit(100 * 1024));
        ArchiveRequest r = SimulatorSetup.large(2, 200 * 1024);
        setup.archiver().archive(r);
        Journalpost jp = setup.sim.journalposts().get(0);
        for (int i = 0; i < 2; i++) {
            assertThat(jp.dokumenter().get(i).sjekksum()).isEqualTo(r.documents().get(i).metadata().sha256());
            assertThat(setup.sim.content(jp.dokumenter().get(i))).isEqualTo(r.documents().get(i).open().readAllBytes());
        }
        // 200 KiB in 64 KiB chunks: 4 PUTs per document
        assertThat(setup.sim.uploads()).isEqualTo(8);
    }

    @Test
    void theArchivesErrorBodyBecomesTheClerksMessage() {
        setup.sim.addCase(2020, 5, "Avsluttet sak", true);
        ArchiveRequest r = SimulatorSetup.onCase(SimulatorSetup.request(1),
                new CaseInfo(null, new CaseNumber(2020, 5), ""));
        assertThatThrownBy(() -> setup.archiver().archive(r))
                .isInstanceOfSatisfying(ArchiveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED))
                .hasMessage("Noark 5-arkivet avviste oppretting av journalpost (400): Saksmappen 2020/5 er "
                        + "avsluttet; nye registreringer kan ikke legges til (krav 5.4.7)");
        assertThat(setup.sim.journalposts()).isEmpty();
    }

    @Test
    void serverErrorsAndTimeoutsAreRetryable() throws Exception {
        Noark5Archiver archiver = setup.archiver(setup.settings(AuthMethod.AUTO,
                new Login("postmottak", SimulatorSetup.SECRET, null, null, null), Duration.ofMillis(500)));
        setup.sim.knobs().failNext(503, 1);
        assertThatThrownBy(() -> archiver.archive(SimulatorSetup.request(1))).isInstanceOfSatisfying(
                ArchiveException.class, e -> assertThat(e.isRetryable()).isTrue()).hasMessageContaining("503");
        setup.sim.knobs().holdNext(1);
        assertThatThrownBy(() -> archiver.archive(SimulatorSetup.request(1))).isInstanceOfSatisfying(
                ArchiveException.class, e -> assertThat(e.isRetryable()).isTrue()).hasMessageContaining("i tide");
        setup.sim.knobs().releaseHeld();
    }

    @Test
    void aDocumentChangedInTheInboxIsNotFiled() {
        ArchiveRequest r = SimulatorSetup.request(2);
        var changed = new ArchiveFixtures.BytesDocument(r.documents().get(1).metadata(),
                "noe annet".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
        ArchiveRequest bad = new ArchiveRequest(r.item(), java.util.List.of(r.documents().get(0), changed), null,
                r.progress());
        assertThatThrownBy(() -> setup.archiver().archive(bad))
                .isInstanceOfSatisfying(ArchiveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED))
                .hasMessageContaining("er endret eller skadet i innboksen");
        assertThat(setup.sim.journalposts().get(0).dokumenter().get(1).sjekksum()).isNull();
    }

    @Test
    void withoutAnArkivdelSettingTheAdministratorIsToldWhichThereAre() {
        Noark5Settings s = setup.settings();
        Noark5Settings unset = new Noark5Settings(s.root(), s.auth(), s.login(), null, null, null, s.fallbackCase(),
                "M", null, null, s.chunkSize(), s.timeout());
        assertThatThrownBy(() -> setup.archiver(unset).archive(SimulatorSetup.request(1)))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TARGET_NOT_AVAILABLE))
                .hasMessageContaining("«Sakarkiv»").hasMessageContaining("«Personalarkiv»");
    }

    @Test
    void theReceivingUnitIsAnInternalRecipientWhenConfigured() throws Exception {
        Noark5Settings s = setup.settings();
        Noark5Settings withUnit = new Noark5Settings(s.root(), s.auth(), s.login(), null, null, s.arkivdel(),
                s.fallbackCase(), "J", "Plan og bygg", "Åse Saksbehandler", s.chunkSize(), s.timeout());
        setup.archiver(withUnit).archive(SimulatorSetup.request(1));
        Journalpost jp = setup.sim.journalposts().get(0);
        assertThat(jp.journalstatus()).isEqualTo("J");
        assertThat(jp.korrespondanseparter()).anySatisfy(kp -> {
            assertThat(kp.type()).isEqualTo("IM");
            assertThat(kp.administrativEnhet()).isEqualTo("Plan og bygg");
            assertThat(kp.saksbehandler()).isEqualTo("Åse Saksbehandler");
        });
    }
}
