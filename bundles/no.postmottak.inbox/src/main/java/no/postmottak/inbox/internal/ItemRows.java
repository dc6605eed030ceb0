package no.postmottak.inbox.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import no.postmottak.api.Channel;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.ItemState;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.StoredDocument;

/** Reading and writing rows of {@code inbox_item}. */
final class ItemRows {

    static final String COLUMNS = "id, received_at, state, version, org_configured, metadata_json, receipt_json";

    /** The item row's current state and version, read under a row lock. */
    record Locked(UUID id, String orgnr, ItemState state, int version) {
    }

    /** A deleted item whose content is still stored. */
    record Deleted(UUID id, String orgnr, Instant deletedAt) {
    }

    private ItemRows() {
    }

    static List<UUID> idsInStateSince(Connection c, ItemState state, Instant before) throws SQLException {
        List<UUID> ids = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM inbox_item WHERE state = ? AND state_changed_at < ?")) {
            ps.setString(1, state.name());
            Db.setInstant(ps, 2, before);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    static List<Deleted> deletedWithContent(Connection c) throws SQLException {
        List<Deleted> list = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.id, i.recipient_orgnr, i.state_changed_at"
                + " FROM inbox_item i WHERE i.state = ? AND EXISTS (SELECT 1 FROM inbox_document d"
                + " WHERE d.item_id = i.id AND d.purged = FALSE)")) {
            ps.setString(1, ItemState.DELETED.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Deleted(rs.getObject(1, UUID.class), rs.getString(2),
                            Db.getInstant(rs, "state_changed_at")));
                }
            }
        }
        return list;
    }

    /**
     * The most bytes (UTF-8) of search_text: on PostgreSQL it is in the page-order indexes (V7), whose rows must stay
     * under the B-tree limit of 2,704 bytes with the key columns. Norwegian title and sender fit whole; a title of
     * 1,000 characters outside Latin-1 is searchable in its first part.
     */
    static final int SEARCH_TEXT_MAX_BYTES = 2000;

    /** Title and sender, lower-cased, cut at a character boundary to {@link #SEARCH_TEXT_MAX_BYTES}. */
    static String searchText(String title, String sender) {
        String text = (title + " " + sender).toLowerCase(Locale.ROOT);
        // The encoder stops before the first character that does not fit whole; the input's position says where.
        CharBuffer in = CharBuffer.wrap(text);
        StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .encode(in, ByteBuffer.allocate(SEARCH_TEXT_MAX_BYTES), true);
        return text.substring(0, in.position());
    }

    static void insert(Connection c, UUID id, IncomingItem item, Instant receivedAt, boolean orgConfigured)
            throws SQLException {
        String title = AuditLog.truncate(item.title(), 1000);
        String sender = AuditLog.truncate(item.sender().name(), 500);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbox_item (id, channel, channel_id,"
                + " recipient_orgnr, title, sender_name, search_text, received_at, state, state_changed_at, version,"
                + " org_configured, metadata_json, confidential) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, item.channel().name());
            ps.setString(3, item.channelId());
            ps.setString(4, item.recipientOrgnr());
            ps.setString(5, title);
            ps.setString(6, sender);
            ps.setString(7, searchText(title, sender));
            Db.setInstant(ps, 8, receivedAt);
            ps.setString(9, ItemState.RECEIVED.name());
            Db.setInstant(ps, 10, receivedAt);
            ps.setInt(11, 0);
            ps.setBoolean(12, orgConfigured);
            ps.setString(13, Json.write(item));
            ps.setBoolean(14, item.confidential());
            ps.executeUpdate();
        }
    }

    static Optional<UUID> findByChannel(Connection c, Channel channel, String channelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM inbox_item WHERE channel = ? AND channel_id = ?")) {
            ps.setString(1, channel.name());
            ps.setString(2, channelId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /** Which of these channel ids of the channel are stored (at most a few hundred: a page of offered items). */
    static Set<String> storedAmong(Connection c, Channel channel, List<String> channelIds) throws SQLException {
        Set<String> stored = new HashSet<>();
        if (channelIds.isEmpty()) {
            return stored;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT channel_id FROM inbox_item WHERE channel = ?"
                + " AND channel_id IN (" + String.join(", ", Collections.nCopies(channelIds.size(), "?")) + ")")) {
            ps.setString(1, channel.name());
            for (int i = 0; i < channelIds.size(); i++) {
                ps.setString(i + 2, channelIds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
        }
        return stored;
    }

    static Optional<InboxItem> get(Connection c, UUID id, DocumentStore documents) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM inbox_item WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs, documents.list(c, id))) : Optional.empty();
            }
        }
    }

    static InboxItem map(ResultSet rs, List<StoredDocument> documents) throws SQLException {
        return new InboxItem(rs.getObject("id", UUID.class), Json.item(rs.getString("metadata_json")),
                Db.getInstant(rs, "received_at"), ItemState.valueOf(rs.getString("state")), documents,
                Json.receipt(rs.getString("receipt_json")), rs.getBoolean("org_configured"));
    }

    /** Locks the item row for the rest of the transaction, so that concurrent actions on it run one at a time. */
    static Optional<Locked> lock(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT recipient_orgnr, state, version FROM inbox_item WHERE id = ? FOR UPDATE")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Locked(id, rs.getString(1), ItemState.valueOf(rs.getString(2)),
                        rs.getInt(3))) : Optional.empty();
            }
        }
    }

    /**
     * Moves the item on; the version check makes a lost race visible even without the row lock. A final state makes
     * the item's outcome pending for the channels that report it (ItemOutcomes), in the same statement.
     */
    static boolean updateState(Connection c, Locked item, ItemState to, Instant at, String lastError)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE inbox_item SET state = ?, state_changed_at = ?,"
                + " version = version + 1, last_error = ?, outcome_pending = ? WHERE id = ? AND version = ?")) {
            ps.setString(1, to.name());
            Db.setInstant(ps, 2, at);
            ps.setString(3, AuditLog.truncate(lastError, 4000));
            ps.setBoolean(4, to.isFinal());
            ps.setObject(5, item.id());
            ps.setInt(6, item.version());
            return ps.executeUpdate() == 1;
        }
    }

    static void storeReceipt(Connection c, UUID id, String receiptJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE inbox_item SET receipt_json = ? WHERE id = ?")) {
            ps.setString(1, receiptJson);
            ps.setObject(2, id);
            ps.executeUpdate();
        }
    }
}
