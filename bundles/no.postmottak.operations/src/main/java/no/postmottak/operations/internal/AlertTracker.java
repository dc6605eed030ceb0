package no.postmottak.operations.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns successive evaluations into state changes: a condition (a problem finding, by key) is announced once when it
 * has lasted its delay, and once more when it is gone. Nothing is announced while it lasts, whatever its text does;
 * a condition that clears before its delay is never announced at all. Kept in memory: after a restart an ongoing
 * condition is announced again.
 */
final class AlertTracker {

    enum Change { STARTED, ENDED }

    /**
     * @param change  started or ended
     * @param finding the condition (for ENDED: as last seen)
     * @param since   when it was first seen
     */
    record Event(Change change, Finding finding, Instant since) {
    }

    private static final class Tracked {
        Finding finding;
        final Instant since;
        boolean announced;

        Tracked(Finding finding, Instant since) {
            this.finding = finding;
            this.since = since;
        }
    }

    private final Map<String, Tracked> conditions = new HashMap<>();

    /** The changes since the last update; {@code delay} says how long a condition must last before it is mailed. */
    synchronized List<Event> update(Collection<Finding> findings, Instant now, Function<Finding, Duration> delay) {
        Map<String, Finding> current = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.isProblem()) {
                current.putIfAbsent(f.key(), f);
            }
        }
        List<Event> events = new ArrayList<>();
        for (Iterator<Map.Entry<String, Tracked>> it = conditions.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Tracked> e = it.next();
            if (!current.containsKey(e.getKey())) {
                it.remove();
                if (e.getValue().announced) {
                    events.add(new Event(Change.ENDED, e.getValue().finding, e.getValue().since));
                }
            }
        }
        for (Finding f : current.values()) {
            Tracked t = conditions.computeIfAbsent(f.key(), k -> new Tracked(f, now));
            t.finding = f;
            if (!t.announced && Duration.between(t.since, now).compareTo(delay.apply(f)) >= 0) {
                t.announced = true;
                events.add(new Event(Change.STARTED, f, t.since));
            }
        }
        return events;
    }
}
