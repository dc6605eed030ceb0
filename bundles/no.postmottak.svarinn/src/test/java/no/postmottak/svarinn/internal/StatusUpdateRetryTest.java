package no.postmottak.svarinn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A status update whose connection breaks before any answer (a server or load balancer closing a kept-alive
 * connection as it is reused) is sent once more; a second break is reported. A raw socket server, since the failure
 * is below HTTP: it reads each request and then either closes the connection without a byte or answers 204.
 */
class StatusUpdateRetryTest {

    private ServerSocket server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    @Test
    void anUpdateWhoseConnectionBrokeIsSentOnceMore() throws Exception {
        start(1);

        http().sendStatus("PATCH", "svarinn/v2/forsendelser/f-1/status", Map.of("status", "MOTTATT"));

        assertThat(requests).containsExactly("PATCH /tjenester/svarinn/v2/forsendelser/f-1/status",
                "PATCH /tjenester/svarinn/v2/forsendelser/f-1/status");
    }

    @Test
    void aSecondBreakIsReportedAsUnavailable() throws Exception {
        start(2);

        assertThatThrownBy(() -> http().sendStatus("POST", "svarinn/kvitterMottak/forsendelse/f-2", null))
                .isInstanceOfSatisfying(SvarInnException.class,
                        e -> assertThat(e.kind()).isEqualTo(SvarInnException.Kind.UNAVAILABLE));
        assertThat(requests).hasSize(2);
    }

    private SvarInnHttp http() {
        return new SvarInnHttp(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/tjenester"), "bruker",
                "passord", Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    /** Closes the first {@code breaks} connections after reading their request, answers 204 on the others. */
    private void start(int breaks) throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            int seen = 0;
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    String line = in.readLine();
                    requests.add(line.substring(0, line.lastIndexOf(' ')));
                    int length = 0;
                    for (String h; (h = in.readLine()) != null && !h.isEmpty(); ) {
                        if (h.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(h.substring(15).trim());
                        }
                    }
                    in.skip(length);
                    if (seen++ >= breaks) {
                        OutputStream out = s.getOutputStream();
                        out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                } catch (IOException e) {
                    // closed by the test
                }
            }
        }, "raw-svarinn");
        t.setDaemon(true);
        t.start();
    }
}
