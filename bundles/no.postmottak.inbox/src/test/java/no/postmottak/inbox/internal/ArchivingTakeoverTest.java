package no.postmottak.inbox.internal;

import static no.postmottak.inbox.internal.Fixtures.ORGNR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.CaseNumber;
import no.postmottak.api.ItemState;
import no.postmottak.api.archive.ArchiveDocument;
import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveProvider;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.api.archive.CaseInfo;
import no.postmottak.api.inbox.AuditEntry;
import no.postmottak.inbox.internal.TestDatabases.Kind;

/**
 * Node A dies after creating the journalpost and before adding the documents; node B takes the archiving over once
 * A's claim has run out, and finishes it from A's recorded progress: exactly one journalpost, every document once.
 */
class ArchivingTakeoverTest {

    private static final Duration CLAIM = Duration.ofSeconds(2);
    private static final CaseNumber FALLBACK = new CaseNumber(2024, 1);

    @TempDir
    Path dir;

    /** One archive both nodes reach: journalposts and the documents added to them. */
    static final class SharedArchive {
        final AtomicInteger journalposts = new AtomicInteger();
        final Map<String, List<String>> documents = new ConcurrentHashMap<>();
        final Map<String, CaseInfo> cases = new ConcurrentHashMap<>();
    }

    /**
     * A provider in the shape of the real ones: creates the journalpost, notes it, then adds the documents one by one,
     * noting each; a retry resumes from the notes. Saving a note before each call is the claim's fence.
     */
    static final class Provider implements ArchiveProvider {
        final SharedArchive archive;
        /** When set, the call stops after the journalpost (the node "hangs") until it is counted down. */
        volatile CountDownLatch hangAfterJournalpost;
        final CountDownLatch hanging = new CountDownLatch(1);

        Provider(SharedArchive archive) {
            this.archive = archive;
        }

        @Override
        public ArchiveReceipt archive(ArchiveRequest request) throws ArchiveException {
            Map<String, String> notes = new HashMap<>(request.progress().load());
            String jp = notes.get("journalpost");
            if (jp == null) {
                jp = "jp-" + archive.journalposts.incrementAndGet();
                archive.documents.put(jp, new CopyOnWriteArrayList<>());
                archive.cases.put(jp, request.targetCase());
                notes.put("journalpost", jp);
                request.progress().save(notes);
            }
            CountDownLatch hang = hangAfterJournalpost;
            if (hang != null) {
                hanging.countDown();
                try {
                    hang.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (ArchiveDocument d : request.documents()) {
                String key = "doc-" + d.metadata().index();
                if (notes.containsKey(key)) {
                    continue;
                }
                request.progress().save(notes); // the fence: fails once another node has taken the item over
                try (InputStream in = d.open()) {
                    archive.documents.get(jp).add(d.metadata().fileName() + ":" + Fixtures.sha256(in));
                } catch (IOException e) {
                    throw new ArchiveException(ArchiveException.Reason.UNAVAILABLE, e.getMessage(), e);
                }
                notes.put(key, "added");
                request.progress().save(notes);
            }
            return new ArchiveReceipt("test", null, jp, "2024/9-1", null, Map.of());
        }

        @Override
        public Optional<CaseInfo> findCase(String orgnr, CaseNumber caseNumber) {
            return Optional.of(new CaseInfo("sak-" + caseNumber, caseNumber, "Sak"));
        }

        @Override
        public boolean canLookUpCases() {
            return true;
        }
    }

    private JdbcInbox node(DataSource ds, String name, Provider provider) throws Exception {
        ArchiveProviders providers = new ArchiveProviders();
        providers.add(provider, Map.of(ArchiveProvider.KIND, "test", ArchiveProvider.NAME, "kommunearkivet"));
        Fixtures.Orgs orgs = new Fixtures.Orgs().put(Fixtures.org(ORGNR, "test", FALLBACK, null));
        return new JdbcInbox(ds, orgs, providers, Clock.systemUTC(), name, CLAIM, null);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDeadNodesArchivingIsFinishedByAnotherWithExactlyOneJournalpost(Kind kind) throws Exception {
        DataSource ds = TestDatabases.create(kind, dir);
        SharedArchive archive = new SharedArchive();
        Provider onA = new Provider(archive);
        Provider onB = new Provider(archive);
        JdbcInbox nodeA = node(ds, "node-a", onA);
        JdbcInbox nodeB = node(ds, "node-b", onB);
        UUID id = nodeA.accept(Fixtures.item("t-1"), Fixtures.docs(new byte[] {1, 2}, new byte[] {3})).itemId();

        CountDownLatch release = new CountDownLatch(1);
        onA.hangAfterJournalpost = release;
        CompletableFuture<ArchiveReceipt> onNodeA = CompletableFuture.supplyAsync(() -> {
            try {
                return nodeA.archive(id, new CaseNumber(2024, 412), "kari");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(onA.hanging.await(20, TimeUnit.SECONDS)).isTrue();

        // While A lives it renews its claim: B leaves the item alone for longer than the claim.
        await().during(CLAIM.multipliedBy(2)).atMost(CLAIM.multipliedBy(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> nodeB.resumeAbandonedArchiving() == 0);
        assertThat(nodeA.get(id).orElseThrow().state()).isEqualTo(ItemState.ARCHIVING);

        nodeA.close(); // A dies: no more renewals (its thread stays stuck, like a paused or cut-off node)
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> nodeB.resumeAbandonedArchiving() == 1);

        assertThat(nodeB.get(id).orElseThrow().state()).isEqualTo(ItemState.ARCHIVED);
        assertThat(nodeB.get(id).orElseThrow().receipt().journalpostId()).isEqualTo("jp-1");
        assertThat(archive.journalposts.get()).as("exactly one journalpost").isEqualTo(1);
        assertThat(archive.documents.get("jp-1")).hasSize(2)
                .anySatisfy(d -> assertThat(d).startsWith("dokument-0.pdf:"))
                .anySatisfy(d -> assertThat(d).startsWith("dokument-1.pdf:"));
        assertThat(archive.cases.get("jp-1").caseNumber()).as("the clerk's case").isEqualTo(new CaseNumber(2024, 412));
        assertThat(nodeB.auditTrail(id)).extracting(AuditEntry::action)
                .containsExactly("received", "archive", "archive-resumed", "archived");
        assertThat(nodeB.auditTrail(id).get(3).actor()).isEqualTo("kari");

        // A wakes up: its next progress save is refused, it adds nothing and records nothing over B's result.
        release.countDown();
        assertThat(onNodeA).failsWithin(Duration.ofSeconds(20))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withMessageContaining("overtatt");
        assertThat(archive.documents.get("jp-1")).hasSize(2);
        assertThat(nodeB.get(id).orElseThrow().state()).isEqualTo(ItemState.ARCHIVED);
        assertThat(nodeB.auditTrail(id)).hasSize(4);
        nodeB.close();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aLiveNodesArchivingIsNeverTakenOverAndAFinishedOneLeavesNoClaim(Kind kind) throws Exception {
        DataSource ds = TestDatabases.create(kind, dir);
        SharedArchive archive = new SharedArchive();
        JdbcInbox nodeA = node(ds, "node-a", new Provider(archive));
        JdbcInbox nodeB = node(ds, "node-b", new Provider(archive));
        UUID id = nodeA.accept(Fixtures.item("t-2"), Fixtures.docs(new byte[] {1})).itemId();
        assertThat(nodeA.archive(id, null, "ola").journalpostId()).isEqualTo("jp-1");
        try (var c = ds.getConnection(); var rs = c.createStatement().executeQuery(
                "SELECT archiving_owner, archiving_expires_at, archiving_request FROM inbox_item")) {
            rs.next();
            assertThat(rs.getString(1)).isNull();
            assertThat(rs.getObject(2)).isNull();
            assertThat(rs.getString(3)).isNull();
        }
        assertThat(nodeB.resumeAbandonedArchiving()).isZero();
        assertThat(archive.journalposts.get()).isEqualTo(1);
        nodeA.close();
        nodeB.close();
    }
}
