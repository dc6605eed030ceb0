package no.postmottak.operations.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

import no.postmottak.api.ItemState;
import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.OrganisationView;

/**
 * The metrics, read at scrape time from what the services already keep: the channel accounts' counters, the
 * inbox's counts per organisation and state, the health findings, and the archive latencies. Nothing here counts
 * by itself, so the numbers survive a restart of this bundle and agree with the administration page.
 */
final class Metrics {

    private record ChannelMetric(String name, String type, String help, ToDoubleFunction<ChannelStatus> value) {
    }

    private static final List<ChannelMetric> CHANNEL = List.of(
            new ChannelMetric("postmottak_channel_received_total", "counter",
                    "Items received and stored since the account started", ChannelStatus::received),
            new ChannelMetric("postmottak_channel_failed_total", "counter",
                    "Failed receiving attempts since the account started", ChannelStatus::failed),
            new ChannelMetric("postmottak_channel_permanently_failed_total", "counter",
                    "Items reported to the channel as permanently failed", s -> s.counters().permanentlyFailed()),
            new ChannelMetric("postmottak_channel_acknowledged_total", "counter",
                    "Items acknowledged to the channel after they were stored", s -> s.counters().acknowledged()),
            new ChannelMetric("postmottak_channel_downloaded_bytes_total", "counter",
                    "Bytes downloaded from the channel", s -> s.counters().downloadedBytes()),
            new ChannelMetric("postmottak_channel_active", "gauge",
                    "1 while the account polls on this node or stands by for another, 0 when it is stopped",
                    s -> s.state() == ChannelStatus.State.STOPPED ? 0 : 1));

    private final Watch watch;
    private final ArchiveLatencies latencies;

    Metrics(Watch watch, ArchiveLatencies latencies) {
        this.watch = watch;
        this.latencies = latencies;
    }

    String scrape() throws InboxException {
        Instant now = watch.conditions().now();
        MetricsText text = new MetricsText();
        List<ChannelStatus> statuses = watch.statuses();
        for (ChannelMetric m : CHANNEL) {
            text.family(m.name(), m.type(), m.help());
            statuses.forEach(s -> text.sample(m.name(), account(s), m.value().applyAsDouble(s)));
        }
        polls(text, statuses, now);
        backlog(text, statuses, now);
        Inbox inbox = watch.inbox();
        if (inbox != null) {
            items(text, inbox, statuses, now);
        }
        health(text);
        if (latencies != null) {
            latencies.write(text);
        }
        return text.toString();
    }

    private static Map<String, String> account(ChannelStatus s) {
        return MetricsText.labels("channel", s.channel(), "account", s.account());
    }

    private static void polls(MetricsText text, List<ChannelStatus> statuses, Instant now) {
        String name = "postmottak_channel_poll_duration_seconds";
        text.family(name, "summary", "How long the account's polls took (count and sum since it started)");
        for (ChannelStatus s : statuses) {
            text.sample(name + "_count", account(s), s.counters().polls());
            text.sample(name + "_sum", account(s), s.counters().pollTime().toMillis() / 1000.0);
        }
        name = "postmottak_channel_last_success_age_seconds";
        text.family(name, "gauge", "Seconds since the account's last successful poll");
        for (ChannelStatus s : statuses) {
            if (s.lastSucceeded() != null) {
                text.sample(name, account(s), seconds(s.lastSucceeded(), now));
            }
        }
    }

    private static void backlog(MetricsText text, List<ChannelStatus> statuses, Instant now) {
        text.family("postmottak_channel_backlog_items", "gauge", "Items waiting in the channel at the last poll");
        statuses.stream().filter(s -> s.backlog() != null).forEach(s ->
                text.sample("postmottak_channel_backlog_items", account(s), s.backlog().waiting()));
        text.family("postmottak_channel_backlog_oldest_age_seconds", "gauge",
                "Age of the oldest item waiting in the channel at the last poll (0 when none waited)");
        statuses.stream().filter(s -> s.backlog() != null).forEach(s ->
                text.sample("postmottak_channel_backlog_oldest_age_seconds", account(s),
                        s.backlog().oldest() == null ? 0 : seconds(s.backlog().oldest(), now)));
    }

    private void items(MetricsText text, Inbox inbox, List<ChannelStatus> statuses, Instant now)
            throws InboxException {
        TreeSet<String> orgnrs = new TreeSet<>();
        inbox.organisations().stream().map(OrganisationView::orgnr).forEach(orgnrs::add);
        statuses.forEach(s -> orgnrs.addAll(s.orgnrs()));
        List<Map.Entry<String, Map<ItemState, Long>>> counts = new ArrayList<>();
        for (String orgnr : orgnrs) {
            counts.add(Map.entry(orgnr, inbox.countByState(orgnr)));
        }
        itemFamily(text, counts, "postmottak_items_open", "gauge", "Items a clerk can still act on (received or "
                + "archive failed)", ItemState.RECEIVED, ItemState.ARCHIVE_FAILED);
        itemFamily(text, counts, "postmottak_items_archive_failed", "gauge", "Items whose last archiving failed",
                ItemState.ARCHIVE_FAILED);
        itemFamily(text, counts, "postmottak_items_archived_total", "counter", "Items archived",
                ItemState.ARCHIVED);
        itemFamily(text, counts, "postmottak_items_deleted_total", "counter", "Items deleted", ItemState.DELETED);
        itemFamily(text, counts, "postmottak_items_forwarded_total", "counter", "Items forwarded",
                ItemState.FORWARDED);
        String name = "postmottak_items_oldest_untouched_age_seconds";
        text.family(name, "gauge", "Age of the oldest item nobody has acted on (0 when there is none)");
        List<InboxItem> oldest = inbox.untouchedSince(now, 1);
        text.sample(name, Map.of(), oldest.isEmpty() ? 0 : seconds(oldest.get(0).receivedAt(), now));
    }

    private static void itemFamily(MetricsText text, List<Map.Entry<String, Map<ItemState, Long>>> counts,
                                   String name, String type, String help, ItemState... states) {
        text.family(name, type, help + ", per organisation");
        for (Map.Entry<String, Map<ItemState, Long>> e : counts) {
            long n = 0;
            for (ItemState state : states) {
                n += e.getValue().getOrDefault(state, 0L);
            }
            text.sample(name, MetricsText.labels("orgnr", e.getKey()), n);
        }
    }

    private void health(MetricsText text) {
        String name = "postmottak_health_status";
        text.family(name, "gauge", "Each health check's worst finding: 0 OK, 1 warning, 2 critical");
        for (Finding.Area area : Finding.Area.values()) {
            int worst = watch.findings(area).stream().mapToInt(f -> f.level().ordinal()).max().orElse(0);
            text.sample(name, MetricsText.labels("check", area.name().toLowerCase(java.util.Locale.ROOT)), worst);
        }
    }

    private static double seconds(Instant from, Instant now) {
        return Math.max(0, Duration.between(from, now).toMillis() / 1000.0);
    }
}
