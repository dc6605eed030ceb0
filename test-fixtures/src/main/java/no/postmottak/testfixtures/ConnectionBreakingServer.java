package no.postmottak.testfixtures;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A raw HTTP/1.1 server on loopback that reads each request and closes the connection of the first {@code breaks}
 * without a byte of answer — what a client sees when a server or load balancer closes a kept-alive connection just
 * as it is reused — and answers the others {@code 204 No Content}. Below HTTP on purpose: no HTTP server library
 * lets a handler break the connection this way.
 */
public final class ConnectionBreakingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    /** Starts serving on a free loopback port. */
    public ConnectionBreakingServer(int breaks) throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> serve(breaks), "connection-breaking-server");
        t.setDaemon(true);
        t.start();
    }

    /** @return {@code http://127.0.0.1:PORT/} */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    /** @return the request lines received so far, method and path ("PATCH /a/b") */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve(int breaks) {
        int seen = 0;
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                String line = in.readLine();
                requests.add(line.substring(0, line.lastIndexOf(' ')));
                long length = 0;
                for (String h; (h = in.readLine()) != null && !h.isEmpty(); ) {
                    if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Long.parseLong(h.substring("content-length:".length()).trim());
                    }
                }
                in.skip(length);
                if (seen++ >= breaks) {
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            } catch (IOException e) {
                // closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
