package no.postmottak.inbox.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.DocumentDescriptor;
import no.postmottak.api.DocumentRole;
import no.postmottak.api.inbox.ContentMismatchException;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.StoredDocument;

/**
 * Document metadata and content in the inbox database: chunk rows, and with a content store configured, the part of a
 * large document past its threshold in a file ({@link ContentFiles}).
 */
final class DocumentStore {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentStore.class);

    /** Below H2's 1,000,000-byte VARBINARY limit; large enough that a 300 MB document is 600 rows. */
    static final int CHUNK_SIZE = 512 * 1024;

    /**
     * Chunk buffers kept between writes. Each is 512 KiB, a "humongous" object for G1 at small heaps: allocated
     * per document they were most of what the receiver allocated and kept the collector busy (issue 17).
     */
    private static final int POOLED_BUFFERS = 4;

    /**
     * A large document has H2 write its pages every 2 MiB ({@link Db#storeUnsavedPages}) instead of every ~8 MiB:
     * H2 pools its serialization buffer only up to 4 MiB, and the larger ones it grew per store were G1 "humongous"
     * garbage that filled a 128 MB heap, and closed the database at 64 MB (issue 17).
     */
    static final int STORE_PAGES_EVERY_CHUNKS = 4;

    /** Content store files checked against the database per query by the sweep. */
    private static final int SWEEP_BATCH = 500;

    private final Db db;
    private final ContentFiles files;
    private final ArrayBlockingQueue<byte[]> buffers = new ArrayBlockingQueue<>(POOLED_BUFFERS);
    /** The day folders before this day have been swept since the start; null: none yet. */
    private volatile LocalDate sweptBefore;

    /** @param files the content store, or null: all content in the database */
    DocumentStore(Db db, ContentFiles files) {
        this.db = db;
        this.files = files;
    }

    /** Stops the content store's background work, if there is a content store. */
    void close() {
        if (files != null) {
            files.close();
        }
    }

    /**
     * Where one accept's new files (from {@link #write}) are tracked until they are made durable, once per item,
     * before its transaction commits ({@link ContentWrites.NewFiles#makeDurable}): a content store's, or
     * {@link ContentWrites.NewFiles#none()} without one.
     */
    ContentWrites.NewFiles newFiles() {
        return files == null ? ContentWrites.NewFiles.none() : files.newFiles();
    }

    /**
     * Streams one document into chunk rows inside the caller's transaction, computing size and SHA-256 on the
     * way; with a content store, what passes its threshold goes to the document's file instead (in the folder of
     * {@code day}), which is forced to disk in the background while the caller goes on; the caller then waits for
     * it with {@link ContentWrites.NewFiles#makeDurable} before its commit, which makes the document durable whole.
     * The file is added to {@code created} as soon as it exists, for the caller to remove if the transaction does
     * not commit. Memory use is one chunk, whatever the document's size.
     */
    StoredDocument write(Connection c, UUID itemId, int index, DocumentDescriptor descriptor, InputStream content,
            LocalDate day, ContentWrites.NewFiles created) throws SQLException, IOException, InboxException {
        MessageDigest sha256 = sha256();
        DigestInputStream in = new DigestInputStream(content, sha256);
        byte[] pooled = buffers.poll();
        byte[] buffer = pooled != null ? pooled : new byte[CHUNK_SIZE];
        long size = 0;
        int seq = 0;
        long fileFrom = -1;
        String fileName = null;
        ContentWrites.Tail file = null;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO document_chunk (item_id, idx, seq, data) VALUES (?, ?, ?, ?)")) {
            int filled;
            while ((filled = in.readNBytes(buffer, 0, CHUNK_SIZE)) > 0) {
                if (files != null && size >= files.threshold()) {
                    if (file == null) {
                        fileName = ContentFiles.fileName(day, itemId, index);
                        file = created.create(fileName);
                        fileFrom = size;
                    }
                    file.write(buffer, filled);
                } else {
                    ps.setObject(1, itemId);
                    ps.setInt(2, index);
                    ps.setInt(3, seq++);
                    // A stream of known length: H2 writes it into its LOB store and PostgreSQL's driver sends it,
                    // both without a copy of the buffer (setBytes copied it once more on H2, and needed an
                    // exact-size array).
                    ps.setBinaryStream(4, new ByteArrayInputStream(buffer, 0, filled), filled);
                    ps.executeUpdate();
                    if (seq % STORE_PAGES_EVERY_CHUNKS == 0) {
                        db.storeUnsavedPages(c);
                    }
                }
                size += filled;
            }
            if (file != null) {
                created.forceInBackground(file);
                file = null; // closed by its force
            }
        } finally {
            buffers.offer(buffer);
            if (file != null) {
                file.close();
            }
        }
        String hex = HexFormat.of().formatHex(sha256.digest());
        checkExpected(descriptor, size, hex);
        StoredDocument doc = new StoredDocument(index, descriptor.fileName(), descriptor.mediaType(), size, hex,
                index == 0 ? DocumentRole.MAIN : DocumentRole.ATTACHMENT, false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbox_document (item_id, idx, file_name,"
                + " media_type, role, document_type, size_bytes, sha256, purged, content_offset, content_path)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, itemId);
            ps.setInt(2, index);
            ps.setString(3, descriptor.fileName());
            ps.setString(4, descriptor.mediaType());
            ps.setString(5, doc.role().name());
            ps.setString(6, descriptor.documentType());
            ps.setLong(7, size);
            ps.setString(8, hex);
            ps.setBoolean(9, false);
            if (fileFrom >= 0) {
                ps.setLong(10, fileFrom);
            } else {
                ps.setNull(10, Types.BIGINT);
            }
            ps.setString(11, fileName);
            ps.executeUpdate();
        }
        return doc;
    }

    /**
     * The sender's size and SHA-256, when the channel passed them on (its strict policy): this hash of every stored
     * byte is then the only one, the channel does not compute its own (issue 17: one SHA-256 per byte less).
     */
    private static void checkExpected(DocumentDescriptor d, long size, String sha) throws ContentMismatchException {
        if (d.expectedSize() >= 0 && d.expectedSize() != size) {
            throw new ContentMismatchException("Filen " + d.fileName() + " er " + size + " byte, men avsender oppga "
                    + d.expectedSize() + " byte");
        }
        if (d.expectedSha256() != null && !d.expectedSha256().trim().equalsIgnoreCase(sha)) {
            throw new ContentMismatchException("Filen " + d.fileName() + " har SHA-256 " + sha
                    + ", men avsender oppga " + d.expectedSha256().trim());
        }
    }

    List<StoredDocument> list(Connection c, UUID itemId) throws SQLException {
        List<StoredDocument> docs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT idx, file_name, media_type, size_bytes, sha256, role,"
                + " purged FROM inbox_document WHERE item_id = ? ORDER BY idx")) {
            ps.setObject(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    docs.add(new StoredDocument(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), DocumentRole.valueOf(rs.getString(6)), rs.getBoolean(7)));
                }
            }
        }
        return docs;
    }

    /**
     * Removes the content of every document of the item; the metadata stays, marked purged. Returns the names of the
     * item's content store files, for {@link #removeFiles} once this has committed.
     */
    List<String> purge(Connection c, UUID itemId) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT idx, content_path FROM inbox_document"
                + " WHERE item_id = ? AND content_offset IS NOT NULL AND purged = ?")) {
            ps.setObject(1, itemId);
            ps.setBoolean(2, false);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(fileName(itemId, rs.getInt(1), rs.getString(2)));
                }
            }
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM document_chunk WHERE item_id = ?");
             PreparedStatement mark = c.prepareStatement("UPDATE inbox_document SET purged = ? WHERE item_id = ?")) {
            del.setObject(1, itemId);
            del.executeUpdate();
            mark.setBoolean(1, true);
            mark.setObject(2, itemId);
            mark.executeUpdate();
        }
        return names;
    }

    /** The content store file a document row names; a row of the fifth round names none (its file is found). */
    static String fileName(UUID itemId, int index, String contentPath) {
        return contentPath != null ? contentPath : ContentFiles.fifthRoundFileName(itemId, index);
    }

    /**
     * Removes content store files by name, after the transaction that wrote them rolled back or the one that purged
     * their rows committed. A file left behind (this failed, or the node died first) is removed by
     * {@link #sweepFiles}.
     */
    void removeFiles(UUID itemId, List<String> names) {
        if (files == null || names.isEmpty()) {
            return;
        }
        try {
            files.delete(names);
        } catch (IOException e) {
            LOG.warn("Could not remove the content files of item {} now; the sweep after the next start will: {}",
                    itemId, e.toString());
        }
    }

    /**
     * Removes files of the content store that no stored, unpurged document names and that no accept can still be
     * writing: in the fifth round's folders, files last written before {@code writtenBefore}; of the day folders,
     * those of days before the day of {@code writtenBefore} (UTC; every accept that wrote there began before it). The
     * first sweep after a start reads every such day folder, later ones only the days it has not read yet: a store
     * with millions of letters is not listed every hour. Returns how many files it removed.
     */
    int sweepFiles(Instant writtenBefore) throws IOException, InboxException {
        if (files == null) {
            return 0;
        }
        List<ContentFiles.StoredFile> old = new ArrayList<>(files.listFifthRound().stream()
                .filter(f -> f.modified().isBefore(writtenBefore)).toList());
        LocalDate agedBefore = LocalDate.ofInstant(writtenBefore, ZoneOffset.UTC);
        LocalDate from = sweptBefore;
        for (LocalDate day : files.days()) {
            if (day.isBefore(agedBefore) && (from == null || !day.isBefore(from))) {
                old.addAll(files.listDay(day));
            }
        }
        int removed = removeUnnamed(old);
        sweptBefore = agedBefore;
        return removed;
    }

    private int removeUnnamed(List<ContentFiles.StoredFile> old) throws IOException, InboxException {
        int removed = 0;
        // The documents that name them, a batch of items per query: an inbox with many large documents has many files
        for (int from = 0; from < old.size(); from += SWEEP_BATCH) {
            List<ContentFiles.StoredFile> batch = old.subList(from, Math.min(old.size(), from + SWEEP_BATCH));
            Set<String> named = db.read(c -> namedFiles(c, batch));
            for (ContentFiles.StoredFile f : batch) {
                if (!named.contains(f.itemId() + "-" + f.index()) && Files.deleteIfExists(f.path())) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** "itemId-index" of the stored, unpurged documents with a file part among the items of these files. */
    private static Set<String> namedFiles(Connection c, List<ContentFiles.StoredFile> batch)
            throws SQLException {
        Set<String> named = new HashSet<>();
        String marks = String.join(", ", Collections.nCopies(batch.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT item_id, idx FROM inbox_document WHERE item_id IN ("
                + marks + ") AND content_offset IS NOT NULL AND purged = ?")) {
            for (int i = 0; i < batch.size(); i++) {
                ps.setObject(i + 1, batch.get(i).itemId());
            }
            ps.setBoolean(batch.size() + 1, false);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    named.add(rs.getObject(1, UUID.class) + "-" + rs.getInt(2));
                }
            }
        }
        return named;
    }

    /**
     * Opens a document for reading, one chunk at a time; each chunk is read with a short connection of its own,
     * so an open stream holds no connection. A part in the content store is read from its file.
     */
    InputStream open(UUID itemId, StoredDocument doc) {
        return new ChunkInputStream(db, itemId, doc, files);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
