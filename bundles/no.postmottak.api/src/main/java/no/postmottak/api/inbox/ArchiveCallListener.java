package no.postmottak.api.inbox;

import java.time.Duration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told by the inbox after every call to an archive provider's {@code archive}, for monitoring (latencies, failures).
 * Register it as a service; the inbox calls every registered listener on the archiving thread, so an implementation
 * must return quickly and never throw (what it throws is logged and ignored).
 *
 * @since 2.1.0
 */
@ConsumerType
public interface ArchiveCallListener {

    /**
     * One call to a provider ended.
     *
     * @param orgnr     the organisation whose item was archived
     * @param target    the archive target's name, or its kind when it has no name
     * @param kind      the provider kind, e.g. {@code websak}
     * @param duration  how long the provider took
     * @param succeeded whether it returned a receipt
     */
    void archiveCalled(String orgnr, String target, String kind, Duration duration, boolean succeeded);
}
