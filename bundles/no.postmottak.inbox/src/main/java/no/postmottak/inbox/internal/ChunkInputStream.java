package no.postmottak.inbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import no.postmottak.api.inbox.StoredDocument;

/**
 * Reads a stored document a few chunks at a time (at most {@link #CHUNKS_PER_READ} chunks in memory), each batch
 * with a short connection of its own; fails clearly when the content was purged meanwhile.
 */
final class ChunkInputStream extends InputStream {

    static final int CHUNKS_PER_READ = 4;

    private final Db db;
    private final UUID itemId;
    private final StoredDocument doc;
    private final java.util.ArrayDeque<byte[]> fetched = new java.util.ArrayDeque<>();
    private byte[] chunk = new byte[0];
    private int pos;
    private int nextSeq;
    private long delivered;
    private boolean closed;

    ChunkInputStream(Db db, UUID itemId, StoredDocument doc) {
        this.db = db;
        this.itemId = itemId;
        this.doc = doc;
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
        if (pos == chunk.length && !fetchNext()) {
            return -1;
        }
        int n = Math.min(len, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        delivered += n;
        return n;
    }

    private boolean fetchNext() throws IOException {
        if (fetched.isEmpty()) {
            if (delivered >= doc.size()) {
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
    public void close() {
        closed = true;
        chunk = new byte[0];
        fetched.clear();
    }
}
