package no.postmottak.inbox.internal;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import no.postmottak.api.inbox.AcceptResult;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;

/**
 * The child JVM of {@link CrashSafetyTest}: accepts items into an H2 file database in a loop until it is killed,
 * printing {@code START id} before and {@code ACCEPTED id} after each accept returned.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int next = Integer.parseInt(args[1]);
        JdbcInbox inbox = new JdbcInbox(TestDatabases.h2(db), new Fixtures.Orgs(), new ArchiveProviders(),
                Clock.systemUTC());
        System.out.println("READY");
        System.out.flush();
        for (int i = next; ; i++) {
            String channelId = "crash-" + i;
            System.out.println("START " + channelId);
            System.out.flush();
            AcceptResult result = inbox.accept(Fixtures.item(channelId), documents(channelId));
            System.out.println("ACCEPTED " + channelId + " " + result.itemId());
            System.out.flush();
        }
    }

    /** The documents of an item, derived from its channel id: the parent recomputes them to verify. */
    static List<byte[]> contents(String channelId) {
        Random random = new Random(channelId.hashCode());
        int count = 1 + random.nextInt(3);
        List<byte[]> docs = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            byte[] bytes = new byte[random.nextInt(3 * DocumentStore.CHUNK_SIZE)];
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
