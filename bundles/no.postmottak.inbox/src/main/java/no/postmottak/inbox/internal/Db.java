package no.postmottak.inbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.inbox.InboxException;

/** Transactions and the few portable conversions the inbox needs on H2 and PostgreSQL alike. */
final class Db {

    private static final Logger LOG = LoggerFactory.getLogger(Db.class);

    /** The H2 session variable that marks a session whose write delay was found (or set) at 0. */
    private static final String WRITE_DELAY_CHECKED = "POSTMOTTAK_WRITE_DELAY_CHECKED";

    /** Work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException, InboxException;
    }

    private final DataSource dataSource;
    private final boolean h2;
    /**
     * Whether each transaction must ask for READ COMMITTED: only when the database's default is another level. The
     * PostgreSQL driver sends every {@code setTransactionIsolation} to the server ({@code SET SESSION
     * CHARACTERISTICS}), one more round trip per transaction (issue 17).
     */
    private final boolean setIsolation;
    /** H2's fsyncs after commits, shared by the items committed meanwhile. */
    private final GroupSync syncs = new GroupSync();

    Db(DataSource dataSource) throws InboxException {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        // One connection for what the inbox must know of its database at start
        try (Connection c = dataSource.getConnection()) {
            h2 = Migrations.isH2(c);
            setIsolation = c.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED;
            if (h2) {
                stopBackgroundWriter(c);
                try (Statement s = c.createStatement()) {
                    if (reusesSpace(s)) {
                        LOG.warn("H2 is opened without REUSE_SPACE=FALSE: a database held open by a connection pool"
                                + " may lose acknowledged items in a crash. Add ;REUSE_SPACE=FALSE to the URL.");
                    }
                }
            }
        } catch (SQLException e) {
            throw storageFailure(e);
        }
    }

    /**
     * On H2, makes sure no background writer runs: with one, a commit is stored later, in H2's own threads, and a
     * crash can then lose an acknowledged item. {@code SET WRITE_DELAY 0} stops it, but only while the database
     * stays open: H2 opens a database with the default delay (500 ms) again, even when {@code WRITE_DELAY 0} was
     * stored in it, unless the URL says {@code WRITE_DELAY=0}. Without a pool (or when a pool closed every
     * connection) the database closes with its last connection and is opened again by the next. Found by
     * SvarInnKillTest: its receivers ran with the writer and, about once in 16 runs, one lost an acknowledged
     * item (an index entry without its row after a kill).
     * <p>
     * Asked once per H2 session (physical connection), marked by a session variable: a database is opened again
     * only once all its sessions have closed, so a session that found the delay at 0 keeps it. Asking at every
     * durable transaction cost a fifth of the receiver's CPU on small letters (issue 17, eleventh round): H2 builds
     * all of INFORMATION_SCHEMA.SETTINGS for the one row, with its store's fill rates over every chunk.
     */
    private static void stopBackgroundWriter(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT @" + WRITE_DELAY_CHECKED)) {
                if (rs.next() && rs.getObject(1) != null) {
                    return;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'WRITE_DELAY' AND SETTING_VALUE <> '0'")) {
                if (rs.next()) {
                    LOG.warn("H2 runs with WRITE_DELAY {}: whoever opened the database last did so without"
                            + " ;WRITE_DELAY=0 in the URL. Setting it to 0; add ;WRITE_DELAY=0 to the URL.",
                            rs.getString(1));
                    s.execute("SET WRITE_DELAY 0");
                }
            }
            s.execute("SET @" + WRITE_DELAY_CHECKED + " = TRUE");
        }
    }

    private static boolean reusesSpace(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'REUSE_SPACE'")) {
            return !rs.next() || Boolean.parseBoolean(rs.getString(1));
        }
    }

    boolean isH2() {
        return h2;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Reads in a READ COMMITTED transaction. */
    <T> T read(Work<T> work) throws InboxException {
        return inTransaction(work, false);
    }

    /**
     * Runs {@code work} in a READ COMMITTED transaction that is durable when this returns: commits when it
     * returns, rolls back when it throws. PostgreSQL's commit is durable by itself. On H2 (2.2.224) with
     * {@code WRITE_DELAY 0}, {@code TransactionStore.endTransaction} calls the blocking {@code MVStore.commit()}
     * (it waits on {@code storeLock}; only the auto-store {@code tryCommit()} gives up), and the store runs in the
     * committing thread (no serialization executors without the background writer): the commit is in the file.
     * {@code CHECKPOINT SYNC} ({@code Database.sync} → {@code Store.sync}: {@code MVStore.commit()} and
     * {@code FileChannel.force}) then fsyncs it; it needs an admin user, as the creator of an H2 database is. A
     * {@code CHECKPOINT SYNC} that began after this commit returned makes it durable too: {@link GroupSync}.
     * A database held open must also be opened with {@code REUSE_SPACE=FALSE}: see the module README.
     */
    <T> T write(Work<T> work) throws InboxException {
        return inTransaction(work, true);
    }

    private <T> T inTransaction(Work<T> work, boolean durable) throws InboxException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (setIsolation) {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            try {
                if (durable && h2) {
                    stopBackgroundWriter(c);
                }
                T result = work.run(c);
                c.commit();
                if (durable && h2) {
                    syncs.afterCommit(() -> {
                        try (Statement s = c.createStatement()) {
                            s.execute("CHECKPOINT SYNC");
                        }
                    });
                }
                return result;
            } catch (SQLException | InboxException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw storageFailure(e);
        }
    }

    /**
     * On H2, writes the pages changed so far by all open transactions to the file, without committing or syncing
     * anything ({@code CHECKPOINT} → {@code Store.flush} → {@code MVStore.commit()}). H2 does the same by itself
     * whenever its unsaved pages pass {@code autoCommitBufferSize} (8 MiB at a 128 MB heap, not settable through the
     * URL); doing it sooner inside a large document keeps each store small. Uncommitted changes in the file are
     * rolled back by recovery, as after any of H2's own stores. No-op on PostgreSQL.
     */
    void storeUnsavedPages(Connection c) throws SQLException {
        if (h2) {
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
            }
        }
    }

    static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    static InboxException storageFailure(SQLException e) {
        return new InboxException("Lagringen av postmottaket feilet: " + e.getMessage(), true, e);
    }

    /** Unique-key violation (SQLState 23505 on both H2 and PostgreSQL). */
    static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && cause != e && isUniqueViolation(cause);
    }

    /** Database timestamps keep microseconds; truncating first makes stored values equal to the Java values. */
    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        ps.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC));
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Instant databaseNow(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CURRENT_TIMESTAMP");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return getInstant(rs, rs.getMetaData().getColumnLabel(1));
        }
    }
}
