package no.postmottak.inbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The claim of an item in ARCHIVING: which node archives it and until when (database clock). The owner renews the
 * claim while its archive call runs; a claim that ran out belongs to a node that died (or lost the database), and
 * another node may take the item over. The item's row lock serialises claim, renewal, takeover and finish.
 */
final class ArchivingClaims {

    private ArchivingClaims() {
    }

    /** Sets the claim on a locked item that is being moved to ARCHIVING. */
    static void claim(Connection c, UUID id, String owner, Duration ttl, String requestJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE inbox_item SET archiving_owner = ?,"
                + " archiving_expires_at = ?, archiving_request = ? WHERE id = ?")) {
            ps.setString(1, owner);
            Db.setInstant(ps, 2, Db.databaseNow(c).plus(ttl));
            ps.setString(3, requestJson);
            ps.setObject(4, id);
            ps.executeUpdate();
        }
    }

    /** Renews the owner's claim; false when the item is no longer ARCHIVING under this owner (taken over). */
    static boolean renew(Connection c, UUID id, String owner, Duration ttl) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE inbox_item SET archiving_expires_at = ?"
                + " WHERE id = ? AND state = 'ARCHIVING' AND archiving_owner = ?")) {
            Db.setInstant(ps, 1, Db.databaseNow(c).plus(ttl));
            ps.setObject(2, id);
            ps.setString(3, owner);
            return ps.executeUpdate() == 1;
        }
    }

    /** The owner of the locked item's claim, or null. */
    static String owner(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT archiving_owner FROM inbox_item WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The stored request of the locked item (JSON), or null for claims made before there was one. */
    static String request(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT archiving_request FROM inbox_item WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Items in ARCHIVING whose claim ran out; items without a claim (moved to ARCHIVING before claims existed) count
     * once they have been archiving for {@code ttl}.
     */
    static List<UUID> abandoned(Connection c, Duration ttl) throws SQLException {
        Instant now = Db.databaseNow(c);
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM inbox_item WHERE state = 'ARCHIVING' AND"
                + " (archiving_expires_at < ? OR (archiving_expires_at IS NULL AND state_changed_at < ?))")) {
            Db.setInstant(ps, 1, now);
            Db.setInstant(ps, 2, now.minus(ttl));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /** Whether the locked item's claim has run out (or it has none and has been archiving for {@code ttl}). */
    static boolean isAbandoned(Connection c, UUID id, Duration ttl) throws SQLException {
        Instant now = Db.databaseNow(c);
        try (PreparedStatement ps = c.prepareStatement("SELECT archiving_expires_at, state_changed_at"
                + " FROM inbox_item WHERE id = ? AND state = 'ARCHIVING'")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                Instant expires = Db.getInstant(rs, "archiving_expires_at");
                return expires != null ? expires.isBefore(now)
                        : Db.getInstant(rs, "state_changed_at").isBefore(now.minus(ttl));
            }
        }
    }

    /** Clears the claim when the item leaves ARCHIVING. */
    static void clear(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE inbox_item SET archiving_owner = NULL,"
                + " archiving_expires_at = NULL, archiving_request = NULL WHERE id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
    }
}
