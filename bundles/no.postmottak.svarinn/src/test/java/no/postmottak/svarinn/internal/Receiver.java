package no.postmottak.svarinn.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.h2.jdbcx.JdbcDataSource;

import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.keystore.KeyStoreService;
import no.postmottak.inbox.internal.ArchiveProviders;
import no.postmottak.inbox.internal.JdbcInbox;
import no.postmottak.keystore.internal.KeyEntry;
import no.postmottak.keystore.internal.KeyRing;
import no.postmottak.keystore.internal.KeyRingStore;
import no.postmottak.keystore.internal.KeySource;
import no.postmottak.keystore.internal.SelfSignedKeyGenerator;

/**
 * A whole receiving installation as plain Java: our key store with a freshly generated key, the inbox on an H2 file
 * database, and the SvarInn transport pointed at a simulator. Only the OSGi wiring is missing.
 */
final class Receiver {

    final KeyRing keys = new KeyRing();
    final KeyStoreService keyStore;
    final JdbcInbox inbox;
    final X509Certificate certificate;

    Receiver(Path dir) throws IOException, GeneralSecurityException, InboxException {
        Path p12 = dir.resolve("mottak.p12");
        char[] password = "testpassord".toCharArray();
        // An existing installation (e.g. one restarted after a kill) keeps its key.
        certificate = Files.exists(p12) ? storedCertificate(p12, password)
                : new SelfSignedKeyGenerator().generate(new SelfSignedKeyGenerator.Request(
                        "CN=Postmottak test, O=Fjordvik kommune", Duration.ofDays(365), 2048, "mottak", password, p12,
                        dir.resolve("mottak.pem"), null));
        keys.add(KeyEntry.load(KeySource.keystore("test", "arkiv", List.of(), p12, password, "mottak")));
        keyStore = new KeyRingStore(keys);
        JdbcDataSource dataSource = h2(dir);
        inbox = new JdbcInbox(dataSource, orgnr -> Optional.empty(), new ArchiveProviders(), Clock.systemUTC());
    }

    private static X509Certificate storedCertificate(Path p12, char[] password)
            throws IOException, GeneralSecurityException {
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, password);
        }
        return (X509Certificate) store.getCertificate("mottak");
    }

    private static JdbcDataSource h2(Path dir) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("inbox").toAbsolutePath());
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
        keys.add(KeyEntry.load(KeySource.pem("fixture", "arkiv", List.of(), key, null, certificate)));
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
                                 no.postmottak.api.inbox.Inbox into) {
        return new ForsendelseReceiver("arkiv", client, keyStore, into, new ForsendelseMapper("arkiv", orgnrs),
                PayloadReader.Limits.DEFAULT, strict, policy, Set.of("ks.ikkeForOss"));
    }

    AccountPoller poller(SvarInnApi client, ForsendelseReceiver receiver) {
        return new AccountPoller("arkiv", "svarinn:test", "node-1", client, receiver, inbox.leases(),
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
