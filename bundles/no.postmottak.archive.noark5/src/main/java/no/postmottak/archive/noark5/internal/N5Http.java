package no.postmottak.archive.noark5.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;
import no.postmottak.api.archive.support.HttpFailures;

/**
 * HTTP with an N5WS archive: {@code application/vnd.noark5+json} both ways, the login's {@code Authorization}
 * header (a refused token is renewed once), and failures turned into {@link ArchiveException}s whose message carries
 * the archive's own explanation from its {@code {"feil": {"kode", "beskrivelse"}}} body.
 */
final class N5Http {

    static final String MEDIA_TYPE = "application/vnd.noark5+json";
    static final String ARCHIVE = "Noark 5-arkivet";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Supplies the login, which depends on what the archive's root advertises; null for none. */
    interface LoginSource {
        Credentials credentials() throws ArchiveException;
    }

    /** Without login: the root and the login discovery must be readable before logging in. */
    static N5Http anonymous(HttpClient http, Duration timeout) {
        return new N5Http(http, timeout, () -> null);
    }

    private final HttpClient http;
    private final Duration timeout;
    private final LoginSource login;

    N5Http(HttpClient http, Duration timeout, LoginSource login) {
        this.http = http;
        this.timeout = timeout;
        this.login = login;
    }

    N5Object get(String href, String operation) throws ArchiveException {
        return object(exchange(href, b -> b.GET(), operation), operation);
    }

    /**
     * Creates a child of {@code parent} through its {@code ny-*} rel. On 409 (the parent was changed by someone
     * else meanwhile) the parent is read afresh, as the spec asks, and the create tried once more.
     */
    N5Object create(N5Object parent, String rel, String what, JsonNode body, String operation)
            throws ArchiveException {
        try {
            return post(parent.require(rel, what).plain(), body, operation);
        } catch (Conflict e) {
            N5Object fresh = get(parent.self(), operation);
            return post(fresh.require(rel, what).plain(), body, operation);
        }
    }

    /** POSTs a new object to a {@code ny-*} href; the archive answers 201 with the whole object. */
    private N5Object post(String href, JsonNode body, String operation) throws ArchiveException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = exchange(href, b -> b.header("Content-Type", MEDIA_TYPE + "; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), operation);
        if (r.body() == null || r.body().isBlank()) {
            // Some cores answer 201 with only a Location: read the object there.
            String location = r.headers().firstValue("Location").orElseThrow(() -> new ArchiveException(
                    Reason.UNAVAILABLE, ARCHIVE + " svarte uten objekt og uten Location på " + operation));
            return get(URI.create(href).resolve(location).toString(), operation);
        }
        return object(r, operation);
    }

    /**
     * One request with the login; 2xx is returned, anything else thrown. A 401 is tried once more with renewed
     * credentials (a token may expire between two requests).
     */
    HttpResponse<String> exchange(String href, UnaryOperator<HttpRequest.Builder> method, String operation)
            throws ArchiveException {
        URI uri;
        try {
            uri = URI.create(href);
        } catch (IllegalArgumentException e) {
            throw new ArchiveException(Reason.REJECTED, ARCHIVE + " lenket til en ugyldig adresse under " + operation);
        }
        try {
            for (int attempt = 1; ; attempt++) {
                HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", MEDIA_TYPE);
                Credentials credentials = login.credentials();
                String authorization = credentials == null ? null : credentials.authorization();
                if (authorization != null) {
                    b.header("Authorization", authorization);
                }
                HttpResponse<String> r = http.send(method.apply(b).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() == 401 && attempt == 1 && credentials != null
                        && credentials.refused(authorization)) {
                    continue;
                }
                if (r.statusCode() / 100 != 2) {
                    ArchiveException e = HttpFailures.forStatus(ARCHIVE, operation, r.statusCode(),
                            explanation(r.body()));
                    throw r.statusCode() == 409 ? new Conflict(e) : e;
                }
                return r;
            }
        } catch (IOException | UncheckedIOException e) {
            throw HttpFailures.forIo(ARCHIVE, operation, e instanceof IOException io ? io
                    : ((UncheckedIOException) e).getCause());
        } catch (InterruptedException e) {
            throw HttpFailures.interrupted(ARCHIVE, e);
        }
    }

    static N5Object object(HttpResponse<String> r, String operation) throws ArchiveException {
        try {
            JsonNode json = JSON.readTree(r.body());
            if (json == null || !json.isObject()) {
                throw new ArchiveException(Reason.UNAVAILABLE, ARCHIVE + " svarte ikke med et JSON-objekt på "
                        + operation);
            }
            return new N5Object(json, r.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new ArchiveException(Reason.UNAVAILABLE, ARCHIVE + " svarte med ugyldig JSON på " + operation, e);
        }
    }

    /** The archive's own words: N5WS {@code feil.beskrivelse}, else the body as it is. */
    static String explanation(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode feil = JSON.readTree(body).path("feil");
            if (feil.hasNonNull("beskrivelse")) {
                return feil.get("beskrivelse").asText();
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: the text as it is
        }
        return body;
    }

    /** 409: the object was changed by someone else (ETag conflict); retryable. */
    static final class Conflict extends ArchiveException {
        private static final long serialVersionUID = 1L;

        Conflict(ArchiveException e) {
            super(e.reason(), e.getMessage());
        }
    }
}
