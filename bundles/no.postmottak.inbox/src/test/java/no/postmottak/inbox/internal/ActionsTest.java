package no.postmottak.inbox.internal;

import static no.postmottak.inbox.internal.Fixtures.ORGNR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.ImportSuggestion;
import no.postmottak.api.ItemState;
import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveProvider;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.inbox.AuditEntry;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.inbox.internal.TestDatabases.Kind;

class ActionsTest {

    private static final CaseNumber FALLBACK = new CaseNumber(2024, 1);
    private static final CaseNumber KNOWN = new CaseNumber(2024, 412);

    @TempDir
    Path dir;

    private final Fixtures.Orgs orgs = new Fixtures.Orgs().put(Fixtures.org(ORGNR, "test", FALLBACK, null));
    private final ArchiveProviders providers = new ArchiveProviders();
    private final TestArchive archive = new TestArchive(true, Set.of(KNOWN, FALLBACK));
    private DataSource ds;

    private JdbcInbox start(Kind kind) throws InboxException {
        ds = TestDatabases.create(kind, dir);
        providers.add(archive, Map.of(ArchiveProvider.KIND, "test", ArchiveProvider.NAME, "kommunearkivet"));
        return Fixtures.inbox(ds, orgs, providers);
    }

    private static UUID receive(JdbcInbox inbox, String channelId, ImportSuggestion suggestion) throws Exception {
        return inbox.accept(Fixtures.item(channelId, ORGNR, "Tittel " + channelId, "Avsender", suggestion),
                Fixtures.docs(new byte[] {1, 2, 3}, new byte[] {4})).itemId();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void deleteNeedsAReasonPurgesContentAndKeepsMetadataAndAudit(Kind kind) throws Exception {
        JdbcInbox inbox = start(kind);
        UUID id = receive(inbox, "d-1", null);

        assertThatThrownBy(() -> inbox.delete(id, " ", "kari")).hasMessageContaining("begrunnelse");
        inbox.delete(id, "Feilsendt", "kari");

        InboxItem item = inbox.get(id).orElseThrow();
        assertThat(item.state()).isEqualTo(ItemState.DELETED);
        assertThat(item.documents()).hasSize(2).allSatisfy(d -> assertThat(d.purged()).isTrue());
        assertThat(AcceptTest.count(ds, "document_chunk")).isZero();
        assertThatThrownBy(() -> inbox.openDocument(id, 0)).hasMessageContaining("slettet");
        assertThat(inbox.auditTrail(id)).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("received", "svarinn", "2 dokument(er)"),
                        org.assertj.core.groups.Tuple.tuple("delete", "kari", "Feilsendt"));
        assertThatThrownBy(() -> inbox.archive(id, null, "kari")).hasMessage("Elementet er slettet");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void withARetentionDeletedContentStaysUntilItRunsOut(Kind kind) throws Exception {
        JdbcInbox inbox = start(kind);
        orgs.put(new Organisation(ORGNR, "Test", "test", null, null, java.time.Duration.ofHours(24)));
        UUID id = receive(inbox, "ret-1", null);
        inbox.delete(id, "Feilsendt", "kari");

        assertThat(inbox.purgeExpiredDeletedContent(java.time.Instant.now())).isZero();
        assertThat(inbox.openDocument(id, 0).readAllBytes()).containsExactly(1, 2, 3);

        assertThat(inbox.purgeExpiredDeletedContent(java.time.Instant.now().plus(java.time.Duration.ofHours(25))))
                .isEqualTo(1);
        assertThat(AcceptTest.count(ds, "document_chunk")).isZero();
        assertThat(inbox.get(id).orElseThrow().documents()).allSatisfy(d -> assertThat(d.purged()).isTrue());
        assertThat(inbox.auditTrail(id)).extracting(AuditEntry::action).containsExactly("received", "delete", "purge");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void archivesOnTheClerksCaseAndRefusesASecondTime(Kind kind) throws Exception {
        JdbcInbox inbox = start(kind);
        UUID id = receive(inbox, "a-1", new ImportSuggestion(2024, 999, null, null, null, null));

        ArchiveReceipt receipt = inbox.archive(id, KNOWN, "ola");

        assertThat(receipt.caseNumber()).isEqualTo("2024/412");
        assertThat(receipt.target()).as("the receipt names the target that archived it").isEqualTo("kommunearkivet");
        InboxItem item = inbox.get(id).orElseThrow();
        assertThat(item.state()).isEqualTo(ItemState.ARCHIVED);
        assertThat(item.receipt()).isEqualTo(receipt);
        assertThat(archive.archived).singleElement().satisfies(a -> {
            assertThat(a.request().targetCase().caseId()).isEqualTo("sak-2024/412");
            assertThat(a.sha256s()).containsExactly(Fixtures.sha256(new byte[] {1, 2, 3}),
                    Fixtures.sha256(new byte[] {4}));
        });
        assertThatThrownBy(() -> inbox.archive(id, KNOWN, "ola")).isInstanceOf(InboxException.class)
                .hasMessage("Elementet er allerede arkivert");
        assertThatThrownBy(() -> inbox.delete(id, "vil slette", "ola")).hasMessage("Elementet er allerede arkivert");
        assertThat(inbox.auditTrail(id)).extracting(AuditEntry::action, AuditEntry::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple("received", ItemState.RECEIVED),
                org.assertj.core.groups.Tuple.tuple("archive", ItemState.ARCHIVING),
                org.assertj.core.groups.Tuple.tuple("archived", ItemState.ARCHIVED));
        assertThat(inbox.auditTrail(id).get(2).detail()).startsWith("Arkivert i «kommunearkivet» (test): journalpost");
        assertThatThrownBy(() -> inbox.archive(receive(inbox, "a-2", null), new CaseNumber(2020, 5), "ola"))
                .hasMessage("Saken 2020/5 finnes ikke i arkivet");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void usesAValidSuggestionAndFallsBackWithANoteForAnInvalidOne(Kind kind) throws Exception {
        JdbcInbox inbox = start(kind);
        UUID valid = receive(inbox, "s-1", new ImportSuggestion(2024, 412, null, null, null, null));
        UUID invalid = receive(inbox, "s-2", new ImportSuggestion(2023, 77, null, null, null, null));
        UUID none = receive(inbox, "s-3", new ImportSuggestion(0, -1, null, null, null, null));

        assertThat(inbox.archive(valid, null, "ola").caseNumber()).isEqualTo("2024/412");
        assertThat(inbox.archive(invalid, null, "ola").caseNumber()).isEqualTo("2024/1");
        assertThat(inbox.archive(none, null, "ola").caseNumber()).isEqualTo("2024/1");

        assertThat(inbox.auditTrail(invalid).get(1).detail())
                .contains("Avsenders saksforslag 2023/77 finnes ikke i arkivet; reservesaken er brukt");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void providerErrorLeavesArchiveFailedAndARetryResumesWithTheSavedProgress(Kind kind) throws Exception {
        JdbcInbox inbox = start(kind);
        UUID id = receive(inbox, "r-1", null);
        archive.failuresLeft = 1;
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        providers.addListener((orgnr, target, kindOfTarget, duration, succeeded) -> calls.add(orgnr + " " + target
                + " " + kindOfTarget + " " + succeeded + " " + (duration.isNegative() ? "negative" : "timed")));

        assertThatThrownBy(() -> inbox.archive(id, null, "ola")).isInstanceOf(InboxException.class)
                .hasMessage("Arkivering feilet: Arkivet svarer ikke (test)")
                .satisfies(e -> assertThat(((InboxException) e).isRetryable()).isTrue());
        assertThat(inbox.get(id).orElseThrow().state()).isEqualTo(ItemState.ARCHIVE_FAILED);

        ArchiveReceipt receipt = inbox.archive(id, null, "ola");

        assertThat(inbox.get(id).orElseThrow().state()).isEqualTo(ItemState.ARCHIVED);
        assertThat(archive.archived).singleElement().satisfies(a ->
                assertThat(a.progressAtStart()).containsEntry("journalpostId", receipt.journalpostId()));
        assertThat(inbox.auditTrail(id)).extracting(AuditEntry::action).containsExactly(
                "received", "archive", "archive-failed", "archive", "archived");
        assertThat(calls).containsExactly(ORGNR + " kommunearkivet test false timed",
                ORGNR + " kommunearkivet test true timed");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anArchivingCutOffByACrashCanBeRetried(Kind kind) throws Exception {
        JdbcInbox inbox = start(kind);
        UUID id = receive(inbox, "cut-1", null);
        // Simulate the node dying mid-archiving: the item is left in ARCHIVING.
        try (java.sql.Connection c = ds.getConnection()) {
            c.createStatement().executeUpdate("UPDATE inbox_item SET state = 'ARCHIVING' WHERE id = '" + id + "'");
        }
        assertThatThrownBy(() -> inbox.archive(id, null, "ola")).hasMessageContaining("arkiveres nå");

        assertThat(inbox.recoverInterruptedArchiving(java.time.Instant.now().minusSeconds(3600))).isZero();
        assertThat(inbox.recoverInterruptedArchiving(java.time.Instant.now().plusSeconds(1))).isEqualTo(1);

        assertThat(inbox.get(id).orElseThrow().state()).isEqualTo(ItemState.ARCHIVE_FAILED);
        assertThat(inbox.archive(id, null, "ola").journalpostId()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void missingProviderIsAClearErrorAndTheItemStaysInTheInbox(Kind kind) throws Exception {
        JdbcInbox inbox = start(kind);
        UUID id = receive(inbox, "m-1", null);
        providers.remove(archive);

        assertThatThrownBy(() -> inbox.archive(id, null, "ola"))
                .hasMessageStartingWith("Arkivmål er ikke tilgjengelig").hasMessageContaining("«test»");
        assertThat(inbox.get(id).orElseThrow().state()).isEqualTo(ItemState.RECEIVED);

        orgs.put(Fixtures.org(ORGNR, "websak", null, null)); // live configuration change
        providers.add(archive, Map.of(ArchiveProvider.KIND, "test", ArchiveProvider.NAME, "kommunearkivet"));
        assertThatThrownBy(() -> inbox.archive(id, null, "ola")).hasMessageContaining("«websak»");
        orgs.put(Fixtures.org(ORGNR, "test", null, null));
        assertThat(inbox.archive(id, null, "ola").caseNumber()).isNull(); // no fallback configured: archive decides
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void ofTwoClerksActingAtOnceOnlyOneSucceeds(Kind kind) throws Exception {
        JdbcInbox inbox = start(kind);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                UUID id = receive(inbox, "c-" + round, null);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Callable<String>> clerks = List.of(
                        () -> attempt(start, () -> inbox.delete(id, "Duplikat", "kari")),
                        () -> attempt(start, () -> inbox.archive(id, null, "ola")));
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : pool.invokeAll(clerks)) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).as("round " + round).containsOnlyOnce("ok");
                ItemState state = inbox.get(id).orElseThrow().state();
                assertThat(state).isIn(ItemState.DELETED, ItemState.ARCHIVED);
                assertThat(inbox.auditTrail(id)).extracting(AuditEntry::action)
                        .doesNotContain(state == ItemState.DELETED ? "archived" : "delete");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String attempt(CyclicBarrier start, Action action) throws Exception {
        start.await(10, TimeUnit.SECONDS);
        try {
            action.run();
            return "ok";
        } catch (InboxException e) {
            return e.getMessage();
        }
    }
}
