package no.postmottak.svarinn.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.h2.jdbcx.JdbcDataSource;

import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.Leases;
import no.postmottak.channel.support.FailureCounts;
import no.postmottak.inbox.testing.TestInboxes;
import no.postmottak.keystore.testing.TestKeyStores;

/**
 * A whole receiving installation as plain Java: our key store with a freshly generated key, the inbox on an H2 file
 * database, and the SvarInn transport pointed at a simulator. Only the OSGi wiring is missing.
 */
final class Receiver {

    final TestKeyStores.Store keyStore = TestKeyStores.store("arkiv");
    final Inbox inbox;
    private final Leases leases;
    final X509Certificate certificate;

    Receiver(Path dir) throws IOException, GeneralSecurityException, InboxException {
        Path p12 = dir.resolve("mottak.p12");
        char[] password = "testpassord".toCharArray();
        // An existing installation (e.g. one restarted after a kill) keeps its key.
        certificate = Files.exists(p12) ? storedCertificate(p12, password)
                : TestKeyStores.generateKey("CN=Postmottak test, O=Fjordvik kommune", p12, password, "mottak",
                        dir.resolve("mottak.pem"));
        keyStore.withKeystore(p12, password, "mottak");
        inbox = TestInboxes.create(h2(dir));
        leases = TestInboxes.leases(inbox);
    }

    private static X509Certificate storedCertificate(Path p12, char[] password)
            throws IOException, GeneralSecurityException {
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, password);
        }
        return (X509Certificate) store.getCertificate("mottak");
    }

    static JdbcDataSource h2(Path dir) {
        JdbcDataSource dataSource = new JdbcDataSource();
        // As shipped: a held-open H2 is crash-safe with several writers only without space reuse (inbox README).
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("inbox").toAbsolutePath() + ";REUSE_SPACE=FALSE;WRITE_DELAY=0");
        dataSource.setUser("sa");
        return dataSource;
    }

    /**
     * A connection that keeps the embedded H2 database of {@code dir} open until closed: without one, H2 closes
     * the database whenever the inbox's last connection closes and reopens it on the next (slow).
     */
    static java.sql.Connection holdOpen(Path dir) throws java.sql.SQLException {
        return h2(dir).getConnection();
    }

    /** Adds another key (e.g. a real fixture's) to the key store. */
    void addPemKey(Path key, Path certificate) {
        keyStore.withPem(key, certificate);
    }

    SvarInnApi client(java.net.URI baseUri, String username, String password) {
        return client("v1", baseUri, username, password);
    }

    /** A client of API {@code version} (v1, v2). */
    SvarInnApi client(String version, java.net.URI baseUri, String username, String password) {
        return SvarInnApis.of(version, new SvarInnHttp(baseUri, username, password, Duration.ofSeconds(5),
                Duration.ofSeconds(10)));
    }

    ForsendelseReceiver receiver(SvarInnApi client, Set<String> orgnrs, boolean strict, FailurePolicy policy) {
        return receiver(client, orgnrs, strict, policy, inbox);
    }

    /** A receiver storing through {@code into} (e.g. the inbox wrapped to observe it). */
    ForsendelseReceiver receiver(SvarInnApi client, Set<String> orgnrs, boolean strict, FailurePolicy policy,
                                 Inbox into) {
        return new ForsendelseReceiver("arkiv", client, keyStore, into, new ForsendelseMapper("arkiv", orgnrs),
                PayloadReader.Limits.DEFAULT, strict, policy, Set.of("ks.ikkeForOss"),
                FailureCounts.in(TestInboxes.failedAttempts(inbox), LEASE));
    }

    /** The account's lease name, also the scope of its failed attempts in the database. */
    static final String LEASE = "svarinn:test";

    AccountPoller poller(SvarInnApi client, ForsendelseReceiver receiver) {
        return new AccountPoller("arkiv", LEASE, "node-1", client, receiver, leases,
                Duration.ofMinutes(15), Clock.systemUTC());
    }

    static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
