package no.postmottak.keystore.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

import no.postmottak.api.keystore.KeyInfo;
import no.postmottak.api.keystore.KeyStoreService;

/** The key store over a ring of keys: what the DS component publishes, and what tests and benchmarks build directly. */
public final class KeyRingStore implements KeyStoreService {

    private final KeyRing ring;
    private final CmsDecryptor decryptor;

    public KeyRingStore(KeyRing ring) {
        this.ring = Objects.requireNonNull(ring, "ring");
        this.decryptor = new CmsDecryptor(ring);
    }

    @Override
    public InputStream decrypt(InputStream cms) throws IOException {
        return decryptor.decrypt(cms);
    }

    @Override
    public List<KeyInfo> keys() {
        return ring.infos();
    }
}
