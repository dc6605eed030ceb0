package no.postmottak.web.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import no.postmottak.api.ItemState;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;

/**
 * The administration page's data: unconfigured organisations, counts per state per org, stuck items, the archive
 * target of every organisation, the status of every channel account, and the health checks when they run.
 */
public final class AdminOverview {

    private static final int STUCK_LIMIT = 200;

    private final Inbox inbox;
    private final OrgDirectory directory;
    private final ChannelAccounts channels;
    private final Clock clock;
    private final HealthSummary health;

    public AdminOverview(Inbox inbox, OrgDirectory directory, ChannelAccounts channels, Clock clock) {
        this(inbox, directory, channels, clock, new HealthSummary(() -> null));
    }

    AdminOverview(Inbox inbox, OrgDirectory directory, ChannelAccounts channels, Clock clock, HealthSummary health) {
        this.inbox = inbox;
        this.directory = directory;
        this.channels = channels;
        this.clock = clock;
        this.health = health;
    }

    public Map<String, Object> overview() throws InboxException {
        Instant now = clock.instant();
        // Unconfigured mail is never acted on, so it is all among the untouched items.
        Map<String, Integer> unconfigured = new TreeMap<>();
        for (InboxItem i : inbox.untouchedSince(now, 10_000)) {
            if (!i.orgConfigured()) {
                unconfigured.merge(i.metadata().recipientOrgnr(), 1, Integer::sum);
            }
        }
        List<Map<String, Object>> counts = new ArrayList<>();
        for (String orgnr : new TreeSet<>(directory.knownOrgnrs())) {
            Map<ItemState, Long> byState = inbox.countByState(orgnr);
            Map<String, Long> named = new TreeMap<>();
            byState.forEach((s, n) -> named.put(s.name(), n));
            counts.add(JsonViews.map("orgnr", orgnr, "configured", !unconfigured.containsKey(orgnr),
                    "counts", named));
        }
        List<Map<String, Object>> stuck = inbox.untouchedSince(now.minus(JsonViews.UNTOUCHED_AFTER), STUCK_LIMIT)
                .stream().map(i -> JsonViews.summary(i, -1, now)).toList();
        return JsonViews.map(
                "unconfigured", unconfigured.entrySet().stream()
                        .map(e -> JsonViews.map("orgnr", e.getKey(), "items", e.getValue())).toList(),
                "organisations", counts,
                "stuck", stuck,
                "stuckLimit", STUCK_LIMIT,
                "archive", archive(),
                "channels", channels.views(),
                "health", health.checks());
    }

    /** Each configured organisation with its archive target, and each target with whom it serves. */
    private Map<String, Object> archive() {
        return JsonViews.map(
                "organisations", inbox.organisations().stream().map(JsonViews::organisation).toList(),
                "targets", inbox.archiveTargets().stream().map(t -> JsonViews.map("name", t.name(),
                        "kind", t.kind(), "organisations", t.organisations(),
                        "shared", t.organisations().size() > 1)).toList());
    }

    /** The channel accounts alone, for the page to follow a poll without reloading the counts. */
    public Map<String, Object> channels() {
        return JsonViews.map("channels", channels.views());
    }

    /** Asks one channel account to poll now. */
    public Map<String, Object> pollNow(String channelId) throws HttpError {
        return channels.pollNow(channelId);
    }
}
