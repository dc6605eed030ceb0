package no.postmottak.inbox.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import no.postmottak.api.inbox.AcceptResult;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;
import no.postmottak.api.inbox.Page;

/**
 * The child JVM of {@link CrashSafetyTest}, shaped as shipped: a pooled H2 data source held open, several threads
 * accepting at once (as several SvarInn pollers) and one reading pages and documents (as clerks). Each accepting
 * thread prints {@code START id} before and {@code ACCEPTED id} after each accept returned, until it is killed.
 */
public final class CrashChild {

    static final int ACCEPTERS = 3;

    private CrashChild() {
    }

    /** With a content store: a document's part past 3 chunks goes to its file (about half of the documents). */
    static final long CONTENT_STORE_THRESHOLD = 3L * DocumentStore.CHUNK_SIZE;

    /** Arguments: the database file, the first channel id's number, optionally the content store's folder. */
    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        AtomicInteger next = new AtomicInteger(Integer.parseInt(args[1]));
        JdbcInbox inbox = open(TestDatabases.h2Pooled(db), args.length > 2 ? Path.of(args[2]) : null);
        PrintStream out = System.out;
        out.println("READY");
        out.flush();
        for (int t = 0; t < ACCEPTERS; t++) {
            new Thread(() -> {
                try {
                    while (true) {
                        String channelId = "crash-" + next.getAndIncrement();
                        say(out, "START " + channelId);
                        AcceptResult result = inbox.accept(Fixtures.item(channelId), documents(channelId));
                        say(out, "ACCEPTED " + channelId + " " + result.itemId());
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    say(out, "FAILED " + e);
                }
            }, "accepter-" + t).start();
        }
        Set<String> orgs = Set.of(Fixtures.ORGNR);
        while (true) { // the reader: first page, and the newest item's documents read through
            Page<InboxItem> page = inbox.find(InboxQuery.all(orgs, 50));
            if (!page.items().isEmpty()) {
                InboxItem newest = page.items().get(0);
                for (int d = 0; d < newest.documents().size(); d++) {
                    try (InputStream in = inbox.openDocument(newest.id(), d)) {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
        }
    }

    /** The inbox as the child and the verifying parent open it: with the content store in {@code store}, if any. */
    static JdbcInbox open(javax.sql.DataSource ds, Path store) throws Exception {
        return new JdbcInbox(ds, new Fixtures.Orgs(), new ArchiveProviders(), Clock.systemUTC(), "crash-node",
                JdbcInbox.DEFAULT_CLAIM_TTL, store == null ? null : new ContentFiles(store, CONTENT_STORE_THRESHOLD));
    }

    private static void say(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** The documents of an item, derived from its channel id: the parent recomputes them to verify. */
    static List<byte[]> contents(String channelId) {
        Random random = new Random(channelId.hashCode());
        int count = 1 + random.nextInt(3);
        List<byte[]> docs = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            // Up to 6 chunks: some documents pass the point where H2 is told to write its pages mid-transaction.
            byte[] bytes = new byte[random.nextInt((DocumentStore.STORE_PAGES_EVERY_CHUNKS + 2) * DocumentStore.CHUNK_SIZE)];
            random.nextBytes(bytes);
            docs.add(bytes);
        }
        return docs;
    }

    static IncomingDocuments documents(String channelId) {
        List<IncomingDocument> docs = new ArrayList<>();
        List<byte[]> contents = contents(channelId);
        for (int d = 0; d < contents.size(); d++) {
            docs.add(new IncomingDocument(Fixtures.pdf("dok-" + d + ".pdf"), new ByteArrayInputStream(contents.get(d))));
        }
        return IncomingDocuments.of(docs);
    }
}
