package no.postmottak.channel.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small pieces every channel's HTTP client needs: Basic credentials, Retry-After, draining a body, sending a
 * repeatable request once more when its connection broke.
 */
public final class HttpSupport {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSupport.class);

    private HttpSupport() {
    }

    /** The {@code Authorization} header value for HTTP Basic. Never log it. */
    public static String basicAuthorization(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + (password == null ? "" : password))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The wait a {@code Retry-After} header asks for (seconds or an HTTP date), or null when there is none. */
    public static Duration retryAfter(HttpResponse<?> response) {
        return retryAfter(response.headers().firstValue("Retry-After").orElse(null));
    }

    /**
     * The wait a {@code Retry-After} header value asks for (seconds or an HTTP date), or null when there is none or
     * it cannot be read.
     *
     * @since 1.4.0
     */
    public static Duration retryAfter(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    /**
     * Sends {@code request}; when {@code repeatable} and the connection breaks before an answer (an
     * {@link IOException} other than a timeout), sends it once more at once. A server or load balancer may close a
     * kept-alive connection just as the client reuses it, and the JDK's client resends only GET and HEAD by itself.
     * Only for requests whose repetition does what one would: setting a status, deleting a message.
     *
     * @since 1.3.0
     */
    public static HttpResponse<InputStream> send(HttpClient http, HttpRequest request, boolean repeatable)
            throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw e;
        } catch (IOException e) {
            if (!repeatable) {
                throw e;
            }
            LOG.info("{} {} failed on the connection ({}); sending it once more", request.method(),
                    request.uri().getPath(), e.getClass().getSimpleName());
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        }
    }

    /** Reads a body we do not need to its end and closes it, so the connection can be reused. */
    public static void discard(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the body of an error or acknowledgement carries nothing we need
        }
    }
}
