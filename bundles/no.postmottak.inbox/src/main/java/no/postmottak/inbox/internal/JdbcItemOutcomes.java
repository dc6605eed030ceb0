package no.postmottak.inbox.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import no.postmottak.api.Channel;
import no.postmottak.api.inbox.AuditEntry;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.ItemOutcomes;

/**
 * Outcomes waiting to be reported, on the item rows themselves: {@code outcome_pending} is set by the move to a final
 * state ({@link ItemRows#updateState}), in that transaction, and cleared here. Failures are counted; the audit trail
 * gets the first failure and every change of error, so a long outage does not flood it.
 */
final class JdbcItemOutcomes implements ItemOutcomes {

    private final Db db;
    private final DocumentStore documents;
    private final Transitions transitions;

    JdbcItemOutcomes(Db db, DocumentStore documents, Transitions transitions) {
        this.db = db;
        this.documents = documents;
        this.transitions = transitions;
    }

    @Override
    public List<ItemOutcome> pending(Channel channel, Set<String> orgnrs, int limit) throws InboxException {
        if (orgnrs == null || orgnrs.isEmpty() || limit < 1 || limit > 500) {
            throw new IllegalArgumentException("pending needs organisations and a limit of 1 to 500");
        }
        String marks = String.join(", ", orgnrs.stream().map(o -> "?").toList());
        return db.read(c -> {
            List<ItemOutcome> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ItemRows.COLUMNS + ", outcome_attempts,"
                    + " outcome_error FROM inbox_item WHERE outcome_pending = TRUE AND channel = ?"
                    + " AND recipient_orgnr IN (" + marks + ") ORDER BY state_changed_at, id FETCH FIRST " + limit
                    + " ROWS ONLY")) {
                int i = 1;
                ps.setString(i++, channel.name());
                for (String orgnr : orgnrs) {
                    ps.setString(i++, orgnr);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject("id", UUID.class);
                        InboxItem item = ItemRows.map(rs, documents.list(c, id));
                        List<AuditEntry> trail = AuditLog.trail(c, id);
                        String detail = trail.isEmpty() ? null : trail.get(trail.size() - 1).detail();
                        list.add(new ItemOutcome(item, detail, rs.getInt("outcome_attempts"),
                                rs.getString("outcome_error")));
                    }
                }
            }
            return list;
        });
    }

    @Override
    public void reported(UUID itemId, String actor, String note) throws InboxException {
        Transitions.requireActor(actor);
        db.write(c -> {
            ItemRows.Locked item = ItemRows.lock(c, itemId)
                    .orElseThrow(() -> new InboxException("Fant ikke elementet " + itemId, false));
            try (PreparedStatement ps = c.prepareStatement("UPDATE inbox_item SET outcome_pending = FALSE,"
                    + " outcome_error = NULL WHERE id = ? AND outcome_pending = TRUE")) {
                ps.setObject(1, itemId);
                if (ps.executeUpdate() == 1) {
                    AuditLog.append(c, itemId, AuditLog.entry(transitions.now(), actor, "outcome-reported",
                            item.state(), item.state(), note));
                }
            }
            return null;
        });
    }

    @Override
    public void reportFailed(UUID itemId, String actor, String error) throws InboxException {
        Transitions.requireActor(actor);
        db.write(c -> {
            ItemRows.Locked item = ItemRows.lock(c, itemId)
                    .orElseThrow(() -> new InboxException("Fant ikke elementet " + itemId, false));
            String previous;
            try (PreparedStatement ps = c.prepareStatement("SELECT outcome_error FROM inbox_item WHERE id = ?")) {
                ps.setObject(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    previous = rs.next() ? rs.getString(1) : null;
                }
            }
            String truncated = AuditLog.truncate(error, 4000);
            try (PreparedStatement ps = c.prepareStatement("UPDATE inbox_item SET outcome_attempts ="
                    + " outcome_attempts + 1, outcome_error = ? WHERE id = ? AND outcome_pending = TRUE")) {
                ps.setString(1, truncated);
                ps.setObject(2, itemId);
                if (ps.executeUpdate() == 1 && !Objects.equals(previous, truncated)) {
                    AuditLog.append(c, itemId, AuditLog.entry(transitions.now(), actor, "outcome-failed",
                            item.state(), item.state(), error));
                }
            }
            return null;
        });
    }
}
