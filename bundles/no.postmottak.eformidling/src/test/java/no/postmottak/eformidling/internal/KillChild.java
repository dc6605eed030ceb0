package no.postmottak.eformidling.internal;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.h2.jdbcx.JdbcDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.api.inbox.Inbox;
import no.postmottak.eformidling.simulator.SimulatorOptions;
import no.postmottak.inbox.testing.TestInboxes;

/**
 * The receiver as a process of its own, for {@link EformidlingKillTest}: the inbox on the H2 file of {@code dir}, the
 * eFormidling poller against the simulator, polling until the integrasjonspunkt has nothing waiting. It prints
 * {@code begin <id>} when the inbox starts storing a message and {@code stored <id>} when the inbox has committed it
 * (before the DELETE), so the test can kill it at those moments. Exits 0 when nothing is left.
 *
 * <p>Arguments: directory, integrasjonspunkt base URI, org number.
 */
public final class KillChild {

    private KillChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        URI ip = URI.create(args[1]);
        PrintStream out = System.out;
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("inbox").toAbsolutePath() + ";REUSE_SPACE=FALSE;WRITE_DELAY=0"); // as shipped
        ds.setUser("sa");
        try (java.sql.Connection keepsDatabaseOpen = ds.getConnection()) {
            Inbox inbox = TestInboxes.create(ds);
            IpClient client = new IpClient(ip, SimulatorOptions.DEFAULT_USERNAME, SimulatorOptions.DEFAULT_PASSWORD,
                    Duration.ofSeconds(5), Duration.ofSeconds(30));
            Receiving receiving = new Receiving("ip", List.of(args[2]), List.of("DPO"), List.of(),
                    dir.resolve("spool"), 100_000_000L, 100_000_000L, 0, 3);
            IpPoller poller = receiving.poller(client, TestInboxes.observed(inbox, (phase, id) -> {
                out.println(phase + " " + id);
                out.flush();
            }), null, ReceiptSender.Policy.DEFAULT,
                    TestInboxes.leases(inbox), "eformidling:kill", "child", Duration.ofMinutes(15),
                    Clock.systemUTC());
            out.println("started");
            out.flush();
            // Messages a killed predecessor held locked come back when their lock runs out.
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
                poller.poll();
                return waiting(ip) == 0;
            });
        }
        out.println("done");
        out.flush();
        System.exit(0);
    }

    /** How many messages the integrasjonspunkt still holds (locked or not). */
    private static long waiting(URI ip) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ip + "/api/messages/in?size=1"))
                .header("Authorization", no.postmottak.channel.support.HttpSupport.basicAuthorization(
                        SimulatorOptions.DEFAULT_USERNAME, SimulatorOptions.DEFAULT_PASSWORD)).build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(body).path("totalElements").asLong();
    }
}
