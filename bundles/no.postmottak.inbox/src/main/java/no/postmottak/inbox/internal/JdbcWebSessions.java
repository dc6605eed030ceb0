package no.postmottak.inbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.WebSessions;

/**
 * Web sessions in {@code web_session} and the login limit in {@code login_failure}. A request writes its session's
 * last use at most once per {@link #touchEvery} (a minute, or a tenth of the idle timeout when that is shorter), so
 * browsing costs one indexed read per request, not a durable write.
 */
final class JdbcWebSessions implements WebSessions {

    private static final String COLUMNS = "id_hash, username, roles, csrf_token, created_at, last_used, expires_at";

    private final Db db;

    JdbcWebSessions(Db db) {
        this.db = db;
    }

    @Override
    public boolean create(Session s, int maxSessions) throws InboxException {
        if (s.idHash() == null || s.idHash().length() != 64) {
            throw new IllegalArgumentException("A session is stored by the SHA-256 (hex) of its token");
        }
        return db.write(c -> {
            deleteExpired(c, s.created());
            // A soft bound: two nodes creating the last session at once may both succeed.
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM web_session");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) >= maxSessions) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO web_session (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, s.idHash());
                ps.setString(2, s.user());
                ps.setString(3, String.join("\n", s.roles()));
                ps.setString(4, s.csrfToken());
                Db.setInstant(ps, 5, s.created());
                Db.setInstant(ps, 6, s.lastUsed());
                Db.setInstant(ps, 7, s.expiresAt());
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public Optional<Session> use(String idHash, Instant now, Duration idleTimeout) throws InboxException {
        if (idHash == null || idHash.isEmpty()) {
            return Optional.empty();
        }
        Optional<Session> found = db.read(c -> find(c, idHash));
        if (found.isEmpty()) {
            return found;
        }
        Session s = found.get();
        if (s.expiresAt().isBefore(now)) {
            delete(idHash);
            return Optional.empty();
        }
        if (Duration.between(s.lastUsed(), now).compareTo(touchEvery(idleTimeout)) < 0) {
            return found;
        }
        Instant expires = now.plus(idleTimeout);
        int updated = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE web_session SET last_used = ?, expires_at = ?"
                    + " WHERE id_hash = ?")) {
                Db.setInstant(ps, 1, now);
                Db.setInstant(ps, 2, expires);
                ps.setString(3, idHash);
                return ps.executeUpdate();
            }
        });
        return updated == 0 ? Optional.empty() // logged out meanwhile, on this node or another
                : Optional.of(new Session(s.idHash(), s.user(), s.roles(), s.csrfToken(), s.created(),
                        Db.micros(now), Db.micros(expires)));
    }

    static Duration touchEvery(Duration idleTimeout) {
        Duration tenth = idleTimeout.dividedBy(10);
        return tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
    }

    private static Optional<Session> find(Connection c, String idHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM web_session WHERE id_hash = ?")) {
            ps.setString(1, idHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String roles = rs.getString("roles");
                Set<String> set = roles.isEmpty() ? Set.of()
                        : Arrays.stream(roles.split("\n")).collect(Collectors.toUnmodifiableSet());
                return Optional.of(new Session(rs.getString("id_hash"), rs.getString("username"), set,
                        rs.getString("csrf_token"), Db.getInstant(rs, "created_at"), Db.getInstant(rs, "last_used"),
                        Db.getInstant(rs, "expires_at")));
            }
        }
    }

    @Override
    public void delete(String idHash) throws InboxException {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE id_hash = ?")) {
                ps.setString(1, idHash);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public int purgeExpired(Instant now) throws InboxException {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_failure WHERE first_at < ?")) {
                Db.setInstant(ps, 1, now.minus(Duration.ofDays(1)));
                ps.executeUpdate();
            }
            return deleteExpired(c, now);
        });
    }

    private static int deleteExpired(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE expires_at < ?")) {
            Db.setInstant(ps, 1, now);
            return ps.executeUpdate();
        }
    }

    @Override
    public LoginFailures loginFailed(String key, Instant now, Duration window) throws InboxException {
        Instant windowStart = now.minus(window);
        return Upsert.run(db, c -> {
            // A window that has run out starts over with this failure.
            try (PreparedStatement ps = c.prepareStatement("UPDATE login_failure SET"
                    + " failures = CASE WHEN first_at <= ? THEN 1 ELSE failures + 1 END,"
                    + " first_at = CASE WHEN first_at <= ? THEN ? ELSE first_at END WHERE fail_key = ?")) {
                Db.setInstant(ps, 1, windowStart);
                Db.setInstant(ps, 2, windowStart);
                Db.setInstant(ps, 3, now);
                ps.setString(4, key);
                if (ps.executeUpdate() == 1) {
                    return readFailures(c, key).orElseThrow();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO login_failure (fail_key, failures, first_at) VALUES (?, 1, ?)")) {
                ps.setString(1, key);
                Db.setInstant(ps, 2, now);
                ps.executeUpdate();
            }
            return new LoginFailures(1, Db.micros(now));
        });
    }

    @Override
    public Optional<LoginFailures> loginFailures(String key, Instant now, Duration window) throws InboxException {
        return db.read(c -> readFailures(c, key)).filter(f -> now.isBefore(f.first().plus(window)));
    }

    private static Optional<LoginFailures> readFailures(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT failures, first_at FROM login_failure WHERE fail_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new LoginFailures(rs.getInt(1), Db.getInstant(rs, "first_at")))
                        : Optional.empty();
            }
        }
    }

    @Override
    public void clearLoginFailures(String key) throws InboxException {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_failure WHERE fail_key = ?")) {
                ps.setString(1, key);
                return ps.executeUpdate();
            }
        });
    }
}
