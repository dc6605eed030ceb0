package no.postmottak.svarinn.testing;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import no.postmottak.channel.support.PollLoop;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.Leases;
import no.postmottak.api.keystore.KeyStoreService;
import no.postmottak.channel.support.InFlight;
import no.postmottak.svarinn.internal.AccountPoller;
import no.postmottak.svarinn.internal.AccountStatus;
import no.postmottak.svarinn.internal.FailurePolicy;
import no.postmottak.svarinn.internal.ForsendelseMapper;
import no.postmottak.svarinn.internal.ForsendelseReceiver;
import no.postmottak.svarinn.internal.PayloadReader;
import no.postmottak.svarinn.internal.SvarInnApi;
import no.postmottak.svarinn.internal.SvarInnApis;
import no.postmottak.svarinn.internal.SvarInnHttp;

/**
 * The SvarInn transport without OSGi, for the benchmarks and other modules' tests (through this module's test-jar):
 * one account wired as the account component wires it (client, receiver with strict hashes and the default failure
 * policy, poller), polling a SvarInn service such as the simulator into the given inbox.
 */
public final class SvarInnReceivers {

    private SvarInnReceivers() {
    }

    /**
     * An account that is not polling yet; {@link Account#start()} starts it.
     *
     * @param name     the account's name (its configuration name), also what the keys' account must match
     * @param orgnrs   the organisation numbers it receives for
     * @param keyStore decrypts what SvarInn serves
     * @param inbox    where items are stored before they are acknowledged
     * @param leases   the leases of the inbox's database (one poller per account in a cluster)
     */
    public static Account account(String name, URI baseUri, String username, String password, Set<String> orgnrs,
                                  KeyStoreService keyStore, Inbox inbox, Leases leases) {
        return account(name, "v2", baseUri, username, password, orgnrs, keyStore, inbox, leases);
    }

    /** The same on SvarInn API {@code version} ({@code v1} or {@code v2}, as {@code api.version} configures it). */
    public static Account account(String name, String version, URI baseUri, String username, String password,
                                  Set<String> orgnrs, KeyStoreService keyStore, Inbox inbox, Leases leases) {
        return account(name, version, baseUri, username, password, orgnrs, keyStore, inbox, leases,
                InFlight.DEFAULT);
    }

    /** The same with {@code itemsInFlight} forsendelser received at once (as {@code items.in.flight} configures). */
    public static Account account(String name, String version, URI baseUri, String username, String password,
                                  Set<String> orgnrs, KeyStoreService keyStore, Inbox inbox, Leases leases,
                                  int itemsInFlight) {
        SvarInnApi client = SvarInnApis.of(version, new SvarInnHttp(baseUri, username, password,
                Duration.ofSeconds(10), Duration.ofSeconds(60)));
        ForsendelseReceiver receiver = new ForsendelseReceiver(name, client, keyStore, inbox,
                new ForsendelseMapper(name, orgnrs), PayloadReader.Limits.DEFAULT, true, FailurePolicy.DEFAULT,
                Set.of());
        return new Account(new AccountPoller(name, "svarinn:" + name, "node-1", client, receiver, leases,
                Duration.ofMinutes(15), PollLoop.DEFAULT_LEASE_TTL, Clock.systemUTC(), itemsInFlight));
    }

    /** One polling account; thread-safe. */
    public static final class Account {

        private final AccountPoller poller;

        private Account(AccountPoller poller) {
            this.poller = poller;
        }

        /** Starts polling on the account's own thread; the first poll runs at once. */
        public void start() {
            poller.start();
        }

        /** Stops polling, waiting up to {@code grace} for a forsendelse being received, and releases the lease. */
        public void stop(Duration grace) {
            poller.stop(grace);
        }

        /** Polls as soon as the current poll (if any) is done, as the operator's "hent nå" does. */
        public void pollNow() {
            poller.pollNow();
        }

        /** Forsendelser received (stored and acknowledged) since start. */
        public long received() {
            return poller.status().received();
        }

        /** Failed receiving attempts since start. */
        public long failed() {
            return poller.status().failed();
        }

        /** The forsendelser whose last attempt failed: "id: outcome: reason". */
        public List<String> failures() {
            AccountStatus status = poller.status();
            return status.failedItems().stream()
                    .map(r -> r.forsendelseId() + ": " + r.outcome() + ": " + r.message()).toList();
        }
    }
}
