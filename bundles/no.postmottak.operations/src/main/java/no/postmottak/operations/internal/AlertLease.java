package no.postmottak.operations.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.Leases;

/**
 * Decides whether this node mails the conditions every node sees alike: the holder of a database lease does. Without
 * leases (no inbox) or when the database does not answer, this node mails them itself: a duplicate mail is better
 * than none when the database itself is what is wrong.
 */
final class AlertLease {

    private static final Logger LOG = LoggerFactory.getLogger(AlertLease.class);

    private final Leases leases;
    private final String name;
    private final String node;
    private final Duration ttl;
    private Boolean held;

    AlertLease(Leases leases, String name, String node, Duration ttl) {
        this.leases = leases;
        this.name = name;
        this.node = node;
        this.ttl = ttl;
    }

    boolean mailsShared() {
        boolean now;
        if (leases == null) {
            now = true;
        } else {
            try {
                now = leases.acquire(name, node, ttl);
            } catch (InboxException | RuntimeException e) {
                LOG.warn("Could not take or renew the alert lease; this node mails every alert until it can: {}",
                        e.toString());
                return true;
            }
        }
        if (held == null || held != now) {
            LOG.info(now ? "This node mails the alerts all nodes share" : "Another node mails the alerts all nodes share");
        }
        held = now;
        return now;
    }
}
