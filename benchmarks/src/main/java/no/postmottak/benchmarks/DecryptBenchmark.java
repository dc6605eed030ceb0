package no.postmottak.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import no.postmottak.api.keystore.KeyStoreService;
import no.postmottak.keystore.testing.TestKeyStores;

/**
 * Key store decryption + SHA-256 of the plaintext, streaming from a file, as the SvarInn receiver does it. One
 * invocation decrypts the whole payload (1 GB by default); MB/s = payload size / time. The payload is made once per
 * folder ({@code -p dir=...}; default a temp folder) and never held in the heap; the fork runs with {@code -Xmx64m}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
public class DecryptBenchmark {

    @Param("")
    public String dir;

    @Param("1024")
    public int sizeMb;

    private Path folder;
    private KeyStoreService keyStore;
    private String expectedSha256;
    private final byte[] buffer = new byte[64 * 1024];

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        folder = dir.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir"), "postmottak-bench-" + sizeMb)
                : Path.of(dir);
        SvarUtPayload.create(folder, (long) sizeMb << 20);
        expectedSha256 = Files.readString(folder.resolve("plain.sha256")).trim();
        keyStore = SvarUtPayload.keyStore(folder);
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    @Benchmark
    public String decryptAndHash() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String provider;
        try (InputStream in = Files.newInputStream(folder.resolve("payload.cms"));
             InputStream plain = keyStore.decrypt(in)) {
            provider = TestKeyStores.contentCipherProvider(plain);
            for (int n; (n = plain.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        String digest = HexFormat.of().formatHex(sha.digest());
        if (!digest.equals(expectedSha256) || !"SunJCE".equals(provider)) {
            throw new IOException("Wrong plaintext (" + digest + ") or provider " + provider);
        }
        return digest;
    }

    @TearDown(Level.Trial)
    public void report() throws IOException {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        String line = String.format("peak heap used %.1f MB of max %.1f MB; content cipher SunJCE; sha256 %s",
                peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6, expectedSha256);
        System.out.println(line);
        Files.writeString(folder.resolve("peak-heap.txt"), Long.toString(peak));
    }
}
