package no.postmottak.inbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import no.postmottak.api.inbox.FailedAttempts;
import no.postmottak.api.inbox.InboxException;

/** Failed attempts in {@code failed_attempt}, one row per upstream item; times on the database's clock. */
final class JdbcFailedAttempts implements FailedAttempts {

    private final Db db;

    JdbcFailedAttempts(Db db) {
        this.db = db;
    }

    @Override
    public Attempts recordFailure(String scope, String key) throws InboxException {
        check(scope, key);
        return Upsert.run(db, c -> {
            Instant now = Db.databaseNow(c);
            try (PreparedStatement ps = c.prepareStatement("UPDATE failed_attempt SET attempts = attempts + 1,"
                    + " last_at = ? WHERE scope = ? AND item_key = ?")) {
                Db.setInstant(ps, 1, now);
                ps.setString(2, scope);
                ps.setString(3, key);
                if (ps.executeUpdate() == 1) {
                    return read(c, scope, key);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO failed_attempt (scope, item_key, attempts, last_at) VALUES (?, ?, 1, ?)")) {
                ps.setString(1, scope);
                ps.setString(2, key);
                Db.setInstant(ps, 3, now);
                ps.executeUpdate();
            }
            return new Attempts(1, Db.micros(now));
        });
    }

    @Override
    public Attempts attempts(String scope, String key) throws InboxException {
        check(scope, key);
        return db.read(c -> read(c, scope, key));
    }

    private static Attempts read(Connection c, String scope, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT attempts, last_at FROM failed_attempt WHERE scope = ? AND item_key = ?")) {
            ps.setString(1, scope);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Attempts(rs.getInt(1), Db.getInstant(rs, "last_at")) : Attempts.NONE;
            }
        }
    }

    @Override
    public void reset(String scope, String key) throws InboxException {
        check(scope, key);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM failed_attempt WHERE scope = ? AND item_key = ?")) {
                ps.setString(1, scope);
                ps.setString(2, key);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void resetAll(String scope) throws InboxException {
        check(scope, "-");
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM failed_attempt WHERE scope = ?")) {
                ps.setString(1, scope);
                return ps.executeUpdate();
            }
        });
    }

    private static void check(String scope, String key) {
        if (scope == null || scope.isBlank() || key == null || key.isBlank()) {
            throw new IllegalArgumentException("Failed attempts need a scope and a key");
        }
    }

    /** Removes counts not touched for {@code age} (left by a node that stopped after the item was received). */
    int purgeOlderThan(java.time.Duration age) throws InboxException {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM failed_attempt WHERE last_at < ?")) {
                Db.setInstant(ps, 1, Db.databaseNow(c).minus(age));
                return ps.executeUpdate();
            }
        });
    }
}
