package no.postmottak.benchmarks.archive;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.util.converter.Converters;

import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.DocumentRole;
import no.postmottak.api.ItemState;
import no.postmottak.api.archive.ArchiveDocument;
import no.postmottak.api.archive.ArchiveProgress;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.StoredDocument;
import no.postmottak.archive.noark5.internal.Noark5ArchiveComponent;
import no.postmottak.archive.noark5.simulator.Noark5Simulator;
import no.postmottak.archive.noark5.simulator.Options;
import no.postmottak.benchmarks.inbox.Bench;

/**
 * One item of three documents (half, a third and a sixth of the total) archived through the Noark 5 provider into
 * the N5WS simulator over HTTP on loopback: time, peak heap and requests per item. The documents are generated while
 * read, so the heap holds only what the provider (and the simulator, in the same JVM) keep. The simulator's
 * {@code bulkgrense} is 16 MiB, so larger files go through the chunked upload. Run with a small heap
 * ({@code -Xmx128m}). Usage: {@code Noark5Archive [TOTAL_MB] [CHUNK_KIB]} (defaults 100 and 8192).
 */
public final class Noark5Archive {

    private Noark5Archive() {
    }

    public static void main(String[] args) throws Exception {
        long total = (args.length > 0 ? Long.parseLong(args[0]) : 100) << 20;
        int chunkKib = args.length > 1 ? Integer.parseInt(args[1]) : 8192;
        try (Noark5Simulator sim = Noark5Simulator.start(Options.defaults("bench-secret")
                .withBulkLimit(16L << 20))) {
            sim.addCase(2026, 1, "Fordelingssak");
            Map<String, Object> config = new HashMap<>();
            config.put("name", "bench");
            config.put("root.url", sim.root().toString());
            config.put("client.id", "postmottak");
            config.put(".client.secret", "bench-secret");
            config.put("arkivdel", Noark5Simulator.ARKIVDEL);
            config.put("fallback.case", "2026/1");
            config.put("chunk.size.kib", chunkKib);
            Noark5ArchiveComponent provider = new Noark5ArchiveComponent(Converters.standardConverter()
                    .convert(config).to(Noark5ArchiveComponent.Config.class));
            provider.archive(request(3 << 20)); // warm-up: JIT, login, structure

            long requestsBefore = sim.requests();
            Bench.startHeapSampling();
            long t0 = System.nanoTime();
            ArchiveReceipt receipt = provider.archive(request(total));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long peak = Bench.heapPeak();
            long requests = sim.requests() - requestsBefore;
            Noark5Simulator.Journalpost jp = sim.journalposts().get(1);
            if (jp.dokumenter().size() != 3 || !jp.systemID().equals(receipt.journalpostId())) {
                throw new IllegalStateException("not filed completely: " + jp);
            }
            String heap = String.format("-Xmx%dm", Runtime.getRuntime().maxMemory() >> 20);
            Bench.result("noark5", "archive " + (total >> 20) + " MiB, 3 documents",
                    String.format("%.1f s (%.0f MB/s), peak heap used %.0f MB (provider and simulator), %s",
                            seconds, total / 1e6 / seconds, peak / 1e6, heap));
            Bench.result("noark5", "requests per item", requests + " (chunks of " + chunkKib + " KiB above "
                    + "bulkgrense 16 MiB; the login and the archive structure are cached)");
        }
    }

    private static ArchiveRequest request(long total) throws Exception {
        long[] sizes = {total / 2, total / 3, total - total / 2 - total / 3};
        List<ArchiveDocument> docs = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            StoredDocument meta = new StoredDocument(i, "dokument-" + i + ".pdf", "application/pdf", sizes[i],
                    sha256(sizes[i], i), i == 0 ? DocumentRole.MAIN : DocumentRole.ATTACHMENT, false);
            long size = sizes[i];
            long seed = i;
            docs.add(new ArchiveDocument() {
                @Override
                public StoredDocument metadata() {
                    return meta;
                }

                @Override
                public InputStream open() {
                    return Bench.generated(size, seed);
                }
            });
        }
        InboxItem item = new InboxItem(UUID.randomUUID(), Bench.item("bench-" + UUID.randomUUID(), "921123450",
                "Stor søknad med vedlegg"), Instant.now(), ItemState.ARCHIVING, docs.stream()
                .map(ArchiveDocument::metadata).toList(), null, true);
        return new ArchiveRequest(item, docs, null, new MemoryProgress());
    }

    private static String sha256(long size, long seed) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Bench.generated(size, seed)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Progress notes in memory, as the inbox would keep them in its database. */
    private static final class MemoryProgress implements ArchiveProgress {
        private Map<String, String> notes = Map.of();

        @Override
        public Map<String, String> load() {
            return notes;
        }

        @Override
        public void save(Map<String, String> newNotes) {
            notes = Map.copyOf(newNotes);
        }
    }
}
