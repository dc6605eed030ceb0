package no.postmottak.simulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/**
 * The answer to one {@link Request}: set headers first, then send exactly once. The server closes the exchange
 * after the handler, which also ends a streamed body.
 *
 * @since 1.0.0
 */
public final class Response {

    /** For {@link #stream}: the length is not known, send the body chunked while it is produced. */
    public static final long CHUNKED = -1;

    private final HttpExchange exchange;
    private final Request request;
    private final ErrorFormat errors;
    private boolean committed;

    Response(HttpExchange exchange, Request request, ErrorFormat errors) {
        this.exchange = exchange;
        this.request = request;
        this.errors = errors;
    }

    /**
     * Sets (replaces) a response header; call before sending.
     *
     * @return this
     */
    public Response header(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
        return this;
    }

    /** Sends a JSON document as {@code application/json}. */
    public void json(int status, String json) throws IOException {
        send(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends plain text as {@code text/plain; charset=utf-8}. */
    public void text(int status, String text) throws IOException {
        send(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends an error message in the server's {@link ErrorFormat}. */
    public void error(int status, String message) throws IOException {
        json(status, errors.render(request, status, message));
    }

    /** Sends a status without a body. */
    public void empty(int status) throws IOException {
        commit(status, -1);
    }

    /**
     * Sends a body held in memory with exactly this Content-Type.
     *
     * @param body the bytes; empty sends no body
     */
    public void send(int status, String contentType, byte[] body) throws IOException {
        header("Content-Type", contentType);
        if (body.length == 0) {
            commit(status, -1);
            return;
        }
        commit(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Starts a streamed body, for payloads too large to hold: the handler writes while it produces, and memory stays
     * bounded because a slow client blocks the writer.
     *
     * @param length the exact byte count, or {@link #CHUNKED}
     * @return the body stream; closing it (or returning from the handler) ends the response
     */
    public OutputStream stream(int status, String contentType, long length) throws IOException {
        header("Content-Type", contentType);
        // The JDK server's own convention: 0 means chunked, -1 means no body.
        commit(status, length < 0 ? 0 : length == 0 ? -1 : length);
        return exchange.getResponseBody();
    }

    /** @return whether the status line has been sent, so that nothing else may be */
    public boolean committed() {
        return committed;
    }

    private void commit(int status, long length) throws IOException {
        if (committed) {
            throw new IllegalStateException("response already sent");
        }
        committed = true;
        exchange.sendResponseHeaders(status, length);
    }
}
