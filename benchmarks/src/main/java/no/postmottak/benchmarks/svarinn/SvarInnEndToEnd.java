package no.postmottak.benchmarks.svarinn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import no.postmottak.benchmarks.HeapPeak;
import no.postmottak.svarinn.testing.SvarInnReceivers;

/**
 * End to end through the SvarInn transport: the simulator (its own JVM, see {@link SimulatorHost}) serves the
 * scenario over loopback; this JVM (run it with the heap under test, e.g. -Xmx128m) downloads, decrypts, unzips,
 * verifies, stores durably in the inbox and acknowledges everything, then checks with the simulator that every
 * forsendelse is LEST. Prints one {@code result ...} line with MB/s, items/s, the phase split and the peak heap.
 *
 * <p>Usage: {@code SvarInnEndToEnd h2|pg big SIZE_MIB} or {@code SvarInnEndToEnd h2|pg many COUNT DOCS DOC_KIB};
 * env BENCH_DIR is the work folder (default a temp folder), env SVARINN_API the API version (v2, the default, or
 * v1); {@code -Dbench.warmup=N} (many) and {@code -Dbench.bigWarmup=N} (big) receive N unmeasured items first.
 * The simulator JVM gets -Xmx512m.
 */
public final class SvarInnEndToEnd {

    private SvarInnEndToEnd() {
    }

    /**
     * The simulator reads the measured payloads into the page cache when this many warm-up items remain: a few
     * seconds before the window, well within the 60 s after which the test machines drop cold file pages.
     */
    private static final int PREFETCH_AHEAD = 1000;

    public static void main(String[] args) throws Exception {
        String db = args[0];
        String base = System.getenv("BENCH_DIR");
        Path dir = Files.createTempDirectory(base == null ? Path.of(System.getProperty("java.io.tmpdir"))
                : Files.createDirectories(Path.of(base)), "svarinn-e2e-");
        Process sim = null;
        try (Installation installation = new Installation(dir, db)) {
            Path cert = dir.resolve("mottak.pem");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), SimulatorHost.class.getName(), cert.toString()));
            // Warm-up: the first N items are received but not measured (JIT compilation on 2 cores takes most of a
            // short run's first seconds; a server receives for months). "many": N more items of the same kind, the
            // cold figure printed too; "big": N items of SimulatorHost.WARMUP_MIB, the big one offered after them.
            boolean big = args[1].equals("big");
            int warmup = Integer.getInteger(big ? "bench.bigWarmup" : "bench.warmup", 0);
            List<String> scenario = new ArrayList<>(List.of(args).subList(1, args.length));
            if (warmup > 0) {
                scenario.add(String.valueOf(warmup));
            }
            command.addAll(scenario);
            sim = new ProcessBuilder(command).redirectError(dir.resolve("simulator.log").toFile()).start();
            BufferedReader simOut = new BufferedReader(new InputStreamReader(sim.getInputStream(),
                    StandardCharsets.UTF_8));
            PrintWriter simIn = new PrintWriter(sim.getOutputStream(), true, StandardCharsets.UTF_8);
            String[] ready = expect(simOut, "ready", sim, dir);
            URI baseUri = URI.create(ready[1]);
            long allDocuments = Long.parseLong(ready[2]);
            long allBytes = Long.parseLong(ready[3]);
            simIn.println("state");
            long items = Long.parseLong(expect(simOut, "state", sim, dir)[1]) + (big && warmup > 0 ? 1 : 0);

            HeapPeak.start();
            String version = System.getenv().getOrDefault("SVARINN_API", "v2");
            SvarInnReceivers.Account account = installation.account(version, baseUri, SimulatorHost.USER,
                    SimulatorHost.PASSWORD, Set.copyOf(SimulatorHost.ORGNRS));
            // The measured payloads in the simulator's page cache, as a server's would be (SimulatorHost says why):
            // right before the window, or before the start when nothing warms up ("big" reads its own at release)
            boolean prefetched = big && warmup > 0;
            if (warmup <= PREFETCH_AHEAD && !prefetched) {
                prefetch(simIn, simOut, sim, dir);
                prefetched = true;
            }
            long coldStart = System.nanoTime();
            account.start();
            // The account polls on its own thread; the last item is done when it is counted.
            for (long next = System.nanoTime(); account.received() + account.failed() < warmup; ) {
                TimeUnit.MILLISECONDS.sleep(5);
                if (!prefetched && account.received() + account.failed() >= warmup - PREFETCH_AHEAD) {
                    prefetch(simIn, simOut, sim, dir);
                    prefetched = true;
                }
                if (System.nanoTime() - next > 0) { // progress for the log: items and JIT time so far
                    System.err.printf("warm-up %d items, JIT %.1f s%n", account.received() + account.failed(),
                            jitMillis() / 1e3);
                    next = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                }
            }
            if (big && warmup > 0) {
                simIn.println("release");
                expect(simOut, "released", sim, dir);
                account.pollNow();
            }
            System.out.println("measuring"); // a mark for profilers watching the output
            System.out.flush();
            // -Dbench.jfr=FILE records the measured window only (JFR "profile" settings)
            Recording recording = null;
            if (System.getProperty("bench.jfr") != null) {
                recording = new Recording(Configuration.getConfiguration("profile"));
                recording.start();
            }
            long start = System.nanoTime();
            long jitBefore = jitMillis();
            double receiverCpuBefore = cpuSeconds(ProcessHandle.current());
            double simulatorCpuBefore = cpuSeconds(sim.toHandle());
            double machineBusyBefore = machineBusySeconds();
            long before = account.received() + account.failed();
            while (account.received() + account.failed() < items) {
                TimeUnit.MILLISECONDS.sleep(items > 1 ? 5 : 50);
            }
            long end = System.nanoTime();
            // The JIT compilers' time inside the window (summed over their threads): what a server that has run a
            // while no longer spends; on 2 cores it is taken from the receiver
            double jitSeconds = (jitMillis() - jitBefore) / 1e3;
            // CPU time in the window: the receiver's JVM (PostgreSQL's server processes not included), the
            // simulator's, and the whole machine's (Linux). A VM that runs slower shows as the same CPU per item taking
            // longer, a receiver that got slower as more CPU per item.
            double receiverCpu = cpuSeconds(ProcessHandle.current()) - receiverCpuBefore;
            double simulatorCpu = cpuSeconds(sim.toHandle()) - simulatorCpuBefore;
            double machineBusy = machineBusySeconds() - machineBusyBefore;
            if (recording != null) {
                recording.stop();
                recording.dump(Path.of(System.getProperty("bench.jfr")));
                recording.close();
            }
            double seconds = (end - start) / 1e9;
            long measured = items - before;
            // Every item of a "many" run has the same size: the measured share of documents and bytes is exact.
            // "ready" counts the items after the warm-up (of "big": the big item only, the one measured).
            long documents = big ? allDocuments : allDocuments * measured / (items - warmup);
            long bytes = big ? allBytes : allBytes * measured / (items - warmup);
            long peakHeap = HeapPeak.peak();
            // An item stored but whose acknowledgement failed is acknowledged at the next poll: wait for it.
            long lest = 0;
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); ; ) {
                simIn.println("state");
                lest = Long.parseLong(expect(simOut, "state", sim, dir)[2]);
                if (lest >= items || System.nanoTime() > deadline) {
                    break;
                }
                account.pollNow();
                TimeUnit.MILLISECONDS.sleep(200);
            }
            account.stop(java.time.Duration.ofSeconds(10));

            if (lest != items || account.failed() > 0) {
                throw new IllegalStateException("only " + lest + " of " + items + " acknowledged; "
                        + account.failures());
            }
            double mbps = bytes / 1e6 / seconds;
            if (warmup > 0 && !big) {
                System.out.printf("cold (all %d items, from the start, JIT warm-up included) seconds=%.2f items/s=%.1f%n",
                        items, (end - coldStart) / 1e9, items / ((end - coldStart) / 1e9));
            }
            System.out.printf("result api=%s db=%s contentStore=%s items=%d documents=%d MB=%.0f seconds=%.2f MB/s=%.1f"
                            + " items/s=%.1f peakHeapMB=%.1f (largest heap in use before a GC) liveAfterGcMB=%.1f"
                            + " maxHeapMB=%d jitSeconds=%.2f cpuReceiverS=%.2f cpuSimulatorS=%.2f machineBusyS=%.2f"
                            + " machineCpus=%d%n", version, db,
                    Installation.CONTENT_STORE_MIB >= 0 ? "from" + Installation.CONTENT_STORE_MIB + "MiB" : "off",
                    measured,
                    documents, bytes / 1e6, seconds, mbps, measured / seconds, peakHeap / 1e6, HeapPeak.liveAfterGc() / 1e6, Runtime.getRuntime().maxMemory() / 1024 / 1024, jitSeconds,
                    receiverCpu, simulatorCpu, machineBusy, Runtime.getRuntime().availableProcessors());
            double accept = installation.accept.get() / 1e9;
            double read = installation.downloadDecrypt.get() / 1e9;
            double setup = installation.decryptSetup.get() / 1e9;
            double stored = installation.isStored.get() / 1e9;
            // Summed over threads: with the stages overlapped and several items in flight they add up to more
            // than the wall time; each says how busy that stage was.
            System.out.printf("split (thread-seconds, overlapping, whole run) download+decrypt(reads)=%.2fs"
                            + " decrypt-setup(RSA+header)=%.2fs inbox-accept(storing thread: write+commit, incl. waits for"
                            + " data)=%.2fs inbox-isStored=%.2fs; wall %.2fs%n", read, setup, accept, stored, seconds);
        } finally {
            if (sim != null) {
                try {
                    sim.getOutputStream().close();
                } catch (IOException e) {
                    // the simulator is gone already
                }
                sim.waitFor(30, TimeUnit.SECONDS);
                sim.destroyForcibly();
            }
            delete(dir);
        }
    }

    /** Asks the simulator to read the measured payloads into the page cache; logs how long it took. */
    private static void prefetch(PrintWriter simIn, BufferedReader simOut, Process sim, Path dir) throws IOException {
        simIn.println("prefetch");
        String[] answer = expect(simOut, "prefetched", sim, dir);
        System.err.printf("simulator read %d MB of payloads into the page cache in %s s%n",
                Long.parseLong(answer[1]) / 1_000_000, answer[2]);
    }

    private static String[] expect(BufferedReader in, String prefix, Process sim, Path dir) throws IOException {
        for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith(prefix + " ")) {
                return line.split(" ");
            }
        }
        throw new IllegalStateException("the simulator stopped (exit " + sim.exitValue() + "): "
                + Files.readString(dir.resolve("simulator.log")));
    }

    /** The JIT compilers' accumulated compiling time so far, in milliseconds. */
    /** A process's CPU time so far (user and system, all its threads), in seconds; NaN where the OS does not say. */
    private static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** The CPU time the whole machine has been busy (all but idle and I/O wait), from /proc/stat; NaN elsewhere. */
    private static double machineBusySeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy / 100.0; // USER_HZ is 100 on every Linux
        } catch (IOException | RuntimeException notLinux) {
            return Double.NaN;
        }
    }

    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
