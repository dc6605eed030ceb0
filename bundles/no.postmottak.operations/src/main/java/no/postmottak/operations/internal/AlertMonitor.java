package no.postmottak.operations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.channel.ChannelStatus;

/**
 * Mails operators when a condition starts and when it ends (see {@link AlertTracker}), and when a channel account
 * reports new permanent failures. Called periodically; a mail that cannot be sent is tried again at the next call.
 */
final class AlertMonitor {

    /**
     * @param recipients        who gets every alert
     * @param accountRecipients additional recipients per channel account name
     * @param delay             how long a condition that often clears by itself must last before it is mailed
     * @param installation      the installation's name in subjects and texts
     */
    record Settings(List<String> recipients, Map<String, List<String>> accountRecipients, Duration delay,
                    String installation) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(AlertMonitor.class);
    private static final int MAX_PENDING = 100;

    private record Pending(List<String> to, AlertMails.Mail mail) {
    }

    private final Supplier<List<Finding>> findings;
    private final Supplier<List<ChannelStatus>> statuses;
    private final Mailer mailer;
    private final Settings settings;
    private final Clock clock;
    private final AlertTracker tracker = new AlertTracker();
    private final Map<String, Long> permanentFailures = new HashMap<>();
    private final Deque<Pending> pending = new ArrayDeque<>();

    AlertMonitor(Supplier<List<Finding>> findings, Supplier<List<ChannelStatus>> statuses, Mailer mailer,
                 Settings settings, Clock clock) {
        this.findings = findings;
        this.statuses = statuses;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
    }

    /** One round on a single node: evaluate, mail what changed. */
    void evaluate() {
        evaluate(true);
    }

    /**
     * One round: evaluate, mail what changed.
     *
     * @param mailShared whether this node mails the conditions every node sees alike ({@link Finding.Area#sharedByNodes});
     *                   in a cluster only one node does. The others still follow them, so the node that takes over
     *                   does not mail an ongoing condition a second time, only its end.
     */
    synchronized void evaluate(boolean mailShared) {
        Instant now = clock.instant();
        retryPending();
        for (AlertTracker.Event e : tracker.update(findings.get(), now,
                f -> f.area().alertDelayed() ? settings.delay() : Duration.ZERO)) {
            Finding f = e.finding();
            if (!mailShared && f.area().sharedByNodes()) {
                LOG.debug("Alert {} {} is mailed by another node", f.key(), e.change());
            } else if (e.change() == AlertTracker.Change.STARTED) {
                LOG.warn("Alert started: {} since {}: {}", f.key(), e.since(), f.text());
                send(recipients(f.account()), AlertMails.started(e, settings.installation()));
            } else {
                LOG.info("Alert ended: {} (since {})", f.key(), e.since());
                send(recipients(f.account()), AlertMails.ended(e, now, settings.installation()));
            }
        }
        permanentFailures(statuses.get());
    }

    /** New permanent failures since the last round; the first sight of an account is its baseline. */
    private void permanentFailures(Collection<ChannelStatus> current) {
        Set<String> seen = new LinkedHashSet<>();
        for (ChannelStatus s : current) {
            String key = s.channel() + "/" + s.account();
            seen.add(key);
            long count = s.counters().permanentlyFailed();
            Long before = permanentFailures.put(key, count);
            if (before != null && count > before) {
                LOG.warn("Channel account {} reported {} new permanent failure(s)", key, count - before);
                send(recipients(s.account()), AlertMails.permanentFailures(s.channel(), s.account(), count - before,
                        settings.installation()));
            }
        }
        permanentFailures.keySet().retainAll(seen);
    }

    private List<String> recipients(String account) {
        Set<String> to = new LinkedHashSet<>(settings.recipients());
        if (account != null) {
            to.addAll(settings.accountRecipients().getOrDefault(account, List.of()));
        }
        return List.copyOf(to);
    }

    private void send(List<String> to, AlertMails.Mail mail) {
        if (to.isEmpty()) {
            return; // no recipients configured: the log line above is all
        }
        try {
            mailer.send(to, mail.subject(), mail.body());
        } catch (Exception e) {
            LOG.warn("Alert mail \"{}\" could not be sent; trying again in the next round: {}", mail.subject(),
                    e.toString());
            if (pending.size() < MAX_PENDING) {
                pending.add(new Pending(to, mail));
            }
        }
    }

    private void retryPending() {
        List<Pending> retry = new ArrayList<>(pending);
        pending.clear();
        for (Pending p : retry) {
            send(p.to(), p.mail());
        }
    }
}
