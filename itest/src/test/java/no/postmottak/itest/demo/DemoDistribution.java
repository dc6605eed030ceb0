package no.postmottak.itest.demo;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import no.postmottak.itest.FreePort;

/**
 * The real Postmottak demo distribution (the {@code postmottak-distribution} tar.gz), unpacked into a folder,
 * prepared by its own {@code bin/prepare-demo} as {@code run-demo.sh} does, moved to free ports and started as a
 * separate Karaf process ({@code bin/karaf daemon}, which execs the JVM, so the process we hold is Karaf's own).
 */
final class DemoDistribution implements AutoCloseable {

    private final Path home;
    private final Path javaHome;
    private final Map<String, Integer> ports;
    private Process karaf;

    private DemoDistribution(Path home, Path javaHome, Map<String, Integer> ports) {
        this.home = home;
        this.javaHome = javaHome;
        this.ports = ports;
    }

    /** Unpacks {@code archive} into a fresh {@code home} and prepares the demo key on free ports. */
    static DemoDistribution unpack(Path archive, Path home, Path javaHome) throws IOException, InterruptedException {
        deleteRecursively(home);
        Files.createDirectories(home);
        // tar keeps the scripts' exec bits, which a Java unpacker would lose.
        run(List.of("tar", "xzf", archive.toString(), "-C", home.toString(), "--strip-components=1"), home, javaHome);
        run(List.of(home.resolve("bin/prepare-demo").toString()), home, javaHome);
        Map<String, Integer> ports = Map.of("http", FreePort.next(), "ssh", FreePort.next(),
                "rmiRegistry", FreePort.next(), "rmiServer", FreePort.next(), "svarinn", FreePort.next(),
                "websak", FreePort.next(), "acos", FreePort.next(), "noark5", FreePort.next(),
                "integrasjonspunkt", FreePort.next());
        DemoDistribution demo = new DemoDistribution(home, javaHome, ports);
        demo.movePorts();
        return demo;
    }

    /** Points every listening port of the demo, and every configuration that names one, at free ports. */
    private void movePorts() throws IOException {
        set("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", port("http"));
        set("org.apache.karaf.shell.cfg", "sshPort", port("ssh"));
        set("org.apache.karaf.management.cfg", "rmiRegistryPort", port("rmiRegistry"));
        set("org.apache.karaf.management.cfg", "rmiServerPort", port("rmiServer"));
        set("no.postmottak.svarinn.simulator.cfg", "port", port("svarinn"));
        for (String account : List.of("fjordvik", "solberg")) {
            set("no.postmottak.svarinn.account-" + account + ".cfg", "base.url",
                    "http://127.0.0.1:" + port("svarinn") + "/tjenester/svarinn");
        }
        set("no.postmottak.archive.websak.simulator-demo.cfg", "port", port("websak"));
        set("no.postmottak.archive.websak-demo.cfg", "base.url", "http://127.0.0.1:" + port("websak") + "/api/websak");
        set("no.postmottak.archive.websak-demo.cfg", "token.url",
                "http://127.0.0.1:" + port("websak") + "/connect/token");
        set("no.postmottak.archive.acosmottak.simulator-demo.cfg", "port", port("acos"));
        set("no.postmottak.eformidling.simulator.cfg", "port", port("integrasjonspunkt"));
        set("no.postmottak.eformidling.integrasjonspunkt-demo.cfg", "base.url",
                "http://127.0.0.1:" + port("integrasjonspunkt"));
        set("no.postmottak.archive.acosmottak-demo.cfg", "base.url", "http://127.0.0.1:" + port("acos"));
        set("no.postmottak.archive.noark5.simulator.cfg", "port", port("noark5"));
        set("no.postmottak.archive.noark5-demo.cfg", "root.url", "http://127.0.0.1:" + port("noark5") + "/n5/arkiv/");
    }

    /** Sets (or adds) {@code key = value} in the Karaf configuration file {@code etc/<file>}. */
    void set(String file, String key, String value) throws IOException {
        setProperty(home.resolve("etc").resolve(file), key, value, StandardCharsets.UTF_8);
    }

    String port(String name) {
        return Integer.toString(ports.get(name));
    }

    String base() {
        return "http://127.0.0.1:" + port("http");
    }

    Path home() {
        return home;
    }

    /**
     * Starts Karaf and returns once the login page answers and the API asks for a login (or fails if Karaf dies or
     * takes too long). The pages and the API are separate servlets, registered one after the other: a browser that
     * came as soon as the login page answered could find no API yet ("Siden finnes ikke"), and the page does not ask
     * again.
     */
    void start(Duration deadline) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "daemon")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        environment(builder, javaHome);
        karaf = builder.start();
        // Should the test JVM itself be killed (a failsafe timeout), no Karaf may outlive it.
        Process started = karaf;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (started.isAlive()) {
                started.descendants().forEach(ProcessHandle::destroyForcibly);
                started.destroyForcibly();
            }
        }, "stop-demo-karaf"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest login = HttpRequest.newBuilder(URI.create(base() + "/postmottak/login.html"))
                .timeout(Duration.ofSeconds(5)).build();
        HttpRequest me = HttpRequest.newBuilder(URI.create(base() + "/postmottak/api/me"))
                .timeout(Duration.ofSeconds(5)).build();
        await("the login page of the demo Karaf (see " + home.resolve("data/log/karaf.log") + ")")
                .atMost(deadline).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!karaf.isAlive()) {
                        throw new IllegalStateException("Karaf exited with " + karaf.exitValue() + ", see "
                                + home.resolve("console.log"));
                    }
                    return http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                            && http.send(me, HttpResponse.BodyHandlers.discarding()).statusCode() == 401;
                });
    }

    /** Stops Karaf as an operator would ({@code bin/stop}), and kills it if it lingers. */
    @Override
    public void close() throws Exception {
        if (karaf == null || !karaf.isAlive()) {
            return;
        }
        try {
            run(List.of(home.resolve("bin/stop").toString()), home, javaHome);
        } finally {
            if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
                karaf.descendants().forEach(ProcessHandle::destroyForcibly);
                karaf.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
