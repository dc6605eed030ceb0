package no.postmottak.inbox.internal;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import no.postmottak.api.inbox.InboxException;

/**
 * Ties the content store's folder to the database: the first node writes a random id into the folder's marker file
 * and the database; every node after it must find the same id in its folder. A node configured with a folder of its
 * own (not the shared one, or a wrong path) refuses to start instead of storing content other nodes cannot read.
 */
final class ContentStoreMarker {

    private ContentStoreMarker() {
    }

    static void check(Db db, ContentFiles files) throws InboxException {
        Optional<String> recorded = db.read(ContentStoreMarker::recorded);
        String inFolder;
        try {
            // Once recorded, the folder must have the marker already: a node never marks a folder of its own.
            inFolder = recorded.isPresent() ? files.marker().orElse("(ingen)")
                    : files.claimMarker(UUID.randomUUID().toString());
        } catch (IOException e) {
            throw new InboxException("Innholdslageret " + files.root() + " kan ikke tas i bruk: " + e.getMessage(),
                    true, e);
        }
        if (recorded.isEmpty()) {
            recorded = Optional.of(record(db, inFolder));
        }
        if (!recorded.get().equals(inFolder)) {
            throw new InboxException("Innholdslageret " + files.root() + " hører ikke til denne databasen (filen "
                    + ContentFiles.MARKER + " mangler eller har en annen id). Alle noder må bruke den samme delte mappen", true);
        }
    }

    private static Optional<String> recorded(java.sql.Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT store_id FROM content_store");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /** Records the folder's id; when another node recorded one first, that one is the answer. */
    private static String record(Db db, String id) throws InboxException {
        try {
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO content_store (singleton, store_id) VALUES (1, ?)")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
                return null;
            });
            return id;
        } catch (InboxException e) {
            if (e.getCause() instanceof SQLException sql && Db.isUniqueViolation(sql)) {
                return db.read(ContentStoreMarker::recorded).orElseThrow(() -> e);
            }
            throw e;
        }
    }
}
