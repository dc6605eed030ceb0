package no.postmottak.benchmarks.inbox;

import java.nio.file.Files;
import java.nio.file.Path;

import no.postmottak.api.inbox.Inbox;

/**
 * Accept throughput: items of three 100 KB documents, one after another (as one SvarInn poller does), each a
 * durable transaction. Usage: {@code AcceptThroughput h2|pg [ITEMS] [THREADS]} (default 500 items, 1 thread).
 */
public final class AcceptThroughput {

    private AcceptThroughput() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path dir = Files.createTempDirectory("inbox-accept-" + kind);
        try (BenchDatabases db = new BenchDatabases(kind, dir)) {
            Inbox inbox = Bench.inbox(db);
            run(inbox, "warmup", 50, 1);
            long t0 = System.nanoTime();
            run(inbox, "run", items, threads);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Bench.result(kind, "accept 3 x 100 KB, " + threads + " thread(s)" + (BenchDatabases.POOL ? "" : ", no pool"),
                    String.format("%.0f items/s (%.1f MB/s, %d items)", items / seconds,
                            items * 3 * 100_000 / 1e6 / seconds, items));
            if (kind.equals("h2")) { // REUSE_SPACE=FALSE appends every chunk: how much more than the content?
                long bytes;
                try (var files = Files.list(dir)) {
                    bytes = files.mapToLong(f -> f.toFile().length()).sum();
                }
                Bench.result(kind, "file size after accept" + (BenchDatabases.POOL ? "" : ", no pool"),
                        String.format("%.0f MB for %.0f MB of documents", bytes / 1e6, (items + 50) * 3 * 100_000 / 1e6));
            }
        }
    }

    private static void run(Inbox inbox, String prefix, int items, int threads) throws Exception {
        Thread[] workers = new Thread[threads];
        Exception[] failure = new Exception[1];
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers[t] = new Thread(() -> {
                try {
                    for (int i = first; i < items; i += threads) {
                        inbox.accept(Bench.item(prefix + "-" + i, Bench.ORG_A, "Søknad " + i),
                                Bench.documents(i, 100_000, 100_000, 100_000));
                    }
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
