package no.postmottak.keystore.internal.component;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import no.postmottak.api.keystore.KeyInfo;
import no.postmottak.api.keystore.KeyStoreService;
import no.postmottak.keystore.internal.KeyRing;
import no.postmottak.keystore.internal.KeyRingStore;

/** The key store service: all configured keys, added and removed live as their configurations change. */
@Component(service = KeyStoreService.class)
public class KeyStoreServiceComponent implements KeyStoreService {

    private final KeyRing ring = new KeyRing();
    private final KeyRingStore store = new KeyRingStore(ring);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addKey(KeyEntryComponent key) {
        ring.add(key.entry());
    }

    void removeKey(KeyEntryComponent key) {
        ring.remove(key.entry());
    }

    @Override
    public InputStream decrypt(InputStream cms) throws IOException {
        return store.decrypt(cms);
    }

    @Override
    public List<KeyInfo> keys() {
        return store.keys();
    }
}
