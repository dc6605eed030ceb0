package no.postmottak.web.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.ItemState;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;

/** The administration page's data: unconfigured organisations, counts per state per org, stuck items, status. */
public final class AdminOverview {

    private static final Logger LOG = LoggerFactory.getLogger(AdminOverview.class);
    private static final int STUCK_LIMIT = 200;

    private final Inbox inbox;
    private final OrgDirectory directory;
    private final Supplier<Collection<StatusContributor>> contributors;
    private final Clock clock;

    public AdminOverview(Inbox inbox, OrgDirectory directory, Supplier<Collection<StatusContributor>> contributors,
                         Clock clock) {
        this.inbox = inbox;
        this.directory = directory;
        this.contributors = contributors;
        this.clock = clock;
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
                "status", status());
    }

    /** A failing contributor shows as a red line instead of breaking the page. */
    private List<Map<String, Object>> status() {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (StatusContributor c : contributors.get()) {
            List<Map<String, Object>> lines;
            try {
                lines = c.status().stream()
                        .map(l -> JsonViews.map("label", l.label(), "value", l.value(), "ok", l.ok())).toList();
            } catch (RuntimeException e) {
                LOG.warn("Statusbidraget {} feilet", c.getClass().getName(), e);
                lines = List.of(JsonViews.map("label", "Feil", "value", "Status kunne ikke hentes", "ok", false));
            }
            sections.add(JsonViews.map("title", c.title(), "lines", lines));
        }
        return sections;
    }
}
