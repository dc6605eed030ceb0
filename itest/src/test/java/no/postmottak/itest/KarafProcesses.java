package no.postmottak.itest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** What the tests that run the built distribution as its own processes (demo, cluster) share. */
public final class KarafProcesses {

    private KarafProcesses() {
    }

    /** Runs {@code command} in {@code dir} on {@code javaHome}; fails with its output when it fails or hangs. */
    public static void run(List<String> command, Path dir, Path javaHome) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path log = Files.createTempFile(dir, "command", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment(builder, javaHome);
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within 90 s");
        }
        String output = Files.readString(log);
        Files.delete(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed with " + process.exitValue() + ": " + output);
        }
    }

    /** Java 17 for Karaf's scripts, and none of the test JVM's own options. */
    public static void environment(ProcessBuilder builder, Path javaHome) {
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("PATH", javaHome.resolve("bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        // Karaf must not pick up options meant for the test JVM.
        env.remove("JAVA_OPTS");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("EXTRA_JAVA_OPTS");
    }

    /** Sets (or adds) {@code key = value} in a Karaf configuration file read with {@code charset}. */
    public static void setProperty(Path cfg, String key, String value, Charset charset) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, charset));
        Pattern line = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*");
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            if (line.matcher(lines.get(i)).matches()) {
                lines.set(i, key + " = " + value);
                found = true;
            }
        }
        if (!found) {
            lines.add(key + " = " + value);
        }
        Files.write(cfg, lines, charset);
    }

    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
