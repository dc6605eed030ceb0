package no.postmottak.inbox.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveProgress;
import no.postmottak.api.inbox.InboxException;

/**
 * A provider's resume notes for one item, in {@code archive_progress}; {@link #save} commits before it returns. A save
 * is also a fence: it succeeds only while this node's archiving claim holds, so a node that was paused past its claim
 * (and taken over) is stopped at its next save instead of going on beside the node that resumed the item.
 */
final class JdbcArchiveProgress implements ArchiveProgress {

    private final Db db;
    private final UUID itemId;
    private final String owner;

    /** @param owner the node whose claim must hold for a save, or null for no check */
    JdbcArchiveProgress(Db db, UUID itemId, String owner) {
        this.db = db;
        this.itemId = itemId;
        this.owner = owner;
    }

    @Override
    public Map<String, String> load() {
        try {
            return db.read(c -> {
                Map<String, String> notes = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT note_key, note_value FROM archive_progress WHERE item_id = ? ORDER BY note_key")) {
                    ps.setObject(1, itemId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            notes.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
                return Map.copyOf(notes);
            });
        } catch (InboxException e) {
            // The interface cannot throw here; a provider that cannot see its notes must not guess.
            throw new IllegalStateException("Kunne ikke lese arkiveringsframdriften: " + e.getMessage(), e);
        }
    }

    @Override
    public void save(Map<String, String> notes) throws ArchiveException {
        try {
            db.write(c -> {
                if (owner != null && !ownsClaim(c)) {
                    throw new InboxException("Arkiveringen er overtatt av en annen node", false);
                }
                try (PreparedStatement del = c.prepareStatement("DELETE FROM archive_progress WHERE item_id = ?");
                     PreparedStatement ins = c.prepareStatement(
                             "INSERT INTO archive_progress (item_id, note_key, note_value) VALUES (?, ?, ?)")) {
                    del.setObject(1, itemId);
                    del.executeUpdate();
                    for (Map.Entry<String, String> e : notes.entrySet()) {
                        ins.setObject(1, itemId);
                        ins.setString(2, e.getKey());
                        ins.setString(3, e.getValue());
                        ins.addBatch();
                    }
                    if (!notes.isEmpty()) {
                        ins.executeBatch();
                    }
                }
                return null;
            });
        } catch (InboxException e) {
            if (!e.isRetryable()) {
                throw new ArchiveException(ArchiveException.Reason.REJECTED, e.getMessage(), e);
            }
            throw new ArchiveException(ArchiveException.Reason.UNAVAILABLE,
                    "Kunne ikke lagre arkiveringsframdriften: " + e.getMessage(), e);
        }
    }

    private boolean ownsClaim(java.sql.Connection c) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT state, archiving_owner FROM inbox_item WHERE id = ? FOR UPDATE")) {
            ps.setObject(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && "ARCHIVING".equals(rs.getString(1)) && owner.equals(rs.getString(2));
            }
        }
    }
}
