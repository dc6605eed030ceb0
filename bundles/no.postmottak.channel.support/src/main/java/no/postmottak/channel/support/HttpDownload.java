package no.postmottak.channel.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A GET whose body is content to stream (a forsendelse, an ASiC-E), over the JDK's {@link HttpURLConnection}.
 * <p>
 * Why not {@code java.net.http} like the other calls: its body arrives as fresh 16 KiB heap buffers handed from its
 * selector thread to the reader, so a 1 GiB download allocated 1.1 GB and cost 1.5–2 s of CPU; here the body is read
 * from the socket straight into the caller's buffer: nothing allocated, 0.14–0.3 s (issue 17, same machine, same
 * server). The calls with small answers (lists, status updates, PATCH, which this class cannot send) stay on
 * {@code java.net.http}.
 * <p>
 * The JDK keeps the connection alive for the next download when the body is read to its end and closed. No proxy, as
 * with the channels' {@code java.net.http} clients. The read timeout covers the response head <em>and every wait for
 * body data</em>: a server that stalls in the middle of a body fails the download after it instead of holding the item.
 * Reading at our own pace is not a wait for data, so a slow inbox never times a download out.
 *
 * @since 1.4.0
 */
public final class HttpDownload {

    /** The most of an error's body read to keep its connection; a larger one closes the connection instead. */
    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final HttpURLConnection connection;
    private final int status;

    private HttpDownload(HttpURLConnection connection, int status) {
        this.connection = connection;
        this.status = status;
    }

    /**
     * Sends the GET and waits for the response head.
     *
     * @param headers request headers (credentials among them: never logged)
     * @throws java.net.SocketTimeoutException when the connection or the response head took longer than allowed
     * @throws IOException when the server could not be reached or did not answer HTTP
     */
    public static HttpDownload get(URI uri, Map<String, String> headers, Duration connectTimeout, Duration readTimeout)
            throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(millis(connectTimeout));
        connection.setReadTimeout(millis(readTimeout));
        connection.setUseCaches(false);
        connection.setInstanceFollowRedirects(true);
        headers.forEach(connection::setRequestProperty);
        int status;
        try {
            status = connection.getResponseCode();
        } catch (IOException | RuntimeException e) {
            connection.disconnect();
            throw e;
        }
        if (status < 0) {
            connection.disconnect();
            throw new IOException("The answer from " + uri.getHost() + " is not HTTP");
        }
        return new HttpDownload(connection, status);
    }

    public int status() {
        return status;
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** A response header's value, or null. */
    public String header(String name) {
        return connection.getHeaderField(name);
    }

    /** The declared length of the body, or -1. */
    public long contentLength() {
        return connection.getContentLengthLong();
    }

    /** The body of a successful answer; the caller reads and closes it. */
    public InputStream body() throws IOException {
        if (!successful()) {
            throw new IllegalStateException("HTTP " + status + " has no content to read");
        }
        return connection.getInputStream();
    }

    /**
     * Reads a body we do not need (an error's, a 204's) and closes it, so the connection can be reused; one larger
     * than 64 KiB closes the connection instead.
     */
    public void discard() {
        try (InputStream body = successful() ? connection.getInputStream() : connection.getErrorStream()) {
            if (body != null && body.readNBytes(new byte[ERROR_BODY_LIMIT], 0, ERROR_BODY_LIMIT)
                    == ERROR_BODY_LIMIT && body.read() >= 0) {
                connection.disconnect();
            }
        } catch (IOException ignored) {
            // nothing in it that we need; the JDK does not reuse a connection that failed
        }
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }
}
