package no.postmottak.simulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * One incoming request. The body is read on demand and at most once; it is held in memory, so it is bounded by the
 * server's {@link SimHttpServer.Builder#maxBody limit} (or a smaller one per call).
 *
 * @since 1.0.0
 */
public final class Request {

    private final HttpExchange exchange;
    private final long maxBody;
    private Map<String, String> params = Map.of();
    private String principal;
    private byte[] body;

    Request(HttpExchange exchange, long maxBody) {
        this.exchange = exchange;
        this.maxBody = maxBody;
    }

    /** @return the method, e.g. {@code GET} */
    public String method() {
        return exchange.getRequestMethod();
    }

    /** @return the decoded path, e.g. {@code /api/tenant/arkivmelding} */
    public String path() {
        return exchange.getRequestURI().getPath();
    }

    /**
     * @param name a {@code {name}} segment of the route's pattern
     * @return the value of that segment, or null when the pattern has none
     */
    public String param(String name) {
        return params.get(name);
    }

    /**
     * @param name a query parameter
     * @return its first value, decoded, or null when absent
     */
    public String query(String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * @param name a header name, in any case
     * @return its first value, or null
     */
    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /**
     * @return the Host header, else the address the request came in on (HTTP/1.0 clients send no Host): for
     *         absolute URLs in answers that must work from where the client stands
     */
    public String authority() {
        String host = header("Host");
        if (host != null) {
            return host;
        }
        InetSocketAddress local = exchange.getLocalAddress();
        return local.getHostString() + ":" + local.getPort();
    }

    /** @return the user name a Basic {@link Auth} guard admitted, or null */
    public String principal() {
        return principal;
    }

    /**
     * @return the whole body, at most the server's limit
     * @throws StatusException 413 when it is larger
     * @throws IOException     when the client goes away
     */
    public byte[] body() throws IOException {
        return body(maxBody);
    }

    /**
     * @param max the largest body accepted here, in bytes
     * @return the whole body
     * @throws StatusException 413 when it is larger than {@code max}
     * @throws IOException     when the client goes away
     */
    public byte[] body(long max) throws IOException {
        if (body != null) {
            return body;
        }
        long limit = Math.min(max, Integer.MAX_VALUE - 16);
        String length = header("Content-Length");
        if (length != null && Long.parseLong(length.strip()) > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes((int) limit + 1);
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            body = bytes;
            return body;
        }
    }

    /** @return the body as UTF-8 text, within the server's limit */
    public String text() throws IOException {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** @return the body as UTF-8 text, at most {@code max} bytes */
    public String text(long max) throws IOException {
        return new String(body(max), StandardCharsets.UTF_8);
    }

    void params(Map<String, String> values) {
        params = values;
    }

    void principal(String user) {
        principal = user;
    }

    private static StatusException tooLarge(long limit) {
        return new StatusException(413, "request body larger than " + limit + " bytes");
    }
}
