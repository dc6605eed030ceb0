package no.postmottak.itest.cluster;

import static no.postmottak.itest.KarafProcesses.deleteRecursively;
import static no.postmottak.itest.KarafProcesses.environment;
import static no.postmottak.itest.KarafProcesses.run;
import static no.postmottak.itest.KarafProcesses.setProperty;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import no.postmottak.itest.FreePort;

/**
 * One cluster node: the real distribution ({@code postmottak-distribution} tar.gz) unpacked into a folder of its
 * own (so its own {@code data/}), stripped of the demo's configuration, given the cluster's configuration and free
 * ports of its own, and run as a separate OS process ({@code bin/karaf daemon} execs the JVM, so the process held
 * here is Karaf's JVM itself and {@link #kill()} is a SIGKILL of Karaf, not of a wrapper script).
 */
final class KarafNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path home;
    private final Path javaHome;
    private final int httpPort = FreePort.next();
    private volatile Process karaf;

    private KarafNode(String name, Path home, Path javaHome) {
        this.name = name;
        this.home = home;
        this.javaHome = javaHome;
    }

    /**
     * Unpacks the distribution into {@code home}, removes every demo configuration ({@code etc/no.postmottak.*.cfg}:
     * its simulators, accounts, organisations and archive targets) and moves Karaf's ports to free ones. The node's
     * {@code karaf.name} is {@code name}, which starts its lease holder id ({@code name@host/pid}).
     */
    static KarafNode unpack(String name, Path archive, Path home, Path javaHome)
            throws IOException, InterruptedException {
        deleteRecursively(home);
        Files.createDirectories(home);
        // tar keeps the scripts' exec bits, which a Java unpacker would lose.
        run(List.of("tar", "xzf", archive.toString(), "-C", home.toString(), "--strip-components=1"), home, javaHome);
        try (var cfgs = Files.list(home.resolve("etc"))) {
            for (Path cfg : cfgs.filter(p -> p.getFileName().toString().startsWith("no.postmottak.")).toList()) {
                Files.delete(cfg);
            }
        }
        KarafNode node = new KarafNode(name, home, javaHome);
        node.set("system.properties", "karaf.name", name);
        node.set("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(node.httpPort));
        node.set("org.apache.karaf.shell.cfg", "sshPort", Integer.toString(FreePort.next()));
        node.set("org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(FreePort.next()));
        node.set("org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(FreePort.next()));
        return node;
    }

    /** Writes {@code etc/<file>} with these properties (a whole configuration file, replacing one that is there). */
    void write(String file, Map<String, String> properties) throws IOException {
        List<String> lines = new ArrayList<>();
        properties.forEach((k, v) -> lines.add(k + " = " + v));
        Files.write(home.resolve("etc").resolve(file), lines, StandardCharsets.UTF_8);
    }

    /** Sets (or adds) {@code key = value} in the Karaf configuration file {@code etc/<file>}. */
    void set(String file, String key, String value) throws IOException {
        setProperty(home.resolve("etc").resolve(file), key, value, StandardCharsets.ISO_8859_1);
    }

    String name() {
        return name;
    }

    String base() {
        return "http://127.0.0.1:" + httpPort;
    }

    Path log() {
        return home.resolve("data/log/karaf.log");
    }

    boolean alive() {
        Process p = karaf;
        return p != null && p.isAlive();
    }

    /** The Karaf JVM's process id, or -1 when it is not running. */
    long pid() {
        Process p = karaf;
        return p != null && p.isAlive() ? p.pid() : -1;
    }

    /** Starts the Karaf process and returns at once; {@link #awaitUp} waits for its login page. */
    synchronized void start() throws IOException {
        if (alive()) {
            throw new IllegalStateException(name + " runs already");
        }
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "daemon")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        environment(builder, javaHome);
        // Two JVMs on a shared 2-core machine: a modest heap each.
        builder.environment().put("JAVA_MAX_MEM", "384M");
        Process started = builder.start();
        karaf = started;
        // Should the test JVM itself be killed (a failsafe timeout), no Karaf may outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (started.isAlive()) {
                started.descendants().forEach(ProcessHandle::destroyForcibly);
                started.destroyForcibly();
            }
        }, "stop-cluster-" + name));
    }

    /** Waits until the login page answers; fails at once if the process dies. */
    void awaitUp(Duration deadline) {
        HttpRequest login = HttpRequest.newBuilder(URI.create(base() + "/postmottak/login.html"))
                .timeout(Duration.ofSeconds(5)).build();
        await(name + "'s login page (see " + log() + ")").atMost(deadline).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    Process p = karaf;
                    if (p == null || !p.isAlive()) {
                        throw new IllegalStateException(name + " exited, see " + home.resolve("console.log"));
                    }
                    return HTTP.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    /**
     * SIGKILL of the Karaf JVM (and of anything it started): no shutdown hook, no lease release, no rollback other
     * than what the database does for a dropped connection.
     */
    synchronized void kill() throws InterruptedException {
        Process p = karaf;
        if (p == null) {
            return;
        }
        String command = p.info().command().orElse("");
        if (!command.endsWith("java")) {
            throw new IllegalStateException(name + ": the process held is not a JVM but " + command);
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly(); // SIGKILL on Unix
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not die from SIGKILL");
        }
    }

    /** Stops Karaf as an operator would ({@code bin/stop}: bundles stop, leases are released) and waits for it. */
    synchronized void stop() throws Exception {
        Process p = karaf;
        if (p == null || !p.isAlive()) {
            return;
        }
        try {
            run(List.of(home.resolve("bin/stop").toString()), home, javaHome);
        } finally {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } catch (Exception e) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
