package no.postmottak.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import no.postmottak.api.Channel;
import no.postmottak.api.DocumentDescriptor;
import no.postmottak.api.DocumentRole;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;
import no.postmottak.inbox.internal.TestDatabases.Kind;

/** The content store: a large document's part past the threshold in a file, as durable and as clean as the rows. */
class ContentStoreTest {

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private DataSource ds;
    private Path store;

    /** A fresh database of the kind and the content store folder "innhold", from 1 MiB. */
    private JdbcInbox start(Kind kind) throws InboxException {
        ds = TestDatabases.create(kind, dir);
        store = dir.resolve("innhold");
        return inbox(ds, store);
    }

    /** A fresh database of the kind and the content store "innhold" from 0 bytes, forcing to disk by {@code force}. */
    private JdbcInbox startAtZero(Kind kind, ContentWrites.Force force) throws InboxException {
        ds = TestDatabases.create(kind, dir);
        store = dir.resolve("innhold");
        return new JdbcInbox(ds, new Fixtures.Orgs(), new ArchiveProviders(), Clock.systemUTC(), "node-a",
                JdbcInbox.DEFAULT_CLAIM_TTL, new ContentFiles(store, 0, force));
    }

    private ContentFiles files() {
        return new ContentFiles(store, ContentFiles.thresholdBytes(1));
    }

    /** A node on {@code database} with its content store in {@code folder}, from 1 MiB. */
    private static JdbcInbox inbox(DataSource database, Path folder) throws InboxException {
        return new JdbcInbox(database, new Fixtures.Orgs(), new ArchiveProviders(), Clock.systemUTC(), "node-a",
                JdbcInbox.DEFAULT_CLAIM_TTL, new ContentFiles(folder, ContentFiles.thresholdBytes(1)));
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDocumentPastTheThresholdContinuesInAFileAndReadsBackWhole(Kind kind) throws Exception {
        JdbcInbox inbox = start(kind);
        byte[] small = bytes(100 * 1024, 1);
        byte[] exactly = bytes(MIB, 2);
        byte[] justOver = bytes(MIB + 1, 3);
        byte[] large = bytes(3 * MIB + 12345, 4);

        UUID id = inbox.accept(Fixtures.item("c-1"), Fixtures.docs(small, exactly, justOver, large)).itemId();

        byte[][] expected = {small, exactly, justOver, large};
        for (int d = 0; d < expected.length; d++) {
            try (InputStream in = inbox.openDocument(id, d)) {
                assertThat(in.readAllBytes()).as("document " + d).isEqualTo(expected[d]);
            }
            assertThat(inbox.get(id).orElseThrow().documents().get(d).sha256())
                    .isEqualTo(Fixtures.sha256(expected[d]));
        }
        ContentFiles files = files();
        assertThat(files.list()).extracting(ContentFiles.StoredFile::index).containsExactlyInAnyOrder(2, 3);
        assertThat(Files.size(fileOf(id, 2))).isEqualTo(1);
        assertThat(Files.size(fileOf(id, 3))).isEqualTo(2 * MIB + 12345);
        assertThat(fileOf(id, 3).getParent().getFileName()).as("the day of the accept")
                .hasToString(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(chunkRows(ds, id, 3)).as("the large document's rows: the threshold's two chunks").isEqualTo(2);
        assertThat(offsets(ds, id)).containsExactly(null, null, (long) MIB, (long) MIB);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void atThresholdZeroEveryDocumentIsAFileAndNoneIsInRows(Kind kind) throws Exception {
        JdbcInbox inbox = startAtZero(kind, (path, channel, metaData) -> channel.force(metaData));
        byte[][] docs = {bytes(100 * 1024, 21), new byte[0], bytes(1, 22), bytes(MIB + 5, 23)};

        UUID id = inbox.accept(Fixtures.item("c-0"), Fixtures.docs(docs)).itemId();

        assertThat(AcceptTest.count(ds, "document_chunk")).isZero();
        assertThat(offsets(ds, id)).as("the empty document has no file").containsExactly(0L, null, 0L, 0L);
        assertThat(files().list()).extracting(ContentFiles.StoredFile::index).containsExactlyInAnyOrder(0, 2, 3);
        for (int d = 0; d < docs.length; d++) {
            try (InputStream in = inbox.openDocument(id, d)) {
                assertThat(in.readAllBytes()).as("document " + d).isEqualTo(docs[d]);
            }
        }
        inbox.delete(id, "Feilsendt", "kari");
        assertThat(files().list()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void filesOfEverySizeAroundTheBlocksAndBuffersReadBackWholeWrittenDirectOrNot(boolean direct) throws Exception {
        ds = TestDatabases.create(Kind.H2, dir);
        store = dir.resolve("innhold");
        ContentFiles files = new ContentFiles(store, 0, direct);
        JdbcInbox inbox = new JdbcInbox(ds, new Fixtures.Orgs(), new ArchiveProviders(), Clock.systemUTC(), "node-a",
                JdbcInbox.DEFAULT_CLAIM_TTL, files);
        int block = 4096;
        int buffer = ContentWrites.DIRECT_WRITE_BYTES;
        int[] sizes = {1, block - 1, block, block + 1, DocumentStore.CHUNK_SIZE + 3, buffer - 1, buffer, buffer + 1,
            (ContentWrites.DIRECT_WRITES_IN_FLIGHT + 2) * buffer + block + 7};
        byte[][] docs = new byte[sizes.length][];
        for (int d = 0; d < sizes.length; d++) {
            docs[d] = bytes(sizes[d], 40 + d);
        }

        UUID id = inbox.accept(Fixtures.item("c-d"), Fixtures.docs(docs)).itemId();

        // Linux file systems take O_DIRECT (tmpfs since 6.6): there, the direct path is the one under test
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux");
        assertThat(files.writesDirect()).as("past the page cache as configured, where the file system allows it")
                .isEqualTo(direct && (linux || DirectIo.probe(dir.resolve("probe")).isPresent()));
        for (int d = 0; d < docs.length; d++) {
            assertThat(Files.size(fileOf(id, d))).as("file %d, cut to its size", d).isEqualTo(sizes[d]);
            try (InputStream in = inbox.openDocument(id, d)) {
                assertThat(in.readAllBytes()).as("document %d", d).isEqualTo(docs[d]);
            }
        }
        inbox.close();
    }

    @Test
    void readingByteByByteCrossesFromTheRowsIntoTheFile() throws Exception {
        JdbcInbox inbox = start(Kind.H2);
        byte[] doc = bytes(MIB + 700, 5);
        UUID id = inbox.accept(Fixtures.item("c-2"), Fixtures.docs(doc)).itemId();

        try (InputStream in = inbox.openDocument(id, 0)) {
            in.skipNBytes(MIB - 3);
            byte[] around = new byte[703];
            for (int i = 0; i < around.length; i++) {
                around[i] = (byte) in.read();
            }
            assertThat(around).isEqualTo(java.util.Arrays.copyOfRange(doc, MIB - 3, MIB + 700));
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aLongFileIsHandedToTheDiskWhileItIsWrittenNotOnlyAtTheEnd() throws Exception {
        DataSource ds = TestDatabases.create(Kind.H2, dir);
        ContentFiles files = new ContentFiles(dir.resolve("innhold"), ContentFiles.thresholdBytes(1));
        JdbcInbox inbox = new JdbcInbox(ds, new Fixtures.Orgs(), new ArchiveProviders(), Clock.systemUTC(), "node-a",
                JdbcInbox.DEFAULT_CLAIM_TTL, files);
        long size = 3 * ContentWrites.FLUSH_EVERY + MIB;

        UUID id = inbox.accept(Fixtures.item("c-10"), IncomingDocuments.of(List.of(new IncomingDocument(
                Fixtures.pdf("tegninger.pdf"), Fixtures.generated(size, 14))))).itemId();

        assertThat(files.backgroundFlushes()).as("flushes while the document was arriving").isGreaterThanOrEqualTo(1);
        try (InputStream in = inbox.openDocument(id, 0)) {
            assertThat(Fixtures.sha256(in)).isEqualTo(Fixtures.sha256(Fixtures.generated(size, 14)));
        }
        inbox.close();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anItemsFilesAreForcedTogetherAndAllOnDiskBeforeItsFolderAndItsCommit(Kind kind) throws Exception {
        CountDownLatch disk = new CountDownLatch(1);
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        List<String> finished = Collections.synchronizedList(new ArrayList<>());
        ContentWrites.Force heldFiles = (path, channel, metaData) -> {
            if (Files.isRegularFile(path)) {
                started.add(path.getFileName() + (metaData ? "" : " (flush)"));
                try {
                    disk.await(); // the "disk" answers when the test says so
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException();
                }
            }
            channel.force(metaData);
            if (!path.equals(store.toAbsolutePath())) { // the store's own folder: its marker and a new day folder
                finished.add(Files.isRegularFile(path) ? path.getFileName().toString()
                        : "folder " + path.getFileName());
            }
        };
        JdbcInbox inbox = startAtZero(kind, heldFiles);
        ExecutorService accepting = Executors.newSingleThreadExecutor();
        try {
            Future<UUID> accepted = accepting.submit(() -> inbox.accept(Fixtures.item("c-f"),
                    Fixtures.docs(bytes(100 * 1024, 31), bytes(100 * 1024, 32), bytes(100 * 1024, 33))).itemId());

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(started)
                    .as("the three files forced at the same time, not one after another").hasSize(3));
            assertThat(finished).as("nothing forced while the files' forces hang").isEmpty();
            assertThat(accepted).isNotDone();
            assertThat(inbox.isStored(Channel.SVARINN, "c-f")).as("not committed before its files are on disk")
                    .isFalse();

            disk.countDown();
            UUID id = accepted.get(20, TimeUnit.SECONDS);

            assertThat(started).allMatch(name -> name.startsWith(id + "-"));
            assertThat(finished).hasSize(4);
            assertThat(finished.get(3)).as("the folder last, once, after every file")
                    .isEqualTo("folder " + LocalDate.now(ZoneOffset.UTC));
            try (InputStream in = inbox.openDocument(id, 2)) {
                assertThat(in.readAllBytes()).isEqualTo(bytes(100 * 1024, 33));
            }
        } finally {
            disk.countDown();
            accepting.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFileTheDiskRefusesFailsTheItemAndLeavesNoFileAndNoRows(Kind kind) throws Exception {
        ContentWrites.Force fullDisk = (path, channel, metaData) -> {
            if (path.getFileName().toString().endsWith("-1")) {
                throw new IOException("No space left on device");
            }
            channel.force(metaData);
        };
        JdbcInbox inbox = startAtZero(kind, fullDisk);

        assertThatThrownBy(() -> inbox.accept(Fixtures.item("c-d"),
                Fixtures.docs(bytes(1000, 34), bytes(1000, 35), bytes(1000, 36))))
                .isInstanceOf(InboxException.class)
                .hasMessage("Dokumentene kunne ikke skrives til disk, ingenting er lagret: No space left on device")
                .satisfies(e -> assertThat(((InboxException) e).isRetryable()).isTrue());

        assertThat(inbox.isStored(Channel.SVARINN, "c-d")).isFalse();
        assertThat(AcceptTest.count(ds, "inbox_document")).isZero();
        assertThat(files().list()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anItemThatFailsAfterItsFileWasWrittenLeavesNoFileAndNoRows(Kind kind) throws Exception {
        JdbcInbox inbox = start(kind);
        InputStream broken = new java.io.SequenceInputStream(new ByteArrayInputStream(bytes(MIB / 2, 6)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("forbindelsen brøt");
                    }
                });
        IncomingDocuments docs = IncomingDocuments.of(List.of(
                new IncomingDocument(Fixtures.pdf("stor.pdf"), new ByteArrayInputStream(bytes(2 * MIB, 7))),
                new IncomingDocument(Fixtures.pdf("brutt.pdf"), broken)));

        assertThatThrownBy(() -> inbox.accept(Fixtures.item("c-3"), docs)).isInstanceOf(InboxException.class)
                .hasMessageContaining("ingenting er lagret");

        assertThat(inbox.isStored(Channel.SVARINN, "c-3")).isFalse();
        assertThat(AcceptTest.count(ds, "document_chunk")).isZero();
        assertThat(files().list()).isEmpty();
    }

    @Test
    void aLargeDocumentWithTheWrongChecksumLeavesNoFile() throws Exception {
        JdbcInbox inbox = start(Kind.H2);
        DocumentDescriptor wrong = new DocumentDescriptor("stor.pdf", "application/pdf", -1, "00".repeat(32),
                DocumentRole.MAIN, null);

        assertThatThrownBy(() -> inbox.accept(Fixtures.item("c-4"), IncomingDocuments.of(List.of(
                new IncomingDocument(wrong, new ByteArrayInputStream(bytes(3 * MIB, 8)))))))
                .hasMessageContaining("stor.pdf har SHA-256");

        assertThat(files().list()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void deletingPurgesTheFileToo(Kind kind) throws Exception {
        JdbcInbox inbox = start(kind);
        UUID id = inbox.accept(Fixtures.item("c-5"), Fixtures.docs(bytes(2 * MIB, 9))).itemId();
        Path file = fileOf(id, 0);
        assertThat(file).exists();

        inbox.delete(id, "Feilsendt", "kari"); // no retention for this organisation: purged at once

        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> inbox.openDocument(id, 0)).hasMessageContaining("slettet");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSweepRemovesFilesNoDocumentNamesFromDaysNoAcceptCanStillWriteTo(Kind kind) throws Exception {
        JdbcInbox inbox = start(kind);
        ContentFiles files = files();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID stored = inbox.accept(Fixtures.item("c-6"), Fixtures.docs(bytes(2 * MIB, 10))).itemId();
        Path named = fileOf(stored, 0);
        Path oldOrphan = orphan(files, today.minusDays(3));
        Path todaysOrphan = orphan(files, today);

        assertThat(inbox.sweepContentFiles(Instant.now().minus(ContentFiles.SWEEP_AFTER))).isEqualTo(1);
        assertThat(oldOrphan).doesNotExist();
        assertThat(todaysOrphan).as("perhaps an accept under way").exists();

        Instant dayAfterTomorrow = Instant.now().plus(Duration.ofDays(2));
        assertThat(inbox.sweepContentFiles(dayAfterTomorrow)).as("today's folder, once no accept can write there")
                .isEqualTo(1);
        assertThat(todaysOrphan).doesNotExist();
        assertThat(named).exists();
        try (InputStream in = inbox.openDocument(stored, 0)) {
            assertThat(Fixtures.sha256(in)).isEqualTo(Fixtures.sha256(bytes(2 * MIB, 10)));
        }

        Path lateOrphan = orphan(files, today.minusDays(3));
        assertThat(inbox.sweepContentFiles(dayAfterTomorrow)).as("a day once swept is not read again").isZero();
        assertThat(lateOrphan).exists();
        JdbcInbox restarted = inbox(ds, store);
        assertThat(restarted.sweepContentFiles(dayAfterTomorrow)).as("the first sweep after a start reads every day")
                .isEqualTo(1);
        assertThat(lateOrphan).doesNotExist();
        assertThat(named).exists();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void filesOfTheFifthRoundAreReadPurgedAndSweptWhereTheyAre(Kind kind) throws Exception {
        JdbcInbox inbox = start(kind);
        ContentFiles files = files();
        UUID id = inbox.accept(Fixtures.item("c-11"), Fixtures.docs(bytes(2 * MIB, 15))).itemId();
        // As the fifth round stored it: the row names no file, the file is in the folder of the item id's first digits
        Path fifthRound = files.path(ContentFiles.fifthRoundFileName(id, 0));
        Files.createDirectories(fifthRound.getParent());
        Files.move(fileOf(id, 0), fifthRound);
        try (Connection c = ds.getConnection(); var ps = c.prepareStatement(
                "UPDATE inbox_document SET content_path = NULL WHERE item_id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
        UUID orphanId = UUID.randomUUID();
        Path oldOrphan = files.path(ContentFiles.fifthRoundFileName(orphanId, 0));
        Files.createDirectories(oldOrphan.getParent());
        Files.write(oldOrphan, new byte[] {1});
        Files.setLastModifiedTime(oldOrphan, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Files.setLastModifiedTime(fifthRound, FileTime.from(Instant.now().minus(Duration.ofDays(1))));

        try (InputStream in = inbox.openDocument(id, 0)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes(2 * MIB, 15));
        }
        assertThat(inbox.sweepContentFiles(Instant.now().minus(ContentFiles.SWEEP_AFTER))).isEqualTo(1);
        assertThat(oldOrphan).doesNotExist();
        assertThat(fifthRound).exists();

        inbox.delete(id, "Feilsendt", "kari");
        assertThat(fifthRound).doesNotExist();
    }

    private static Path orphan(ContentFiles files, LocalDate day) throws IOException {
        String name = ContentFiles.fileName(day, UUID.randomUUID(), 0);
        try (ContentWrites.Tail tail = files.newFiles().create(name)) {
            tail.write(new byte[] {1, 2, 3}, 3);
        }
        return files.path(name);
    }

    /** The file of a stored document, as its row names it. */
    private Path fileOf(UUID id, int index) throws Exception {
        try (Connection c = ds.getConnection(); var ps = c.prepareStatement(
                "SELECT content_path FROM inbox_document WHERE item_id = ? AND idx = ?")) {
            ps.setObject(1, id);
            ps.setInt(2, index);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return files().path(DocumentStore.fileName(id, index, rs.getString(1)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNodeWithAnotherFolderThanTheFirstRefusesToStartAndNodesOnTheSharedOneReadEachOthersFiles(Kind kind) throws Exception {
        DataSource ds = TestDatabases.create(kind, dir);
        inbox(ds, dir.resolve("delt"));

        assertThatThrownBy(() -> inbox(ds, dir.resolve("lokal"))).isInstanceOf(InboxException.class)
                .hasMessageContaining("hører ikke til denne databasen").hasMessageContaining("delte mappen");
        JdbcInbox nodeA = inbox(ds, dir.resolve("delt"));
        JdbcInbox nodeB = inbox(ds, dir.resolve("delt")); // a second node on the shared folder starts
        UUID id = nodeA.accept(Fixtures.item("c-9"), Fixtures.docs(bytes(2 * MIB, 13))).itemId();
        try (InputStream in = nodeB.openDocument(id, 0)) {
            assertThat(in.readAllBytes()).as("read on the other node").isEqualTo(bytes(2 * MIB, 13));
        }
    }

    @Test
    void aMissingFileIsReportedClearly() throws Exception {
        JdbcInbox inbox = start(Kind.H2);
        UUID id = inbox.accept(Fixtures.item("c-7"), Fixtures.docs(bytes(2 * MIB, 11))).itemId();
        Files.delete(fileOf(id, 0));

        try (InputStream in = inbox.openDocument(id, 0)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessage("Innholdet i dokumentet dokument-0.pdf mangler i innholdslageret");
        }
    }

    @Test
    void withoutTheContentStoreConfiguredADocumentWithAFileSaysSo() throws Exception {
        DataSource ds = TestDatabases.create(Kind.H2, dir);
        UUID id = inbox(ds, dir.resolve("innhold")).accept(Fixtures.item("c-8"), Fixtures.docs(bytes(2 * MIB, 12)))
                .itemId();
        JdbcInbox withoutStore = new JdbcInbox(ds, new Fixtures.Orgs(), new ArchiveProviders(), Clock.systemUTC());

        try (InputStream in = withoutStore.openDocument(id, 0)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageContaining("innholdslageret er ikke konfigurert (content.store.path)");
        }
    }

    @Test
    void thresholdsAreWholeChunksFromZeroAndFileNamesStayInTheStore() {
        assertThat(ContentFiles.thresholdBytes(0)).isZero();
        assertThat(ContentFiles.thresholdBytes(4)).isEqualTo(4L * MIB);
        assertThat(new ContentFiles(dir, 0).threshold()).isZero();
        assertThatThrownBy(() -> new ContentFiles(dir, MIB + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContentFiles(dir, -DocumentStore.CHUNK_SIZE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContentFiles(dir, 0).path("../" + UUID.randomUUID() + "-0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long chunkRows(DataSource ds, UUID id, int index) throws Exception {
        try (Connection c = ds.getConnection(); var ps = c.prepareStatement(
                "SELECT COUNT(*) FROM document_chunk WHERE item_id = ? AND idx = ?")) {
            ps.setObject(1, id);
            ps.setInt(2, index);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Long> offsets(DataSource ds, UUID id) throws Exception {
        List<Long> offsets = new ArrayList<>();
        try (Connection c = ds.getConnection(); var ps = c.prepareStatement(
                "SELECT content_offset FROM inbox_document WHERE item_id = ? ORDER BY idx")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long v = rs.getLong(1);
                    offsets.add(rs.wasNull() ? null : v);
                }
            }
        }
        return offsets;
    }
}
