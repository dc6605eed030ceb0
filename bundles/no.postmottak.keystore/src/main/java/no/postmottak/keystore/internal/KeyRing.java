package no.postmottak.keystore.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bouncycastle.cms.KeyTransRecipientId;

import no.postmottak.api.keystore.KeyInfo;

/** The set of configured keys, changed live as configurations come and go. Thread-safe. */
public final class KeyRing {

    private final List<KeyEntry> entries = new CopyOnWriteArrayList<>();

    public void add(KeyEntry entry) {
        entries.add(entry);
    }

    public void remove(KeyEntry entry) {
        entries.remove(entry);
    }

    /** The usable key whose certificate the recipient names; several entries may share one, the first wins. */
    Optional<LoadedKey> find(KeyTransRecipientId recipient) {
        for (KeyEntry entry : entries) {
            Optional<LoadedKey> key = entry.key();
            if (key.isPresent() && key.get().matches(recipient)) {
                return key;
            }
        }
        return Optional.empty();
    }

    public List<KeyInfo> infos() {
        return entries.stream().map(KeyEntry::info).toList();
    }
}
