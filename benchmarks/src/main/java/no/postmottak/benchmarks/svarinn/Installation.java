package no.postmottak.benchmarks.svarinn;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.keystore.KeyInfo;
import no.postmottak.api.keystore.KeyStoreService;
import no.postmottak.benchmarks.inbox.BenchDatabases;
import no.postmottak.channel.support.InFlight;
import no.postmottak.inbox.testing.TestInboxes;
import no.postmottak.keystore.testing.TestKeyStores;
import no.postmottak.svarinn.testing.SvarInnReceivers;

/**
 * A receiving installation as plain Java (as in production minus OSGi): generated key in a PKCS#12, key store,
 * inbox on H2 (file) or PostgreSQL (embedded), SvarInn transport. The key store and the inbox are wrapped with
 * timers so a run can say where the time went.
 */
final class Installation implements AutoCloseable {

    /** Nanoseconds spent, summed over all items. */
    final AtomicLong decryptSetup = new AtomicLong();
    final AtomicLong downloadDecrypt = new AtomicLong();
    final AtomicLong accept = new AtomicLong();
    final AtomicLong isStored = new AtomicLong();

    /** The content store's threshold in MiB as shipped (0: all content in files); below 0: no content store. */
    static final int CONTENT_STORE_MIB = Integer.getInteger("bench.contentStoreMib", 0);

    final X509Certificate certificate;
    private final KeyStoreService keyStore;
    private final Inbox inbox;
    private final BenchDatabases databases;

    Installation(Path dir, String db) throws Exception {
        Path p12 = dir.resolve("mottak.p12");
        char[] password = "benchpassord".toCharArray();
        certificate = TestKeyStores.generateKey("CN=Postmottak bench, O=Fjordvik kommune", p12, password, "mottak",
                dir.resolve("mottak.pem"));
        KeyStoreService keys = TestKeyStores.store("arkiv").withKeystore(p12, password, "mottak");
        keyStore = new KeyStoreService() {
            @Override
            public InputStream decrypt(InputStream cms) throws IOException {
                long t = System.nanoTime();
                InputStream plain = keys.decrypt(cms);
                decryptSetup.addAndGet(System.nanoTime() - t);
                return new Timed(plain, downloadDecrypt);
            }

            @Override
            public List<KeyInfo> keys() {
                return keys.keys();
            }
        };
        // Pooled, with the shipped H2 URL settings, as in Karaf (pax-jdbc-pool-dbcp2).
        databases = new BenchDatabases(db, dir);
        // -Dbench.contentStoreMib: the content store's threshold as shipped (0), -1 keeps all content in the database
        inbox = CONTENT_STORE_MIB >= 0
                ? TestInboxes.createWithContentStore(databases.dataSource, dir.resolve("innhold"), CONTENT_STORE_MIB)
                : TestInboxes.create(databases.dataSource);
    }

    /** @param version the SvarInn API version, v1 or v2 */
    SvarInnReceivers.Account account(String version, URI baseUri, String user, String password, Set<String> orgnrs) {
        // -Dsvarinn.inflight sets items.in.flight (default that of the account configuration)
        return SvarInnReceivers.account("arkiv", version, baseUri, user, password, orgnrs, keyStore, timed(inbox),
                TestInboxes.leases(inbox), Integer.getInteger("svarinn.inflight", InFlight.DEFAULT));
    }

    /** The inbox with accept and isStored timed. */
    private Inbox timed(Inbox target) {
        return (Inbox) Proxy.newProxyInstance(Inbox.class.getClassLoader(), new Class<?>[] {Inbox.class},
                (proxy, method, args) -> {
                    AtomicLong timer = switch (method.getName()) {
                        case "accept" -> accept;
                        case "isStored" -> isStored;
                        default -> null;
                    };
                    long t = System.nanoTime();
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (timer != null) {
                            timer.addAndGet(System.nanoTime() - t);
                        }
                    }
                });
    }

    @Override
    public void close() throws Exception {
        Object store = inbox;
        if (store instanceof AutoCloseable closeable) { // some inbox versions hold an H2 connection until closed
            closeable.close();
        }
        databases.close();
    }

    /** Sums the time spent inside reads. */
    private static final class Timed extends FilterInputStream {
        private final AtomicLong nanos;

        Timed(InputStream in, AtomicLong nanos) {
            super(in);
            this.nanos = nanos;
        }

        @Override
        public int read() throws IOException {
            long t = System.nanoTime();
            try {
                return super.read();
            } finally {
                nanos.addAndGet(System.nanoTime() - t);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long t = System.nanoTime();
            try {
                return super.read(b, off, len);
            } finally {
                nanos.addAndGet(System.nanoTime() - t);
            }
        }
    }
}
