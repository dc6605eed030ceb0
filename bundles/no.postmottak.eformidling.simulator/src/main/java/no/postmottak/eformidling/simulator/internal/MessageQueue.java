package no.postmottak.eformidling.simulator.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import no.postmottak.eformidling.simulator.Call;
import no.postmottak.eformidling.simulator.IpKnobs;
import no.postmottak.eformidling.simulator.Message;
import no.postmottak.eformidling.simulator.MessageState;

/**
 * The incoming queue with the integrasjonspunkt's rules (NextMoveMessageInService): peek locks the first unlocked
 * match for the lock timeout; pop and DELETE need that lock (400 without, 404 for an unknown id); an expired lock
 * makes the message peekable again; a message with an id already waiting is discarded; DELETE registers
 * INNKOMMENDE_LEVERT. Thread-safe: every operation holds the queue's lock.
 */
final class MessageQueue {

    /** A message in the queue. */
    static final class Entry {
        final Message message;
        Instant lockedUntil;
        int peeks;
        int pops;
        boolean deleted;
        Instant lastUpdate;

        Entry(Message message, Instant now) {
            this.message = message;
            this.lastUpdate = now;
        }

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }

        MessageState state(Instant now) {
            return new MessageState(message.messageId(), message.serviceIdentifier(), message.receiverOrgnr(),
                    deleted ? "INNKOMMENDE_LEVERT" : "INNKOMMENDE_MOTTATT", !deleted && lockedAt(now), peeks, pops,
                    deleted);
        }
    }

    /** The outcome of a pop or DELETE check: the entry, or the status to answer. */
    record Checked(Entry entry, int status) {
    }

    /** What a peek may take: each non-null value must match. */
    record Filter(String receiverIdentifier, String senderIdentifier, String serviceIdentifier, String process,
                  String conversationId, String messageId) {

        boolean matches(Message m) {
            return same(orgnr(receiverIdentifier), m.receiverOrgnr()) && same(orgnr(senderIdentifier), m.senderOrgnr())
                    && sameIgnoreCase(serviceIdentifier, m.serviceIdentifier()) && same(process, m.process())
                    && same(conversationId, m.conversationId()) && same(messageId, m.messageId());
        }

        private static boolean same(String wanted, String actual) {
            return wanted == null || wanted.isBlank() || wanted.equals(actual);
        }

        private static boolean sameIgnoreCase(String wanted, String actual) {
            return wanted == null || wanted.isBlank() || wanted.equalsIgnoreCase(actual);
        }

        /** The IP stores identifiers with or without the ICD prefix; compare the organisation number. */
        private static String orgnr(String identifier) {
            if (identifier == null) {
                return null;
            }
            int colon = identifier.indexOf(':');
            return colon < 0 ? identifier : identifier.substring(colon + 1);
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final IpKnobs knobs;
    private final Clock clock;

    MessageQueue(IpKnobs knobs, Clock clock) {
        this.knobs = knobs;
        this.clock = clock;
    }

    /** Queues a message; one whose id still waits is discarded, as the IP does. Returns whether it was queued. */
    synchronized boolean add(Message m) {
        Entry existing = entries.get(m.messageId());
        if (existing != null && !existing.deleted) {
            return false;
        }
        entries.remove(m.messageId()); // a delivered id may come again: the IP only knows waiting messages
        entries.put(m.messageId(), new Entry(m, clock.instant()));
        return true;
    }

    /** Locks and returns the first unlocked, waiting message the filter matches. */
    synchronized Optional<Entry> peek(Filter filter) {
        Instant now = clock.instant();
        for (Entry e : entries.values()) {
            if (!e.deleted && !e.lockedAt(now) && filter.matches(e.message)) {
                e.lockedUntil = knobs.takeExpireAfterPeek() ? now : now.plus(knobs.lockTimeout());
                e.peeks++;
                calls.add(new Call(now, Call.Kind.PEEK, e.message.messageId(), 200));
                return Optional.of(e);
            }
        }
        calls.add(new Call(now, Call.Kind.PEEK, null, 204));
        return Optional.empty();
    }

    /** Whether the message may be popped now: 404 unknown, 400 not locked, 500 by the knob, else 200. */
    synchronized Checked pop(String messageId) {
        Instant now = clock.instant();
        Entry e = entries.get(messageId);
        int status = e == null || e.deleted ? 404 : !e.lockedAt(now) ? 400 : knobs.takeFailPop() ? 500 : 200;
        if (status == 200) {
            e.pops++;
            if (knobs.takeExpireBeforeDelete()) {
                e.lockedUntil = now;
            }
        }
        calls.add(new Call(now, Call.Kind.POP, messageId, status == 200 && e.message.isReceipt() ? 204 : status));
        return new Checked(status == 200 ? e : null, status);
    }

    /** Records that a pop was cut off after it began (the status line said 200). */
    synchronized void popCut(String messageId) {
        calls.add(new Call(clock.instant(), Call.Kind.POP, messageId, 499));
    }

    /** Deletes a locked message: 404 unknown, 400 not locked, else 200 and INNKOMMENDE_LEVERT. */
    synchronized Checked delete(String messageId) {
        Instant now = clock.instant();
        Entry e = entries.get(messageId);
        int status = e == null || e.deleted ? 404 : !e.lockedAt(now) ? 400 : 200;
        if (status == 200) {
            e.deleted = true;
            e.lockedUntil = null;
            e.lastUpdate = now;
        }
        calls.add(new Call(now, Call.Kind.DELETE, messageId, status));
        return new Checked(status == 200 ? e : null, status);
    }

    /** Every waiting message the filter matches, in arrival order (for {@code GET /in}). */
    synchronized List<Entry> waiting(Filter filter) {
        List<Entry> list = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (!e.deleted && filter.matches(e.message)) {
                list.add(e);
            }
        }
        return list;
    }

    synchronized List<MessageState> states() {
        Instant now = clock.instant();
        return entries.values().stream().map(e -> e.state(now)).toList();
    }

    synchronized Optional<Entry> get(String messageId) {
        return Optional.ofNullable(entries.get(messageId));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized void clear() {
        entries.clear();
        calls.clear();
    }
}
