package no.postmottak.itest.cluster;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the cluster's one PostgreSQL holds, read directly with SQL from the test JVM: the leases, the stored items
 * and the SHA-256 of their stored content (recomputed from the chunk rows, not taken from the sha256 column).
 */
final class ClusterDb {

    /** A live lease: who holds it. */
    record Lease(String name, String holder, Instant expiresAt) {
    }

    /** One stored document: its file name and the SHA-256 of the content as stored. */
    record StoredDocument(String fileName, String sha256) {
    }

    private final String jdbcUrl;

    ClusterDb(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    /** The live (unexpired, on the database's clock) lease whose name starts with {@code prefix}. */
    Optional<Lease> liveLease(String prefix) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT name, holder, expires_at"
                + " FROM inbox_lease WHERE name LIKE ? AND expires_at > now()")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Lease(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant())) : Optional.empty();
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return Optional.empty(); // no schema yet: no node has started its inbox
            }
            throw e;
        }
    }

    /** How many items are stored per channel id (the forsendelse id), for these ids. */
    Map<String, Integer> storedCounts(Set<String> channelIds) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT channel_id, count(*) FROM inbox_item WHERE channel_id = ANY (?) GROUP BY channel_id")) {
            ps.setArray(1, c.createArrayOf("varchar", channelIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    /** How many of these ids are stored (at least once). */
    int stored(Set<String> channelIds) throws SQLException {
        return storedCounts(channelIds).size();
    }

    /** The first time an item was stored after {@code after}, on the machine's clock (PostgreSQL runs here too). */
    Optional<Instant> firstStoredAfter(Instant after) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT min(received_at) FROM inbox_item WHERE received_at > ?")) {
            ps.setTimestamp(1, Timestamp.from(after));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                return Optional.ofNullable(t).map(Timestamp::toInstant);
            }
        }
    }

    /** The documents of the item stored for {@code channelId}, in order, each hashed from its chunk rows. */
    List<StoredDocument> documents(String channelId) throws Exception {
        List<StoredDocument> documents = new ArrayList<>();
        try (Connection c = connect();
             PreparedStatement docs = c.prepareStatement("SELECT d.item_id, d.idx, d.file_name FROM inbox_document d"
                     + " JOIN inbox_item i ON i.id = d.item_id WHERE i.channel_id = ? ORDER BY d.idx");
             PreparedStatement chunks = c.prepareStatement(
                     "SELECT data FROM document_chunk WHERE item_id = ? AND idx = ? ORDER BY seq")) {
            docs.setString(1, channelId);
            try (ResultSet d = docs.executeQuery()) {
                while (d.next()) {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    chunks.setObject(1, d.getObject(1));
                    chunks.setInt(2, d.getInt(2));
                    try (ResultSet ch = chunks.executeQuery()) {
                        while (ch.next()) {
                            sha.update(ch.getBytes(1));
                        }
                    }
                    documents.add(new StoredDocument(d.getString(3), HexFormat.of().formatHex(sha.digest())));
                }
            }
        }
        return documents;
    }

    /** The state of the item stored for {@code channelId}, or empty. */
    Optional<String> state(String channelId) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT state FROM inbox_item WHERE channel_id = ?")) {
            ps.setString(1, channelId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The item id (UUID) stored for {@code channelId}. */
    String itemId(String channelId) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM inbox_item WHERE channel_id = ?")) {
            ps.setString(1, channelId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("not stored: " + channelId);
                }
                return rs.getString(1);
            }
        }
    }
}
