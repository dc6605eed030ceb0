package no.postmottak.inbox.internal;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import no.postmottak.api.archive.ArchiveProvider;

/**
 * The archive providers currently registered, by their {@link ArchiveProvider#KIND}. Providers come and go at
 * any time (dynamic references); among several of one kind the highest service ranking wins.
 */
final class ArchiveProviders {

    private record Entry(ArchiveProvider provider, String kind, int ranking, long serviceId) {
    }

    private final Map<ArchiveProvider, Entry> entries = new ConcurrentHashMap<>();

    void add(ArchiveProvider provider, Map<String, ?> properties) {
        Object kind = properties.get(ArchiveProvider.KIND);
        if (kind == null) {
            return;
        }
        Object ranking = properties.get("service.ranking");
        Object id = properties.get("service.id");
        entries.put(provider, new Entry(provider, kind.toString(),
                ranking instanceof Integer r ? r : 0, id instanceof Long l ? l : 0L));
    }

    void remove(ArchiveProvider provider) {
        entries.remove(provider);
    }

    boolean has(String kind) {
        return find(kind).isPresent();
    }

    Optional<ArchiveProvider> find(String kind) {
        return entries.values().stream()
                .filter(e -> e.kind().equals(kind))
                .max(Comparator.comparingInt(Entry::ranking).thenComparing(Entry::serviceId, Comparator.reverseOrder()))
                .map(Entry::provider);
    }
}
