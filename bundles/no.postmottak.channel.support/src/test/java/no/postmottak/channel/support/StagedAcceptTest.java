package no.postmottak.channel.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.postmottak.api.Channel;
import no.postmottak.api.DocumentDescriptor;
import no.postmottak.api.DocumentRole;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.Party;
import no.postmottak.api.inbox.AcceptResult;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;
import no.postmottak.inbox.testing.TestInboxes;

/** The overlapped accept on the real inbox (H2): what is stored, and what each side does when the other fails. */
class StagedAcceptTest {

    private static final int CHUNK = 64 * 1024;

    @TempDir
    Path dir;
    private Inbox inbox;
    private final StagedAccept staged = new StagedAccept("test", 4, CHUNK);

    @BeforeEach
    void setUp() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("inbox").toAbsolutePath() + ";REUSE_SPACE=FALSE;WRITE_DELAY=0;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        inbox = TestInboxes.create(h2);
    }

    @Test
    void storesEveryDocumentByteForByteWhileReadingOnAnotherThread() throws Exception {
        Generated big = new Generated(10L * 1024 * 1024 + 123, 1);
        Generated small = new Generated(5, 2);
        AcceptResult result = staged.accept(inbox, item("a"), IncomingDocuments.of(List.of(
                new IncomingDocument(pdf("stor.pdf", -1), big), new IncomingDocument(pdf("liten.pdf", -1), small))));

        assertThat(result.alreadyStored()).isFalse();
        var stored = inbox.get(result.itemId()).orElseThrow().documents();
        assertThat(stored).extracting(d -> d.fileName()).containsExactly("stor.pdf", "liten.pdf");
        assertThat(stored.get(0).size()).isEqualTo(big.size);
        assertThat(stored.get(0).sha256()).isEqualTo(sha256(new Generated(big.size, 1)));
        assertThat(sha256(inbox.openDocument(result.itemId(), 0))).isEqualTo(sha256(new Generated(big.size, 1)));
        assertThat(sha256(inbox.openDocument(result.itemId(), 1))).isEqualTo(sha256(new Generated(5, 2)));
    }

    @Test
    void anItemStoredBeforeIsReportedWithoutWaitingForItsContent() throws Exception {
        staged.accept(inbox, item("b"), IncomingDocuments.of(List.of(
                new IncomingDocument(pdf("b.pdf", -1), new Generated(10, 1)))));
        // The second time the inbox reads nothing: an endless document must not keep the reading side busy.
        AcceptResult again = staged.accept(inbox, item("b"), IncomingDocuments.of(List.of(
                new IncomingDocument(pdf("b.pdf", -1), new Generated(Long.MAX_VALUE, 1)))));
        assertThat(again.alreadyStored()).isTrue();
    }

    @Test
    void aReadFailureIsThrownAsItselfAndNothingIsStored() throws Exception {
        IOException broken = new IOException("forbindelsen brøt");
        InputStream breaking = new Generated(3L * 1024 * 1024, 1) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position > 2L * 1024 * 1024) {
                    throw broken;
                }
                return super.read(b, off, len);
            }
        };
        assertThatThrownBy(() -> staged.accept(inbox, item("c"), IncomingDocuments.of(List.of(
                new IncomingDocument(pdf("c.pdf", -1), breaking))))).isSameAs(broken);
        assertThat(stored("c")).isFalse();
    }

    @Test
    void aFailingDatabaseWriteStopsTheReadingSide() throws Exception {
        // The inbox refuses the first document at its end (wrong size); the second never ends unless reading stops.
        Generated endless = new Generated(Long.MAX_VALUE, 2);
        assertThatThrownBy(() -> staged.accept(inbox, item("d"), IncomingDocuments.of(List.of(
                new IncomingDocument(pdf("d.pdf", 999), new Generated(1000, 1)),
                new IncomingDocument(pdf("e.pdf", -1), endless)))))
                .isInstanceOf(InboxException.class).hasMessageContaining("1000 byte");
        assertThat(endless.position).isLessThan(10L * CHUNK);
        assertThat(stored("d")).isFalse();
    }

    /** Buffers are kept for the next item (fewer allocations), at most twice a pipe's, and never leak old bytes. */
    @Test
    void buffersKeptBetweenItemsAreBoundedAndCarryNoOldBytes() throws Exception {
        for (int i = 0; i < 3; i++) {
            long size = 3L * CHUNK + 17 - i * 1000L; // shorter each time: a reused buffer holds the last item's tail
            AcceptResult result = staged.accept(inbox, item("pool-" + i), IncomingDocuments.of(List.of(
                    new IncomingDocument(pdf("f.pdf", size), new Generated(size, 10 + i)))));
            assertThat(sha256(inbox.openDocument(result.itemId(), 0))).isEqualTo(sha256(new Generated(size, 10 + i)));
            assertThat(staged.spareBuffers()).isBetween(1, 2 * (4 + 1));
        }
    }

    @Test
    void theBufferHoldsAtMostItsCapacityWhateverTheItemsSize() throws Exception {
        ChunkPipe pipe = new ChunkPipe(4, CHUNK);
        Generated big = new Generated(100L * CHUNK, 1);
        CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
            try {
                pipe.produce(IncomingDocuments.of(List.of(new IncomingDocument(pdf("f.pdf", -1), big))));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        // Nobody reads: the producer fills the buffer and then waits, having read no more than the buffer holds.
        await().atMost(Duration.ofSeconds(20)).until(() -> big.position >= 4L * CHUNK);
        await().atMost(Duration.ofSeconds(20)).during(Duration.ofMillis(300)).until(() -> !producing.isDone());
        assertThat(big.position).isLessThanOrEqualTo(5L * CHUNK);
        assertThat(pipe.allocatedBuffers()).isLessThanOrEqualTo(5);

        IncomingDocuments docs = pipe.documents();
        String sha = sha256(docs.next().orElseThrow().content());
        assertThat(docs.next()).isEmpty();
        producing.get();
        assertThat(sha).isEqualTo(sha256(new Generated(100L * CHUNK, 1)));
        assertThat(pipe.allocatedBuffers()).isLessThanOrEqualTo(5);
    }

    private boolean stored(String id) throws InboxException {
        return inbox.isStored(Channel.SVARINN, id);
    }

    private static IncomingItem item(String id) {
        return new IncomingItem(Channel.SVARINN, id, "910000001", Party.organisation("Avsender AS", "999888777"),
                null, "Brev " + id, null, 3, "brev", "ref-" + id, null, null, null, List.of(), Map.of(), false);
    }

    private static DocumentDescriptor pdf(String name, long expectedSize) {
        return new DocumentDescriptor(name, "application/pdf", expectedSize, null, DocumentRole.MAIN, "brev");
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] b = new byte[8192];
        for (int n; (n = in.read(b)) > 0; ) {
            md.update(b, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Deterministic bytes of a given length, generated as they are read; counts how far it was read. */
    static class Generated extends InputStream {
        final long size;
        private final int seed;
        volatile long position;

        Generated(long size, int seed) {
            this.size = size;
            this.seed = seed;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((position + i) * 31 + seed);
            }
            position += n;
            return n;
        }
    }

}
