package no.postmottak.inbox.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import no.postmottak.api.ItemState;
import no.postmottak.api.inbox.InboxException;

/** State changes with the row lock, the legality check, the version bump and the audit entry in one place. */
final class Transitions {

    private final Clock clock;

    Transitions(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return Db.micros(clock.instant());
    }

    /** Locks the item and checks that the clerk's action may move it to {@code target}. */
    ItemRows.Locked lockFor(Connection c, UUID itemId, ItemState target) throws SQLException, InboxException {
        ItemRows.Locked item = ItemRows.lock(c, itemId)
                .orElseThrow(() -> new InboxException("Fant ikke elementet " + itemId, false));
        if (!item.state().canMoveTo(target)) {
            throw new InboxException(refusal(item.state()), false);
        }
        return item;
    }

    /** Moves a locked item to {@code to} and writes the audit entry. */
    void move(Connection c, ItemRows.Locked item, ItemState to, String actor, String action, String detail,
              String lastError) throws SQLException, InboxException {
        Instant now = now();
        if (!ItemRows.updateState(c, item, to, now, lastError)) {
            throw new InboxException("Elementet ble endret av noen andre samtidig; last det på nytt", false);
        }
        AuditLog.append(c, item.id(), AuditLog.entry(now, actor, action, item.state(), to, detail));
    }

    /** Why a clerk's action is refused in this state, as the clerk reads it. */
    static String refusal(ItemState state) {
        return switch (state) {
            case ARCHIVED -> "Elementet er allerede arkivert";
            case DELETED -> "Elementet er slettet";
            case FORWARDED -> "Elementet er allerede videresendt";
            case ARCHIVING -> "Elementet arkiveres nå; vent til arkiveringen er ferdig";
            case RECEIVED, ARCHIVE_FAILED -> "Handlingen er ikke tillatt for elementet nå";
        };
    }

    static String requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("Handlingen må ha en bruker (actor)");
        }
        return actor;
    }
}
