package no.postmottak.keystore.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import no.postmottak.api.keystore.KeyInfo;
import no.postmottak.api.keystore.KeyStoreService;
import no.postmottak.keystore.internal.DecryptingInputStream;
import no.postmottak.keystore.internal.KeyEntry;
import no.postmottak.keystore.internal.KeyRing;
import no.postmottak.keystore.internal.KeyRingStore;
import no.postmottak.keystore.internal.KeySource;
import no.postmottak.keystore.internal.SelfSignedKeyGenerator;

/**
 * Our key store without OSGi, for other modules' tests and the benchmarks (through the key store's test-jar): the
 * {@link KeyStoreService} the DS component publishes, over PKCS#12/JKS or PEM key files loaded as a key
 * configuration loads them, and receiver keys generated as {@code postmottak:key-generate} makes them.
 */
public final class TestKeyStores {

    private TestKeyStores() {
    }

    /**
     * An empty key store whose keys belong to {@code account} (the channel account they are configured for; empty
     * for any account). Add keys with {@link Store#withKeystore} and {@link Store#withPem}, also while it is in use.
     */
    public static Store store(String account) {
        return new Store(account);
    }

    /**
     * Generates an RSA-2048 receiver key with a self-signed certificate valid for a year, into a new PKCS#12 file
     * (and the certificate as PEM, what SvarUt is given); never overwrites a file.
     *
     * @return the certificate, to encrypt to (e.g. to register with the SvarInn simulator)
     */
    public static X509Certificate generateKey(String subject, Path keystoreFile, char[] password, String alias,
                                              Path certificateFile) throws IOException, GeneralSecurityException {
        return new SelfSignedKeyGenerator().generate(new SelfSignedKeyGenerator.Request(subject, Duration.ofDays(365),
                2048, alias, password, keystoreFile, certificateFile, null));
    }

    /** The JCE provider that decrypts the content of a stream {@link Store#decrypt} returned, e.g. "SunJCE". */
    public static String contentCipherProvider(InputStream decrypted) {
        if (decrypted instanceof DecryptingInputStream d) {
            return d.providerName();
        }
        throw new IllegalArgumentException("Not a stream from TestKeyStores: " + decrypted);
    }

    /** The key store service over a ring of keys that tests add to. */
    public static final class Store implements KeyStoreService {

        private final String account;
        private final KeyRing ring = new KeyRing();
        private final KeyRingStore service = new KeyRingStore(ring);
        private final AtomicInteger names = new AtomicInteger();

        private Store(String account) {
            this.account = account;
        }

        /**
         * Adds the key of a PKCS#12 or JKS file.
         *
         * @param alias the key's alias, or null when the file holds one key
         * @throws IllegalArgumentException when the key cannot be used, with the reason
         */
        public Store withKeystore(Path file, char[] password, String alias) {
            return add(KeySource.keystore(name(), account, List.of(), file, password, alias));
        }

        /** Adds an unencrypted PEM private key (PKCS#1 or PKCS#8) with its certificate. */
        public Store withPem(Path keyFile, Path certificateFile) {
            return add(KeySource.pem(name(), account, List.of(), keyFile, null, certificateFile));
        }

        private String name() {
            return "test-" + names.incrementAndGet();
        }

        private Store add(KeySource source) {
            KeyEntry entry = KeyEntry.load(source);
            if (entry.problem() != null) {
                throw new IllegalArgumentException(entry.problem());
            }
            ring.add(entry);
            return this;
        }

        @Override
        public InputStream decrypt(InputStream cms) throws IOException {
            return service.decrypt(cms);
        }

        @Override
        public List<KeyInfo> keys() {
            return service.keys();
        }
    }
}
