package no.postmottak.eformidling.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.Leases;
import no.postmottak.eformidling.internal.IpClient;
import no.postmottak.eformidling.internal.IpPoller;
import no.postmottak.eformidling.internal.ReceiptSender;
import no.postmottak.eformidling.internal.Receiving;

/**
 * The eFormidling channel without OSGi, for the benchmarks and other modules' tests (through this module's
 * test-jar): one integrasjonspunkt wired as the DS component wires it (DPO, every process, default limits), polling an
 * integrasjonspunkt such as the simulator into the given inbox. It sends no receipts.
 */
public final class EformidlingReceivers {

    private EformidlingReceivers() {
    }

    /**
     * An integrasjonspunkt configuration that is not polling yet; {@link Account#start()} starts it.
     *
     * @param spool the folder a message waits in while it is read
     */
    public static Account account(String name, URI baseUri, String username, String password, List<String> orgnrs,
                                  Path spool, Inbox inbox, Leases leases) {
        IpClient client = new IpClient(baseUri, username, password, Duration.ofSeconds(10), Duration.ofSeconds(60));
        Receiving receiving = new Receiving(name, orgnrs, List.of("DPO"), List.of(), spool, 1_200_000_000L,
                4_000_000_000L, 3, 3);
        return new Account(receiving.poller(client, inbox, null, ReceiptSender.Policy.DEFAULT, leases,
                "eformidling:" + name, "node-1", Duration.ofMinutes(15), Clock.systemUTC()));
    }

    /** One polling integrasjonspunkt configuration; thread-safe. */
    public static final class Account {

        private final IpPoller poller;

        private Account(IpPoller poller) {
            this.poller = poller;
        }

        /** Starts polling on its own thread; the first poll runs at once. */
        public void start() {
            poller.start();
        }

        /** Stops polling, waiting up to {@code grace} for a message being received, and releases the lease. */
        public void stop(Duration grace) {
            poller.stop(grace);
        }

        /** Messages received (stored and deleted from the integrasjonspunkt) since start. */
        public long received() {
            return poller.status().received();
        }

        /** Failed receiving attempts since start. */
        public long failed() {
            return poller.status().failed();
        }

        /** The messages whose last attempt failed: "id: outcome: reason". */
        public List<String> failures() {
            return poller.status().failedMessages().stream()
                    .map(r -> r.messageId() + ": " + r.outcome() + ": " + r.message()).toList();
        }
    }
}
