package no.postmottak.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;

/**
 * The peak heap of this JVM from {@link #start()} on: the heap in use peaks just before a collection, so the largest
 * "used before GC" (summed over the heap pools at that moment) is the peak; the heap in use at the end counts too.
 */
public final class HeapPeak {

    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private static final AtomicLong PEAK = new AtomicLong();
    private static final AtomicLong LIVE = new AtomicLong();

    private HeapPeak() {
    }

    /** Collects, then watches every GC from now on. */
    public static void start() {
        System.gc();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
                    PEAK.accumulateAndGet(used(info.getMemoryUsageBeforeGc()), Math::max);
                    LIVE.accumulateAndGet(used(info.getMemoryUsageAfterGc()), Math::max);
                }
            }, null, null);
        }
    }

    /** The largest heap in use seen, in bytes. */
    public static long peak() {
        return Math.max(PEAK.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** The largest heap still in use right after a GC, in bytes. */
    public static long liveAfterGc() {
        return LIVE.get();
    }

    private static long used(java.util.Map<String, java.lang.management.MemoryUsage> pools) {
        return pools.entrySet().stream().filter(e -> HEAP_POOLS.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
    }
}
