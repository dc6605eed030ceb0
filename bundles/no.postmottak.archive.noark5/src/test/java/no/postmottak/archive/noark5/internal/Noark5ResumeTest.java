package no.postmottak.archive.noark5.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveProgress;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.arkivmelding.testing.ArchiveFixtures;

/** Retries after failures at every step end with exactly one complete journalpost. */
class Noark5ResumeTest {

    private final SimulatorSetup setup = new SimulatorSetup();

    @AfterEach
    void stop() {
        setup.close();
    }

    private void assertOneCompleteJournalpost(int documents) {
        assertThat(setup.sim.journalposts()).singleElement().satisfies(jp -> {
            assertThat(jp.korrespondanseparter()).hasSize(1);
            assertThat(jp.dokumenter()).hasSize(documents);
            for (int i = 0; i < documents; i++) {
                assertThat(jp.dokumenter().get(i).dokumentobjekter()).isEqualTo(1);
                assertThat(setup.sim.content(jp.dokumenter().get(i))).isEqualTo(ArchiveFixtures.content(i));
            }
        });
    }

    private static void failsRetryably(Noark5Archiver archiver, ArchiveRequest r) {
        assertThatThrownBy(() -> archiver.archive(r)).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.isRetryable()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"journalpost", "korrespondansepartenhet", "dokumentbeskrivelse", "dokumentobjekt"})
    void aLostAnswerToACreateMakesNoSecondObject(String type) throws Exception {
        ArchiveRequest r = SimulatorSetup.request(3);
        Noark5Archiver archiver = setup.archiver();
        setup.sim.loseNextCreateAnswer(type);
        failsRetryably(archiver, r);
        archiver.archive(r);
        assertOneCompleteJournalpost(3);
    }

    @Test
    void aLostJournalpostAnswerIsFoundByTitleAndTimeWhenTheArchiveCannotFilterOurMetadata() throws Exception {
        setup.sim.metadataFilters(false);
        ArchiveRequest r = SimulatorSetup.request(2);
        Noark5Archiver archiver = setup.archiver();
        setup.sim.loseNextCreateAnswer("journalpost");
        failsRetryably(archiver, r);
        archiver.archive(r);
        assertOneCompleteJournalpost(2);
    }

    @Test
    void theNthUploadFailingIsResumedWithoutDuplicates() throws Exception {
        ArchiveRequest r = SimulatorSetup.request(3);
        Noark5Archiver archiver = setup.archiver();
        setup.sim.failUpload(2, 500);
        failsRetryably(archiver, r);
        assertThat(r.progress().load()).containsKey(Noark5Archiver.FIL + 0).doesNotContainKey(Noark5Archiver.FIL + 1);
        archiver.archive(r);
        assertOneCompleteJournalpost(3);
    }

    @Test
    void aLostUploadAnswerIsNotUploadedAgain() throws Exception {
        ArchiveRequest r = SimulatorSetup.request(2);
        Noark5Archiver archiver = setup.archiver();
        setup.sim.loseNextUploadAnswer();
        failsRetryably(archiver, r);
        int uploads = setup.sim.uploads();
        archiver.archive(r);
        assertOneCompleteJournalpost(2);
        assertThat(setup.sim.uploads()).isEqualTo(uploads + 1); // only the second document
    }

    @Test
    void aCrashAfterTheArchiveConfirmedButBeforeTheNoteWasSavedMakesNoDuplicate() throws Exception {
        // The inbox's database fails just as the journalpost's href is to be noted: only "begun" is durable.
        ArchiveRequest plain = SimulatorSetup.request(2);
        ArchiveRequest r = SimulatorSetup.withProgress(plain, new HookedProgress(plain.progress(), notes -> {
            if (notes.containsKey(Noark5Archiver.JOURNALPOST)) {
                throw new IllegalStateException("databasen er borte");
            }
        }));
        assertThatThrownBy(() -> setup.archiver().archive(r)).isInstanceOf(IllegalStateException.class);
        setup.archiver().archive(plain);
        assertOneCompleteJournalpost(2);
    }

    @Test
    void aTokenThatExpiresMidRunIsRenewed() throws Exception {
        ArchiveRequest r = SimulatorSetup.request(3);
        setup.sim.expireTokensAfter(6);
        setup.archiver().archive(r);
        assertOneCompleteJournalpost(3);
        assertThat(setup.sim.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aConflictIsRetriedAfterReadingTheParentAgain() throws Exception {
        setup.sim.conflictNext(1);
        setup.archiver().archive(SimulatorSetup.request(1));
        assertOneCompleteJournalpost(1);
    }

    @Test
    void aPersistentConflictIsRetryableForTheClerk() {
        setup.sim.conflictNext(2);
        assertThatThrownBy(() -> setup.archiver().archive(SimulatorSetup.request(1)))
                .isInstanceOfSatisfying(ArchiveException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("409").hasMessageContaining("endret av andre");
        assertThat(setup.sim.journalposts()).isEmpty();
    }

    /** Progress whose save can be made to fail, like a database going away. */
    private record HookedProgress(ArchiveProgress inner, Consumer<Map<String, String>> beforeSave)
            implements ArchiveProgress {
        @Override
        public Map<String, String> load() {
            return inner.load();
        }

        @Override
        public void save(Map<String, String> notes) throws ArchiveException {
            beforeSave.accept(notes);
            inner.save(notes);
        }
    }
}
