package no.postmottak.inbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import no.postmottak.api.inbox.StoredDocument;

/**
 * Reads a stored document a few chunks at a time (at most {@link #CHUNKS_PER_READ} chunks in memory), each batch
 * with a short connection of its own, then the document's part in the content store, if it has one; fails clearly
 * when the content was purged meanwhile or its file is missing or short.
 */
final class ChunkInputStream extends InputStream {

    static final int CHUNKS_PER_READ = 4;

    private final Db db;
    private final UUID itemId;
    private final StoredDocument doc;
    private static final long UNKNOWN = -2;

    /** Where the document's file part begins; -1: no file part, all of it is in chunk rows. Read at the first read. */
    private long fileFrom = UNKNOWN;
    /** The content store file of the document's file part, if it has one. */
    private String fileName;
    private final ContentFiles files;
    private InputStream filePart;
    private final java.util.ArrayDeque<byte[]> fetched = new java.util.ArrayDeque<>();
    private byte[] chunk = new byte[0];
    private int pos;
    private int nextSeq;
    private long delivered;
    private boolean closed;

    /** @param files the content store, or null if none is configured */
    ChunkInputStream(Db db, UUID itemId, StoredDocument doc, ContentFiles files) {
        this.db = db;
        this.itemId = itemId;
        this.doc = doc;
        this.files = files;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("Strømmen er lukket");
        }
        if (len == 0) {
            return 0;
        }
        if (fileFrom == UNKNOWN) {
            fileFrom = fileFrom();
        }
        if (filePart != null || pos == chunk.length && !fetchNext()) {
            return fileFrom >= 0 ? readFilePart(b, off, len) : -1;
        }
        int n = Math.min(len, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        delivered += n;
        return n;
    }

    private long fileFrom() throws IOException {
        long from;
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT content_offset, content_path FROM inbox_document WHERE item_id = ? AND idx = ?")) {
            ps.setObject(1, itemId);
            ps.setInt(2, doc.index());
            try (ResultSet rs = ps.executeQuery()) {
                from = -1;
                if (rs.next()) {
                    long offset = rs.getLong(1);
                    from = rs.wasNull() ? -1 : offset;
                    fileName = DocumentStore.fileName(itemId, doc.index(), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IOException("Kunne ikke lese dokumentet " + doc.fileName() + ": " + e.getMessage(), e);
        }
        if (from >= 0 && files == null) {
            throw new IOException("Dokumentet " + doc.fileName() + " ligger delvis i innholdslageret, men"
                    + " innholdslageret er ikke konfigurert (content.store.path)");
        }
        return from;
    }

    private int readFilePart(byte[] b, int off, int len) throws IOException {
        if (delivered >= doc.size()) {
            return -1;
        }
        if (filePart == null) {
            try {
                filePart = files.open(fileName, delivered - fileFrom);
            } catch (IOException e) {
                throw new IOException(e instanceof NoSuchFileException
                        ? "Innholdet i dokumentet " + doc.fileName() + " mangler i innholdslageret"
                        : "Kunne ikke lese dokumentet " + doc.fileName() + " fra innholdslageret: " + e.getMessage(),
                        e);
            }
        }
        int n = filePart.read(b, off, (int) Math.min(len, doc.size() - delivered));
        if (n < 0) {
            throw new IOException("Innholdet i dokumentet " + doc.fileName() + " er ufullstendig i innholdslageret");
        }
        delivered += n;
        return n;
    }

    private boolean fetchNext() throws IOException {
        if (fetched.isEmpty()) {
            if (delivered >= (fileFrom >= 0 ? fileFrom : doc.size())) {
                return false;
            }
            fetchBatch();
        }
        chunk = fetched.poll();
        pos = 0;
        return chunk.length > 0;
    }

    private void fetchBatch() throws IOException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT seq, data FROM document_chunk"
                     + " WHERE item_id = ? AND idx = ? AND seq >= ? AND seq < ? ORDER BY seq")) {
            ps.setObject(1, itemId);
            ps.setInt(2, doc.index());
            ps.setInt(3, nextSeq);
            ps.setInt(4, nextSeq + CHUNKS_PER_READ);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(1) != nextSeq) {
                        break;
                    }
                    fetched.add(rs.getBytes(2));
                    nextSeq++;
                }
            }
        } catch (SQLException e) {
            throw new IOException("Kunne ikke lese dokumentet " + doc.fileName() + ": " + e.getMessage(), e);
        }
        if (fetched.isEmpty()) {
            throw new IOException("Innholdet i dokumentet " + doc.fileName() + " er slettet eller mangler");
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (filePart != null) {
            filePart.close();
        }
        chunk = new byte[0];
        fetched.clear();
    }
}
