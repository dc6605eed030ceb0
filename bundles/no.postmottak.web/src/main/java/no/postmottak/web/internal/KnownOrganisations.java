package no.postmottak.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;

/**
 * The configured organisation numbers plus every organisation that has untouched items (which includes mail for
 * organisations nobody configured). The Inbox API has no "all organisations" query; the scan is cached briefly.
 */
public final class KnownOrganisations implements OrgDirectory {

    private static final Duration CACHE = Duration.ofSeconds(30);
    private static final int SCAN_LIMIT = 10_000;

    private final Inbox inbox;
    private final Set<String> configured;
    private final Clock clock;
    private volatile Set<String> cached = Set.of();
    private volatile Instant cachedAt = Instant.MIN;

    public KnownOrganisations(Inbox inbox, Set<String> configured, Clock clock) {
        this.inbox = inbox;
        this.configured = Set.copyOf(configured);
        this.clock = clock;
    }

    @Override
    public Set<String> knownOrgnrs() throws InboxException {
        Instant now = clock.instant();
        if (cachedAt.plus(CACHE).isAfter(now)) {
            return cached;
        }
        Set<String> all = new TreeSet<>(configured);
        for (InboxItem i : inbox.untouchedSince(now, SCAN_LIMIT)) {
            all.add(i.metadata().recipientOrgnr());
        }
        cached = Set.copyOf(all);
        cachedAt = now;
        return cached;
    }
}
