package no.postmottak.operations.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

import org.osgi.service.component.annotations.Component;

import no.postmottak.api.inbox.ArchiveCallListener;

/**
 * Archive call latencies per target and outcome, as a Prometheus histogram; the inbox tells it of every call.
 * Counts since this bundle started.
 */
@Component(service = {ArchiveCallListener.class, ArchiveLatencies.class})
public class ArchiveLatencies implements ArchiveCallListener {

    static final String NAME = "postmottak_archive_call_duration_seconds";
    /** Upper bounds in seconds: archive calls take from a fraction of a second (a folder) to minutes (large mail). */
    static final double[] BOUNDS = {0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};

    /** One label set's histogram. */
    private static final class Series {
        final AtomicLongArray buckets = new AtomicLongArray(BOUNDS.length);
        final DoubleAdder sum = new DoubleAdder();
        final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
    }

    private final Map<List<String>, Series> series = new ConcurrentSkipListMap<>(
            (a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));

    @Override
    public void archiveCalled(String orgnr, String target, String kind, Duration duration, boolean succeeded) {
        Series s = series.computeIfAbsent(List.of(target, kind, succeeded ? "ok" : "feilet"), k -> new Series());
        double seconds = duration.toNanos() / 1e9;
        for (int i = 0; i < BOUNDS.length; i++) {
            if (seconds <= BOUNDS[i]) {
                s.buckets.incrementAndGet(i);
            }
        }
        s.sum.add(seconds);
        s.count.incrementAndGet();
    }

    void write(MetricsText text) {
        text.family(NAME, "histogram", "How long archive providers took to archive one item, by target and outcome");
        series.forEach((labels, s) -> {
            for (int i = 0; i < BOUNDS.length; i++) {
                text.sample(NAME + "_bucket", labels(labels, MetricsText.number(BOUNDS[i])), s.buckets.get(i));
            }
            text.sample(NAME + "_bucket", labels(labels, "+Inf"), s.count.get());
            text.sample(NAME + "_sum", labels(labels, null), s.sum.sum());
            text.sample(NAME + "_count", labels(labels, null), s.count.get());
        });
    }

    private static Map<String, String> labels(List<String> l, String le) {
        Map<String, String> map = MetricsText.labels("target", l.get(0), "kind", l.get(1), "outcome", l.get(2));
        if (le != null) {
            map.put("le", le);
        }
        return map;
    }
}
