package no.postmottak.inbox.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveProgress;
import no.postmottak.api.inbox.InboxException;

/** A provider's resume notes for one item, in {@code archive_progress}; {@link #save} commits before it returns. */
final class JdbcArchiveProgress implements ArchiveProgress {

    private final Db db;
    private final UUID itemId;

    JdbcArchiveProgress(Db db, UUID itemId) {
        this.db = db;
        this.itemId = itemId;
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
            throw new ArchiveException(ArchiveException.Reason.UNAVAILABLE,
                    "Kunne ikke lagre arkiveringsframdriften: " + e.getMessage(), e);
        }
    }
}
