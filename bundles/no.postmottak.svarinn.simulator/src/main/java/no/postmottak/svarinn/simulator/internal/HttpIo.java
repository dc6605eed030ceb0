package no.postmottak.svarinn.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/** Small response helpers for the JDK HTTP server. */
final class HttpIo {
    private final ObjectMapper mapper;

    HttpIo(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void json(HttpExchange ex, int status, String contentType, JsonNode body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An error body shaped like Fiks' ErrorMessage (the SvarInn v1 error format is undocumented). */
    void error(HttpExchange ex, int status, String message) throws IOException {
        ObjectNode body = mapper.createObjectNode();
        body.put("timestamp", Instant.now().toEpochMilli());
        body.put("status", status);
        body.put("error", reason(status));
        body.put("message", message);
        body.put("path", ex.getRequestURI().getPath());
        json(ex, status, "application/json", body);
    }

    static void empty(HttpExchange ex, int status) throws IOException {
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    static void drain(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    static String readBody(HttpExchange ex, int max) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new IOException("request body larger than " + max + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
