package no.postmottak.inbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import no.postmottak.api.ItemState;
import no.postmottak.api.inbox.AuditEntry;

/** The append-only audit trail of items. */
final class AuditLog {

    private AuditLog() {
    }

    static void append(Connection c, UUID itemId, AuditEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbox_audit (item_id, happened_at, actor, action,"
                + " from_state, to_state, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, itemId);
            Db.setInstant(ps, 2, e.at());
            ps.setString(3, truncate(e.actor(), 255));
            ps.setString(4, truncate(e.action(), 50));
            ps.setString(5, e.from() == null ? null : e.from().name());
            ps.setString(6, e.to().name());
            ps.setString(7, truncate(e.detail(), 4000));
            ps.executeUpdate();
        }
    }

    static List<AuditEntry> trail(Connection c, UUID itemId) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT happened_at, actor, action, from_state, to_state, detail"
                + " FROM inbox_audit WHERE item_id = ? ORDER BY id")) {
            ps.setObject(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String from = rs.getString("from_state");
                    entries.add(new AuditEntry(Db.getInstant(rs, "happened_at"), rs.getString("actor"),
                            rs.getString("action"), from == null ? null : ItemState.valueOf(from),
                            ItemState.valueOf(rs.getString("to_state")), rs.getString("detail")));
                }
            }
        }
        return entries;
    }

    static AuditEntry entry(Instant at, String actor, String action, ItemState from, ItemState to, String detail) {
        return new AuditEntry(at, actor, action, from, to, detail);
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
