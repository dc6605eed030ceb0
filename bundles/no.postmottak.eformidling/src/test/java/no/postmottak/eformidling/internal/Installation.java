package no.postmottak.eformidling.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.h2.jdbcx.JdbcDataSource;

import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.eformidling.simulator.IntegrasjonspunktSimulator;
import no.postmottak.eformidling.simulator.SimulatorOptions;
import no.postmottak.api.inbox.Leases;
import no.postmottak.channel.support.FailureCounts;
import no.postmottak.channel.support.InFlight;
import no.postmottak.channel.support.PollLoop;
import no.postmottak.inbox.testing.TestInboxes;

/**
 * A receiving installation as plain Java: the inbox on an H2 file database, an integrasjonspunkt simulator over real
 * HTTP, and the eFormidling channel pointed at it. The inbox is observed: when each accept returned (committed).
 */
final class Installation implements AutoCloseable {

    static final String ORGNR = "910075918";
    static final String JOURNALPOST = "2026/117-3";

    final Inbox inbox;
    final Leases leases;
    final Inbox observed;
    final IntegrasjonspunktSimulator ip;
    final Path dir;
    /** When each channel id's accept returned, i.e. was committed. */
    final Map<String, Instant> committed = new ConcurrentHashMap<>();

    Installation(Path dir) throws InboxException {
        this.dir = dir;
        JdbcDataSource dataSource = new JdbcDataSource();
        // As shipped: a held-open H2 is crash-safe with several writers only without space reuse (inbox README).
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("inbox").toAbsolutePath() + ";REUSE_SPACE=FALSE;WRITE_DELAY=0");
        dataSource.setUser("sa");
        // Our organisation archives into a provider that answers as an archive does: with the journal post number.
        inbox = TestInboxes.create(dataSource, Set.of(ORGNR), request -> new ArchiveReceipt("test", null, "jp-1",
                JOURNALPOST, "2026/117", Map.of()), Clock.systemUTC());
        leases = TestInboxes.leases(inbox);
        observed = TestInboxes.observed(inbox, (phase, id) -> {
            if (phase.equals("stored")) {
                committed.putIfAbsent(id, Instant.now());
            }
        });
        ip = IntegrasjonspunktSimulator.start(SimulatorOptions.loopback(0));
    }

    /** The integrasjonspunkt's lease name, also the scope of its failed reads in the database. */
    static final String LEASE = "eformidling:test";

    IpClient client() {
        return client(SimulatorOptions.DEFAULT_PASSWORD, Duration.ofSeconds(10));
    }

    IpClient client(String password, Duration readTimeout) {
        return new IpClient(ip.baseUri(), SimulatorOptions.DEFAULT_USERNAME, password, Duration.ofSeconds(5),
                readTimeout);
    }

    /** DPO for our org number, any process, 3 attempts, 3 lock retries. */
    Receiving receiving() {
        return receiving(List.of("DPO"), List.of(), 1_200_000_000L);
    }

    Receiving receiving(List<String> services, List<String> processes, long maxMessageBytes) {
        return new Receiving("ip", List.of(ORGNR), services, processes, dir.resolve("spool"), maxMessageBytes,
                4_000_000_000L, 3, 3);
    }

    IpPoller poller(Receiving receiving, IpClient client) {
        return poller(receiving, client, InFlight.DEFAULT);
    }

    /** The default poller with {@code itemsInFlight} messages received at once. */
    IpPoller poller(int itemsInFlight) {
        return poller(receiving(), client(), itemsInFlight);
    }

    private IpPoller poller(Receiving receiving, IpClient client, int itemsInFlight) {
        return receiving.poller(client, observed, TestInboxes.outcomes(inbox), ReceiptSender.Policy.DEFAULT, leases,
                LEASE, "node-1", Duration.ofMinutes(15), PollLoop.DEFAULT_LEASE_TTL, Clock.systemUTC(),
                FailureCounts.in(TestInboxes.failedAttempts(inbox), LEASE), itemsInFlight);
    }

    IpPoller poller() {
        return poller(receiving(), client());
    }

    @Override
    public void close() {
        ip.close();
    }
}
