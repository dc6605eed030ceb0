package no.postmottak.channel.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** {@link HttpDownload} against the JDK's HTTP server. */
class HttpDownloadTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int BIG = 64 * 1024 * 1024;

    private HttpServer server;
    private ExecutorService executor;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final Map<String, String> seenHeaders = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/big", this::big);
        server.createContext("/small", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            seenHeaders.put("Authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            body(exchange, 200, "application/pdf", new byte[1000]);
        });
        server.createContext("/busy", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getResponseHeaders().add("Retry-After", "120");
            body(exchange, 503, "text/plain", "Prøv igjen".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        server.createContext("/stalls", exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[10]);
                out.flush();
                release.await(); // the rest never comes while the client waits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void streamsTheBodyWithItsHeadersAndSendsTheRequestHeaders() throws Exception {
        HttpDownload d = HttpDownload.get(uri("small"), Map.of("Authorization", "Basic abc"), TIMEOUT, TIMEOUT);

        assertThat(d.successful()).isTrue();
        assertThat(d.contentLength()).isEqualTo(1000);
        assertThat(d.header("Content-Type")).isEqualTo("application/pdf");
        try (InputStream in = d.body()) {
            assertThat(in.readAllBytes()).hasSize(1000);
        }
        assertThat(seenHeaders).containsEntry("Authorization", "Basic abc");
    }

    @Test
    void anErrorGivesItsStatusAndRetryAfterAndNoBody() throws Exception {
        HttpDownload d = HttpDownload.get(uri("busy"), Map.of(), TIMEOUT, TIMEOUT);

        assertThat(d.successful()).isFalse();
        assertThat(d.status()).isEqualTo(503);
        assertThat(HttpSupport.retryAfter(d.header("Retry-After"))).isEqualTo(Duration.ofSeconds(120));
        assertThatThrownBy(d::body).isInstanceOf(IllegalStateException.class);
        d.discard();
    }

    @Test
    void downloadsReadToTheirEndShareOneConnection() throws Exception {
        for (int i = 0; i < 5; i++) {
            try (InputStream in = HttpDownload.get(uri("small"), Map.of(), TIMEOUT, TIMEOUT).body()) {
                in.readAllBytes();
            }
            HttpDownload.get(uri("busy"), Map.of(), TIMEOUT, TIMEOUT).discard();
        }
        for (int i = 0; i < 3; i++) {
            try (InputStream in = HttpDownload.get(uri("big"), Map.of(), TIMEOUT, TIMEOUT).body()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void aBodyThatStallsFailsAfterTheReadTimeout() throws Exception {
        HttpDownload d = HttpDownload.get(uri("stalls"), Map.of(), TIMEOUT, Duration.ofMillis(300));
        try (InputStream in = d.body()) {
            assertThat(in.readNBytes(10)).hasSize(10);
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aServerThatIsNotThereIsAnIOException() throws Exception {
        URI nowhere = uri("small");
        server.stop(0);
        assertThatThrownBy(() -> HttpDownload.get(nowhere, Map.of(), TIMEOUT, TIMEOUT)).isInstanceOf(IOException.class);
    }

    /**
     * The point of the class (issue 17): the body is read into the caller's buffer. java.net.http allocated a fresh
     * 16 KiB buffer per 16 KiB of body on its own threads, so this counts every thread's allocations.
     */
    @Test
    void readingALargeBodyAllocatesAlmostNothing() throws Exception {
        byte[] buffer = new byte[64 * 1024];
        HttpDownload.get(uri("small"), Map.of(), TIMEOUT, TIMEOUT).body().readAllBytes(); // classes loaded, connected
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long before = allocatedByAllThreads();
        long total = 0;
        try (InputStream in = HttpDownload.get(uri("big"), Map.of(), TIMEOUT, TIMEOUT).body()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                total += n;
            }
        }
        long allocated = allocatedByAllThreads() - before;

        assertThat(total).isEqualTo(BIG);
        assertThat(allocated).as("bytes allocated while downloading 64 MiB").isLessThan(4L * 1024 * 1024);
    }

    private void big(HttpExchange exchange) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        exchange.sendResponseHeaders(200, BIG);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 7);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int sent = 0; sent < BIG; sent += chunk.length) {
                out.write(chunk);
            }
        }
    }

    private static void body(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path);
    }

    private static long allocatedByAllThreads() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
    }
}
