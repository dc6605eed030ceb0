package no.postmottak.benchmarks.inbox;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import no.postmottak.api.Channel;
import no.postmottak.api.DocumentDescriptor;
import no.postmottak.api.DocumentRole;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.Link;
import no.postmottak.api.Party;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.inbox.testing.TestInboxes;

/** What the inbox benchmarks share: items, generated content, percentiles, heap peaks, result lines. */
final class Bench {

    static final String ORG_A = "910000001";
    static final String ORG_B = "920000002";
    static final String ORG_C = "930000003";

    private Bench() {
    }

    static Inbox inbox(BenchDatabases db) throws Exception {
        return TestInboxes.create(db.dataSource);
    }

    static IncomingItem item(String channelId, String orgnr, String title) {
        return new IncomingItem(Channel.SVARINN, channelId, orgnr, Party.organisation("Byggmester Hansen AS",
                "999888777"), null, title, null, 3, "brev", "ref-" + channelId, null, null, null,
                List.of(new Link("Les mer", "https://example.org/" + channelId, "lenke")), Map.of("niva", "3"));
    }

    /** Documents of the given sizes, generated while read (no memory held). */
    static IncomingDocuments documents(long seed, long... sizes) {
        List<IncomingDocument> docs = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            docs.add(new IncomingDocument(new DocumentDescriptor("dokument-" + i + ".pdf", "application/pdf", -1,
                    null, i == 0 ? DocumentRole.MAIN : DocumentRole.ATTACHMENT, "brev"), generated(sizes[i], seed + i)));
        }
        return IncomingDocuments.of(docs);
    }

    static InputStream generated(long size, long seed) {
        return new InputStream() {
            private final Random random = new Random(seed);
            private final byte[] block = new byte[64 * 1024];
            private long left = size;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(Math.min(len, left), block.length);
                random.nextBytes(block);
                System.arraycopy(block, 0, b, off, n);
                left -= n;
                return n;
            }
        };
    }

    static double percentile(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    /**
     * Samples the used heap every 2 ms on a daemon thread, from {@link #startHeapSampling()} to {@link #heapPeak()}.
     * Used heap includes garbage not yet collected, so this is an upper bound of what the work holds.
     */
    private static volatile long peak;
    private static volatile Thread sampler;

    static void startHeapSampling() {
        System.gc();
        peak = 0;
        Thread t = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (sampler == Thread.currentThread()) {
                peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        t.setDaemon(true);
        sampler = t;
        t.start();
    }

    static long heapPeak() {
        sampler = null;
        return peak;
    }

    /** A line the script collects into its table. */
    static void result(String db, String what, String value) {
        System.out.printf("RESULT\t%s\t%s\t%s%n", db, what, value);
    }
}
