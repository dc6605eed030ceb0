package no.postmottak.inbox.internal;

import static no.postmottak.inbox.internal.Fixtures.ORGNR;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.ImportSuggestion;
import no.postmottak.api.archive.ArchiveProvider;
import no.postmottak.inbox.internal.TestDatabases.Kind;

/** An archive that cannot look cases up by number gets the archive's own case id when the sender named it. */
class SuggestedCaseIdTest {

    @TempDir
    Path dir;

    @Test
    void theSendersCaseIdReachesAnArchiveThatFilesById() throws Exception {
        TestArchive archive = new TestArchive(false, Set.of());
        ArchiveProviders providers = new ArchiveProviders();
        providers.add(archive, Map.of(ArchiveProvider.KIND, "test", ArchiveProvider.NAME, "kommunearkivet"));
        JdbcInbox inbox = Fixtures.inbox(TestDatabases.create(Kind.H2, dir),
                new Fixtures.Orgs().put(Fixtures.org(ORGNR, "test", new CaseNumber(2024, 1), null)), providers);
        UUID withId = inbox.accept(Fixtures.item("m-1", ORGNR, "Svar", "Avsender",
                new ImportSuggestion(2024, 412, null, null, null, null, "4711")), Fixtures.docs(new byte[] {1}))
                .itemId();
        UUID withoutId = inbox.accept(Fixtures.item("m-2", ORGNR, "Svar", "Avsender",
                new ImportSuggestion(2024, 412, null, null, null, null)), Fixtures.docs(new byte[] {1})).itemId();

        inbox.archive(withId, null, "ola");
        inbox.archive(withoutId, null, "ola");

        assertThat(archive.archived).extracting(a -> a.request().targetCase().caseId()).containsExactly("4711", null);
        assertThat(archive.archived).allSatisfy(a -> assertThat(a.request().targetCase().caseNumber())
                .isEqualTo(new CaseNumber(2024, 412)));
        assertThat(inbox.auditTrail(withId).get(1).detail()).contains("Avsenders saksforslag 2024/412 (arkivets id 4711)");
    }
}
