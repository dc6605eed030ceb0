package no.postmottak.archive.websak.internal.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The HTTP plumbing the simulators share: a JDK HTTP server on loopback, failure knobs (answer the next requests
 * with a status, or hold them until released so that the client times out), and response helpers.
 */
abstract class SimServer implements AutoCloseable {

    /** Largest request body a simulator accepts, so a runaway client cannot exhaust the heap. */
    static final long MAX_BODY = 256L * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, getClass().getSimpleName());
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger failCount = new AtomicInteger();
    private volatile int failStatus = 500;
    private final AtomicInteger hangCount = new AtomicInteger();
    private volatile CountDownLatch hangLatch = new CountDownLatch(1);

    SimServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    void startServer() {
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:45678}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next {@code times} requests (any path) with {@code status} and no work done. */
    public void failNext(int status, int times) {
        failStatus = status;
        failCount.set(times);
    }

    /** Holds the next {@code times} requests without answering until {@link #releaseHeld} or close. */
    public void holdNext(int times) {
        hangLatch = new CountDownLatch(1);
        hangCount.set(times);
    }

    /** Lets held requests go on (they then fail with 503, their client has long given up). */
    public void releaseHeld() {
        hangCount.set(0); // a held request that had not arrived yet must not catch a later one
        hangLatch.countDown();
    }

    @Override
    public void close() {
        releaseHeld();
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        try (ex) {
            if (hangCount.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                try {
                    hangLatch.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(ex, 503, "text/plain", "held request released");
                return;
            }
            if (failCount.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(ex, failStatus, "application/json", "{\"message\":\"Simulert feil " + failStatus + "\"}");
                return;
            }
            handle(ex);
        } catch (RuntimeException e) {
            send(ex, 500, "application/json", "{\"message\":\"Intern feil i simulatoren: "
                    + String.valueOf(e.getMessage()).replace('"', '\'') + "\"}");
        }
    }

    /** Serves one request. */
    abstract void handle(HttpExchange ex) throws IOException;

    static byte[] body(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null && Long.parseLong(length) > MAX_BODY) {
            throw new IOException("request body too large");
        }
        try (InputStream in = ex.getRequestBody()) {
            return in.readNBytes((int) MAX_BODY);
        }
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
