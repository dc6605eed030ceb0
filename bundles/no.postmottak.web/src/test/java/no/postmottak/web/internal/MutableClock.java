package no.postmottak.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move forward, shared by the inbox and the web layer ("untouched for 2 hours"). */
final class MutableClock extends Clock {

    private final AtomicReference<Instant> offset = new AtomicReference<>(Instant.EPOCH);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    /** Real time plus the advance, so items received in sequence still get increasing times. */
    @Override
    public Instant instant() {
        return Instant.now().plusMillis(offset.get().toEpochMilli());
    }

    void advance(Duration d) {
        offset.updateAndGet(o -> o.plus(d));
    }
}
