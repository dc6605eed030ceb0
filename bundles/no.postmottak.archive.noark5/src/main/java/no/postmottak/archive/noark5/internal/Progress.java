package no.postmottak.archive.noark5.internal;

import java.util.HashMap;
import java.util.Map;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveProgress;

/** The item's durable notes, changed one step at a time; every change is saved before the next step. */
final class Progress {

    private final ArchiveProgress store;
    private final Map<String, String> notes;

    Progress(ArchiveProgress store) {
        this.store = store;
        this.notes = new HashMap<>(store.load());
    }

    String get(String key) {
        return notes.get(key);
    }

    boolean has(String key) {
        return notes.containsKey(key);
    }

    /** Sets {@code key} and removes {@code remove} (may be null) in one save. */
    void put(String key, String value, String remove) throws ArchiveException {
        notes.put(key, value);
        if (remove != null) {
            notes.remove(remove);
        }
        store.save(Map.copyOf(notes));
    }

    void remove(String key) throws ArchiveException {
        if (notes.remove(key) != null) {
            store.save(Map.copyOf(notes));
        }
    }
}
