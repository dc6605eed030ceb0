package no.postmottak.inbox.internal;

import static no.postmottak.inbox.internal.Fixtures.ORGNR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import no.postmottak.api.Channel;
import no.postmottak.api.DocumentDescriptor;
import no.postmottak.api.DocumentRole;
import no.postmottak.api.ItemState;
import no.postmottak.api.inbox.AcceptResult;
import no.postmottak.api.inbox.ContentMismatchException;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;
import no.postmottak.inbox.internal.TestDatabases.Kind;

class AcceptTest {

    @TempDir
    Path dir;

    private final Fixtures.Orgs orgs = new Fixtures.Orgs().put(Fixtures.org(ORGNR, null, null, null));

    @ParameterizedTest
    @EnumSource(Kind.class)
    void tellsWhichOfAPageOfChannelIdsAreStoredInOneQuestionPerTwoHundred(Kind kind) throws Exception {
        JdbcInbox inbox = Fixtures.inbox(TestDatabases.create(kind, dir), orgs, new ArchiveProviders());
        inbox.accept(Fixtures.item("f-3"), Fixtures.docs("a".getBytes(StandardCharsets.UTF_8)));
        inbox.accept(Fixtures.item("f-250"), Fixtures.docs("b".getBytes(StandardCharsets.UTF_8)));
        List<String> page = new java.util.ArrayList<>();
        for (int i = 0; i < 260; i++) {
            page.add("f-" + i);
        }

        assertThat(inbox.storedAmong(Channel.SVARINN, page)).containsExactlyInAnyOrder("f-3", "f-250");
        assertThat(inbox.storedAmong(Channel.EFORMIDLING, page)).isEmpty();
        assertThat(inbox.storedAmong(Channel.SVARINN, List.of())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void storesItemDocumentsAndAuditAndReadsThemBack(Kind kind) throws Exception {
        JdbcInbox inbox = Fixtures.inbox(TestDatabases.create(kind, dir), orgs, new ArchiveProviders());
        byte[] main = "hoveddokument".getBytes(StandardCharsets.UTF_8);
        byte[] attachment = new byte[DocumentStore.CHUNK_SIZE * 2 + 17];
        new java.util.Random(1).nextBytes(attachment);

        AcceptResult result = inbox.accept(Fixtures.item("f-1"), Fixtures.docs(main, attachment));

        assertThat(result.alreadyStored()).isFalse();
        InboxItem item = inbox.get(result.itemId()).orElseThrow();
        assertThat(item.state()).isEqualTo(ItemState.RECEIVED);
        assertThat(item.orgConfigured()).isTrue();
        assertThat(item.metadata()).isEqualTo(Fixtures.item("f-1"));
        assertThat(item.documents()).extracting(d -> d.role())
                .containsExactly(DocumentRole.MAIN, DocumentRole.ATTACHMENT);
        assertThat(item.documents().get(1).size()).isEqualTo(attachment.length);
        assertThat(item.documents().get(1).sha256()).isEqualTo(Fixtures.sha256(attachment));
        try (InputStream in = inbox.openDocument(result.itemId(), 1)) {
            assertThat(in.readAllBytes()).isEqualTo(attachment);
        }
        try (InputStream in = inbox.openDocument(result.itemId(), 0)) {
            assertThat(in.readAllBytes()).isEqualTo(main);
        }
        assertThat(inbox.isStored(Channel.SVARINN, "f-1")).isTrue();
        assertThat(inbox.isStored(Channel.EFORMIDLING, "f-1")).isFalse();
        assertThat(inbox.auditTrail(result.itemId())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("received");
            assertThat(e.actor()).isEqualTo("svarinn");
            assertThat(e.to()).isEqualTo(ItemState.RECEIVED);
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void secondAcceptIsANoOpThatReportsAlreadyStored(Kind kind) throws Exception {
        DataSource ds = TestDatabases.create(kind, dir);
        JdbcInbox inbox = Fixtures.inbox(ds, orgs, new ArchiveProviders());
        AcceptResult first = inbox.accept(Fixtures.item("f-2"), Fixtures.docs(new byte[] {1}));
        InputStream untouched = new ByteArrayInputStream(new byte[] {9, 9});

        AcceptResult second = inbox.accept(Fixtures.item("f-2"),
                IncomingDocuments.of(List.of(new IncomingDocument(Fixtures.pdf("x.pdf"), untouched))));

        assertThat(second).isEqualTo(new AcceptResult(first.itemId(), true));
        assertThat(count(ds, "inbox_item")).isEqualTo(1);
        assertThat(count(ds, "inbox_document")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoNodesRacingOnTheSameItemStoreItOnce(Kind kind) throws Exception {
        DataSource ds = TestDatabases.create(kind, dir);
        CountDownLatch bPassedPreCheck = new CountDownLatch(1);
        // Node B looks its organisation up after its "already stored?" check found nothing.
        Organisations orgsOfB = orgnr -> {
            bPassedPreCheck.countDown();
            return orgs.find(orgnr);
        };
        JdbcInbox nodeA = Fixtures.inbox(ds, orgs, new ArchiveProviders());
        JdbcInbox nodeB = new JdbcInbox(ds, orgsOfB, new ArchiveProviders(), java.time.Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // A's document stream ends only once B is past its check: both are inside accept at once.
            Future<AcceptResult> a = pool.submit(() -> nodeA.accept(Fixtures.item("race"), IncomingDocuments.of(
                    List.of(new IncomingDocument(Fixtures.pdf("a.pdf"), new LatchedStream(bPassedPreCheck))))));
            Future<AcceptResult> b = pool.submit(() -> nodeB.accept(Fixtures.item("race"), Fixtures.docs(new byte[] {7})));
            AcceptResult ra = a.get();
            AcceptResult rb = b.get();
            assertThat(List.of(ra.alreadyStored(), rb.alreadyStored())).containsExactlyInAnyOrder(true, false);
            assertThat(ra.itemId()).isEqualTo(rb.itemId());
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(ds, "inbox_item")).isEqualTo(1);
        assertThat(count(ds, "inbox_document")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void failingDocumentStreamStoresNothing(Kind kind) throws Exception {
        DataSource ds = TestDatabases.create(kind, dir);
        JdbcInbox inbox = Fixtures.inbox(ds, orgs, new ArchiveProviders());
        // Past the point where H2 writes the transaction's pages to the file: the rollback must undo those too.
        InputStream failsMidway = new java.io.SequenceInputStream(Fixtures.generated(
                DocumentStore.CHUNK_SIZE * (DocumentStore.STORE_PAGES_EVERY_CHUNKS + 1L), 7),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("integritetssjekk feilet");
                    }
                });

        assertThatThrownBy(() -> inbox.accept(Fixtures.item("f-3"), IncomingDocuments.of(List.of(
                new IncomingDocument(Fixtures.pdf("ok.pdf"), new ByteArrayInputStream(new byte[] {1, 2})),
                new IncomingDocument(Fixtures.pdf("broken.pdf"), failsMidway)))))
                .isInstanceOf(InboxException.class)
                .hasMessageContaining("integritetssjekk feilet")
                .satisfies(e -> assertThat(((InboxException) e).isRetryable()).isTrue());

        assertThat(inbox.isStored(Channel.SVARINN, "f-3")).isFalse();
        for (String table : List.of("inbox_item", "inbox_document", "document_chunk", "inbox_audit")) {
            assertThat(count(ds, table)).as(table).isZero();
        }
        // and the channel can deliver it again
        assertThat(inbox.accept(Fixtures.item("f-3"), Fixtures.docs(new byte[] {1})).alreadyStored()).isFalse();
    }

    @Test
    void h2WritesALargeDocumentToTheFileAsItGoesNotAllAtTheEnd() throws Exception {
        DataSource ds = TestDatabases.create(Kind.H2, dir);
        JdbcInbox inbox = Fixtures.inbox(ds, orgs, new ArchiveProviders());
        Path file;
        try (var files = Files.list(dir)) {
            file = files.filter(f -> f.toString().endsWith(".mv.db")).findFirst().orElseThrow();
        }
        long before = Files.size(file);
        long[] grownBeforeTheLastChunk = {-1};
        long written = DocumentStore.CHUNK_SIZE * (long) DocumentStore.STORE_PAGES_EVERY_CHUNKS;
        InputStream content = new java.io.SequenceInputStream(Fixtures.generated(written, 11), new InputStream() {
            private final InputStream rest = Fixtures.generated(DocumentStore.CHUNK_SIZE, 12);

            @Override
            public int read() throws IOException {
                throw new UnsupportedOperationException("read in blocks");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (grownBeforeTheLastChunk[0] < 0) {
                    grownBeforeTheLastChunk[0] = Files.size(file) - before;
                }
                return rest.read(b, off, len);
            }
        });

        inbox.accept(Fixtures.item("f-large"), IncomingDocuments.of(List.of(
                new IncomingDocument(Fixtures.pdf("stor.pdf"), content))));

        // Without the early stores H2 keeps up to autoCommitBufferSize (8-19 MiB, by heap) on the heap first.
        assertThat(grownBeforeTheLastChunk[0]).as("bytes in the file before the transaction ended")
                .isGreaterThanOrEqualTo(written);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void unknownOrganisationIsReceivedAndFlagged(Kind kind) throws Exception {
        JdbcInbox inbox = Fixtures.inbox(TestDatabases.create(kind, dir), orgs, new ArchiveProviders());

        AcceptResult r = inbox.accept(Fixtures.item("f-4", "987654321", "Ukjent mottaker", "Noen", null),
                Fixtures.docs(new byte[] {1}));

        assertThat(inbox.get(r.itemId()).orElseThrow().orgConfigured()).isFalse();
        assertThat(inbox.auditTrail(r.itemId()).get(0).detail()).contains("ikke konfigurert");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void announcedChecksumMismatchRefusesTheItem(Kind kind) throws Exception {
        JdbcInbox inbox = Fixtures.inbox(TestDatabases.create(kind, dir), orgs, new ArchiveProviders());
        DocumentDescriptor wrong = new DocumentDescriptor("a.pdf", "application/pdf", 3, "00".repeat(32),
                DocumentRole.MAIN, null);

        assertThatThrownBy(() -> inbox.accept(Fixtures.item("f-5"), IncomingDocuments.of(List.of(
                new IncomingDocument(wrong, new ByteArrayInputStream(new byte[] {1, 2, 3}))))))
                .isInstanceOf(ContentMismatchException.class).hasMessageContaining("a.pdf har SHA-256 039058c6")
                .hasMessageContaining("avsender oppga " + "00".repeat(32));
        assertThat(inbox.isStored(Channel.SVARINN, "f-5")).isFalse();
        assertThat(inbox.get(java.util.UUID.randomUUID())).isEqualTo(Optional.empty());
    }

    static long count(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Gives one byte after every party has reached the latch (bounded wait, then it fails). */
    private static final class LatchedStream extends InputStream {
        private final CountDownLatch latch;
        private boolean done;

        LatchedStream(CountDownLatch latch) {
            this.latch = latch;
        }

        @Override
        public int read() throws IOException {
            if (done) {
                return -1;
            }
            try {
                if (!latch.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IOException("the other node never got past its check");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            done = true;
            return 42;
        }
    }
}
