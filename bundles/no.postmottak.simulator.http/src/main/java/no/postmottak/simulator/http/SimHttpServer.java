package no.postmottak.simulator.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulator's HTTP server: the JDK's built-in server on a given or free port, one daemon thread per request (a
 * held or throttled request must not block the others). Each request goes through the {@link Knobs}, then the
 * {@link Guard}s whose prefix covers its path, then the first {@link Handler} whose route matches; a path no route
 * knows answers 404, a known path with another method 405 with {@code Allow}.
 *
 * <pre>{@code
 * SimHttpServer server = SimHttpServer.builder("acos-simulator").port(0)
 *         .guard("/api", Auth.bearer(tokens::valid))
 *         .route("GET", "/api/{tenant}/test", (req, res) -> res.json(200, "\"OK\""))
 *         .start();
 * }</pre>
 *
 * @since 1.0.0
 */
public final class SimHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimHttpServer.class);

    private final String name;
    private final String host;
    private final HttpServer server;
    private final int port;
    private final ExecutorService executor;
    private final long maxBody;
    private final ErrorFormat errors;
    private final Map<String, Guard> guards;
    private final List<Route> routes;
    private final Knobs knobs = new Knobs();

    private SimHttpServer(Builder b) {
        this.name = b.name;
        this.host = b.host;
        this.maxBody = b.maxBody;
        this.errors = b.errors;
        this.guards = new LinkedHashMap<>(b.guards);
        this.routes = List.copyOf(b.routes);
        try {
            server = HttpServer.create(new InetSocketAddress(b.host, b.port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + b.host + ":" + b.port + ": " + e.getMessage(), e);
        }
        port = server.getAddress().getPort(); // bound now; kept for log lines after close
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    /**
     * @param name names the server's threads and log lines, e.g. {@code websak-simulator}
     * @return a builder for a server on 127.0.0.1 and a free port
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return e.g. {@code http://127.0.0.1:45678}, without a trailing slash */
    public URI baseUri() {
        return URI.create("http://" + host + ":" + port());
    }

    /** @return the bound port */
    public int port() {
        return port;
    }

    /** @return the failure knobs of this server */
    public Knobs knobs() {
        return knobs;
    }

    /** Stops listening; requests in progress, held ones included, are cut. */
    @Override
    public void close() {
        knobs.releaseHeld();
        server.stop(0);
        executor.shutdownNow();
        LOG.debug("{} on port {} stopped", name, port);
    }

    @Override
    public String toString() {
        return name + "[" + baseUri() + "]";
    }

    private void dispatch(HttpExchange exchange) {
        Request request = new Request(exchange, maxBody);
        Response response = new Response(exchange, request, errors);
        try {
            if (!knobs.intercept(response) && admitted(request, response)) {
                route(request, response);
            }
            if (!response.committed()) {
                response.empty(500); // a handler that forgot to answer must not leave the client hanging
            }
        } catch (StatusException e) {
            answerError(request, response, e.status(), e.getMessage());
        } catch (IOException e) {
            LOG.debug("{}: {} {} aborted: {}", name, request.method(), request.path(), e.toString());
        } catch (RuntimeException e) {
            LOG.warn("{}: {} {} failed", name, request.method(), request.path(), e);
            answerError(request, response, 500, "simulator error: " + e.getMessage());
        } finally {
            exchange.close();
        }
    }

    private boolean admitted(Request request, Response response) throws IOException {
        String path = request.path();
        for (Map.Entry<String, Guard> g : guards.entrySet()) {
            String prefix = g.getKey();
            boolean covers = path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
            if (covers && !g.getValue().admit(request, response)) {
                return false;
            }
        }
        return true;
    }

    private void route(Request request, Response response) throws IOException {
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Map<String, String> params = r.match(request.path());
            if (params == null) {
                continue;
            }
            if (r.method().equals(request.method())) {
                request.params(params);
                r.handler().handle(request, response);
                return;
            }
            allowed.add(r.method());
        }
        if (allowed.isEmpty()) {
            response.error(404, "unknown path " + request.method() + " " + request.path());
        } else {
            response.header("Allow", String.join(", ", allowed)).error(405, "use " + String.join(" or ", allowed));
        }
    }

    private void answerError(Request request, Response response, int status, String message) {
        if (response.committed()) {
            return; // the client already has a status; cutting the body short is all that is left
        }
        try {
            response.error(status, message);
        } catch (IOException e) {
            LOG.debug("{}: {} {} aborted: {}", name, request.method(), request.path(), e.toString());
        }
    }

    /** Configures a {@link SimHttpServer}; {@link #start()} binds it. */
    public static final class Builder {
        private final String name;
        private String host = "127.0.0.1";
        private int port;
        private long maxBody = 256L * 1024 * 1024;
        private ErrorFormat errors = ErrorFormat.MESSAGE;
        private final Map<String, Guard> guards = new LinkedHashMap<>();
        private final List<Route> routes = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** @param value bind address, default 127.0.0.1 (simulators stay on loopback unless told otherwise) */
        public Builder host(String value) {
            host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** @param value TCP port, 0 (the default) = any free port */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            port = value;
            return this;
        }

        /** @param bytes the largest request body {@link Request#body()} accepts, default 256 MiB; more is 413 */
        public Builder maxBody(long bytes) {
            maxBody = bytes;
            return this;
        }

        /** @param format how error bodies look, default {@link ErrorFormat#MESSAGE} */
        public Builder errors(ErrorFormat format) {
            errors = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * @param pathPrefix the guard sees this path and everything below it
         * @param guard      runs before routing, in the order added
         */
        public Builder guard(String pathPrefix, Guard guard) {
            guards.put(pathPrefix, Objects.requireNonNull(guard, "guard"));
            return this;
        }

        /**
         * @param method  e.g. {@code GET}
         * @param pattern e.g. {@code /api/{tenant}/arkivmelding}; the first matching route wins
         * @param handler serves it
         */
        public Builder route(String method, String pattern, Handler handler) {
            routes.add(Route.of(method, pattern, Objects.requireNonNull(handler, "handler")));
            return this;
        }

        /**
         * @return the running server
         * @throws UncheckedIOException when the port cannot be bound
         */
        public SimHttpServer start() {
            SimHttpServer s = new SimHttpServer(this);
            s.server.start();
            LOG.debug("{} listening on {}", name, s.baseUri());
            return s;
        }
    }
}
