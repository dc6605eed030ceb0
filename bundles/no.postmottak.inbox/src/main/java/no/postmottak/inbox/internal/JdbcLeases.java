package no.postmottak.inbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.Leases;

/**
 * Expiry-based leases in {@code inbox_lease}. Expiry is measured on the database's clock, so nodes with skewed
 * clocks still agree. Taking a lease is one conditional UPDATE (renew, or take over an expired one) or, when no row
 * exists, an INSERT whose unique key lets exactly one node win.
 */
final class JdbcLeases implements Leases {

    private final Db db;

    JdbcLeases(Db db) {
        this.db = db;
    }

    @Override
    public boolean acquire(String name, String holder, Duration ttl) throws InboxException {
        if (name == null || name.isBlank() || holder == null || holder.isBlank()) {
            throw new IllegalArgumentException("A lease needs a name and a holder");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("A lease needs a positive duration, was " + ttl);
        }
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(true);
            Instant now = Db.databaseNow(c);
            Instant expires = now.plus(ttl);
            try (PreparedStatement ps = c.prepareStatement("UPDATE inbox_lease SET holder = ?, expires_at = ?"
                    + " WHERE name = ? AND (holder = ? OR expires_at <= ?)")) {
                ps.setString(1, holder);
                Db.setInstant(ps, 2, expires);
                ps.setString(3, name);
                ps.setString(4, holder);
                Db.setInstant(ps, 5, now);
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO inbox_lease (name, holder, expires_at) VALUES (?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, holder);
                Db.setInstant(ps, 3, expires);
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (Db.isUniqueViolation(e)) {
                    return false; // another holder has a live lease
                }
                throw e;
            }
        } catch (SQLException e) {
            throw Db.storageFailure(e);
        }
    }

    @Override
    public void release(String name, String holder) throws InboxException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM inbox_lease WHERE name = ? AND holder = ?")) {
            c.setAutoCommit(true);
            ps.setString(1, name);
            ps.setString(2, holder);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Db.storageFailure(e);
        }
    }
}
