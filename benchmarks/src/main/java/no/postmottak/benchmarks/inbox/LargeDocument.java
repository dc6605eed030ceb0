package no.postmottak.benchmarks.inbox;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.StoredDocument;

/**
 * One large document through accept, then read back once: time and peak heap. Run with a small heap
 * ({@code -Xmx128m}). Usage: {@code LargeDocument h2|pg [SIZE_MB]} (default 1024).
 */
public final class LargeDocument {

    private LargeDocument() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        long size = (args.length > 1 ? Long.parseLong(args[1]) : 1024) << 20;
        Path dir = Files.createTempDirectory("inbox-large-" + kind);
        try (BenchDatabases db = new BenchDatabases(kind, dir)) {
            Inbox inbox = Bench.inbox(db);
            inbox.accept(Bench.item("warmup", Bench.ORG_A, "Oppvarming"), Bench.documents(1, 1_000_000));
            Bench.startHeapSampling();
            long t0 = System.nanoTime();
            UUID id = inbox.accept(Bench.item("stor", Bench.ORG_A, "Stort dokument"), Bench.documents(7, size))
                    .itemId();
            double acceptSeconds = (System.nanoTime() - t0) / 1e9;
            long acceptPeak = Bench.heapPeak();
            StoredDocument stored = inbox.get(id).orElseThrow().documents().get(0);
            if (stored.size() != size) {
                throw new IllegalStateException("stored " + stored.size() + " bytes, sent " + size);
            }
            Bench.startHeapSampling();
            long t1 = System.nanoTime();
            long read = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = inbox.openDocument(id, 0)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    read += n;
                }
            }
            double readSeconds = (System.nanoTime() - t1) / 1e9;
            if (read != size) {
                throw new IllegalStateException("read " + read + " bytes of " + size);
            }
            String heap = String.format("-Xmx%dm", Runtime.getRuntime().maxMemory() >> 20);
            Bench.result(kind, "accept " + (size >> 20) + " MiB document",
                    String.format("%.1f s (%.0f MB/s), peak heap used %.0f MB, %s", acceptSeconds,
                            size / 1e6 / acceptSeconds, acceptPeak / 1e6, heap));
            Bench.result(kind, "read back " + (size >> 20) + " MiB document",
                    String.format("%.1f s (%.0f MB/s), peak heap used %.0f MB", readSeconds, size / 1e6 / readSeconds,
                            Bench.heapPeak() / 1e6));
        }
    }
}
