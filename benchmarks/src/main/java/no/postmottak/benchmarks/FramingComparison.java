package no.postmottak.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Our CMS framing against Bouncy Castle's stream parser, interleaved in one process so that both see the same machine
 * load: each round runs {@link DecryptBenchmark#decryptAndHash} and {@link DecryptBenchmark#decryptAndHashBc}
 * (JMH, in this JVM: start it with {@code -Xmx64m}), alternating which goes first, and prints MB/s and the ratio
 * BC / ours per round. Usage: {@code FramingComparison DIR SIZE_MB ROUNDS}.
 */
public final class FramingComparison {

    private static final String OURS = "decryptAndHash";
    private static final String BC = "decryptAndHashBc";

    private FramingComparison() {
    }

    public static void main(String[] args) throws Exception {
        String dir = args[0];
        int sizeMb = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        SvarUtPayload.create(Path.of(dir), (long) sizeMb << 20);
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            List<String> order = round % 2 == 1 ? List.of(OURS, BC) : List.of(BC, OURS);
            double ours = 0;
            double bc = 0;
            for (String method : order) {
                String load = Files.readString(Path.of("/proc/loadavg")).trim();
                double mbps = run(dir, sizeMb, method);
                System.out.printf(Locale.ROOT, "round %d %-16s %6.0f MB/s (load average before: %s)%n", round,
                        method, mbps, load);
                if (method.equals(OURS)) {
                    ours = mbps;
                } else {
                    bc = mbps;
                }
            }
            ratios.add(bc / ours);
            System.out.printf(Locale.ROOT, "round %d order %s: ours %.0f MB/s, BC %.0f MB/s, BC/ours %.2f%n", round,
                    String.join(" then ", order), ours, bc, bc / ours);
        }
        System.out.printf(Locale.ROOT, "BC/ours per round %s, mean %.2f%n", ratios.stream()
                .map(r -> String.format(Locale.ROOT, "%.2f", r)).toList(),
                ratios.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
    }

    /** One JMH run of one method in this JVM (no fork): 1 warm-up and 3 measured decryptions; mean MB/s. */
    private static double run(String dir, int sizeMb, String method) throws Exception {
        Options options = new OptionsBuilder()
                .include(DecryptBenchmark.class.getName() + "." + method + "$")
                .param("dir", dir)
                .param("sizeMb", Integer.toString(sizeMb))
                .forks(0)
                .warmupIterations(1)
                .measurementIterations(3)
                .verbosity(VerboseMode.SILENT)
                .build();
        RunResult result = new Runner(options).runSingle();
        double millis = result.getPrimaryResult().getScore();
        return ((long) sizeMb << 20) / 1e6 / (millis / 1000);
    }
}
