package no.postmottak.benchmarks.eformidling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcDataSource;

import no.postmottak.api.inbox.Inbox;
import no.postmottak.benchmarks.HeapPeak;
import no.postmottak.eformidling.simulator.SimulatorOptions;
import no.postmottak.eformidling.testing.EformidlingReceivers;
import no.postmottak.inbox.testing.TestInboxes;

/**
 * End to end through the eFormidling channel: the integrasjonspunkt simulator (its own JVM, {@link IpSimulatorHost})
 * serves the scenario over loopback; this JVM (run it with the heap under test, e.g. -Xmx128m) peeks, pops the
 * ASiC-E to the spool, reads it, stores it durably in the inbox (H2 file, the shipped settings) and deletes every
 * message, then checks with the simulator that all are deleted. Prints one {@code result ...} line with MB/s,
 * messages/s and the peak heap.
 *
 * <p>Usage: {@code EformidlingEndToEnd big SIZE_MIB} or {@code EformidlingEndToEnd many COUNT DOCS DOC_KIB}; env
 * BENCH_DIR is the work folder (default a temp folder).
 */
public final class EformidlingEndToEnd {

    private EformidlingEndToEnd() {
    }

    public static void main(String[] args) throws Exception {
        String base = System.getenv("BENCH_DIR");
        Path dir = Files.createTempDirectory(base == null ? Path.of(System.getProperty("java.io.tmpdir"))
                : Files.createDirectories(Path.of(base)), "eformidling-e2e-");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                IpSimulatorHost.class.getName()));
        command.addAll(List.of(args));
        Process sim = new ProcessBuilder(command).redirectError(dir.resolve("simulator.log").toFile()).start();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("inbox").toAbsolutePath() + ";CACHE_SIZE=16384;REUSE_SPACE=FALSE;WRITE_DELAY=0");
        h2.setUser("sa");
        try (Connection keepOpen = h2.getConnection()) {
            Inbox inbox = TestInboxes.create(h2);
            BufferedReader simOut = new BufferedReader(new InputStreamReader(sim.getInputStream(),
                    StandardCharsets.UTF_8));
            PrintWriter simIn = new PrintWriter(sim.getOutputStream(), true, StandardCharsets.UTF_8);
            String[] ready = expect(simOut, "ready", sim, dir);
            long messages = Long.parseLong(ready[2]);
            long documents = Long.parseLong(ready[3]);
            long bytes = Long.parseLong(ready[4]);

            HeapPeak.start();
            EformidlingReceivers.Account account = EformidlingReceivers.account("bench", URI.create(ready[1]),
                    SimulatorOptions.DEFAULT_USERNAME, SimulatorOptions.DEFAULT_PASSWORD,
                    List.of(IpSimulatorHost.ORGNR), dir.resolve("spool"), inbox, TestInboxes.leases(inbox));
            long start = System.nanoTime();
            account.start();
            // The account polls on its own thread; the last message is done when it is counted.
            while (account.received() + account.failed() < messages) {
                TimeUnit.MILLISECONDS.sleep(messages > 1 ? 5 : 50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peakHeap = HeapPeak.peak();
            account.stop(Duration.ofSeconds(10));

            simIn.println("state");
            long deleted = Long.parseLong(expect(simOut, "state", sim, dir)[2]);
            if (deleted != messages || account.failed() > 0) {
                throw new IllegalStateException("only " + deleted + " of " + messages + " deleted; "
                        + account.failures());
            }
            System.out.printf("result channel=eformidling db=h2 messages=%d documents=%d MB=%.0f seconds=%.2f"
                            + " MB/s=%.1f messages/s=%.1f peakHeapMB=%.1f liveAfterGcMB=%.1f maxHeapMB=%d%n",
                    messages, documents, bytes / 1e6, seconds, bytes / 1e6 / seconds, messages / seconds,
                    peakHeap / 1e6, HeapPeak.liveAfterGc() / 1e6, Runtime.getRuntime().maxMemory() / 1024 / 1024);
        } finally {
            try {
                sim.getOutputStream().close();
            } catch (IOException e) {
                // the simulator is gone already
            }
            sim.waitFor(30, TimeUnit.SECONDS);
            sim.destroyForcibly();
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String[] expect(BufferedReader in, String prefix, Process sim, Path dir) throws IOException {
        for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith(prefix + " ")) {
                return line.split(" ");
            }
        }
        throw new IllegalStateException("the simulator stopped: " + Files.readString(dir.resolve("simulator.log")));
    }
}
