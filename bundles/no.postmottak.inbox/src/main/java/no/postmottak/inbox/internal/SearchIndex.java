package no.postmottak.inbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The free-text index on PostgreSQL: a GIN index on {@code (recipient_orgnr, search_text)} with pg_trgm for the text
 * and btree_gin for the org number, which serves the text filter's {@code LIKE '%word%'} (case-insensitive substring:
 * both sides are lower-cased in Java) within one organisation, as every text query asks. Without btree_gin, a pg_trgm
 * index on {@code search_text} alone: then PostgreSQL ANDs it with the organisation's B-tree, which reads all of a
 * large organisation's entries (measured at 1,000,000 items: 44 of 67 ms for a word of moderate frequency).
 * <p>
 * It is made at every start when missing, outside Flyway, because {@code CREATE EXTENSION} needs a right the
 * application's user may lack (the database's CREATE privilege; pg_trgm and btree_gin are trusted extensions from
 * PostgreSQL 13). Without pg_trgm the text filter still works, by reading the organisation's items in page order (as
 * on H2), and a warning says what the DBA must do; the next start after the DBA's {@code CREATE EXTENSION} makes the
 * index (and drops the single-column one when the two-column one replaces it).
 */
final class SearchIndex {

    /** The pg_trgm index on search_text alone (without btree_gin). */
    static final String NAME = "ix_inbox_item_search_trgm";
    /** The GIN index on (recipient_orgnr, search_text) (with btree_gin). */
    static final String ORG_NAME = "ix_inbox_item_org_search_trgm";
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    private SearchIndex() {
    }

    /** The name of the index that is there and usable when this returns, or null. Never throws. */
    static String ensure(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true); // CREATE INDEX CONCURRENTLY refuses to run in a transaction
            // The planner picks the index (rare words) or the page-ordered scan (common words) by its estimate of
            // how many rows match LIKE '%word%', which it reads off the column's histogram: with the default 100
            // buckets every word under 1 % looks equally rare (a word in 0.8 % of a million items was estimated at
            // 32 rows). 1000 buckets tell 0.1 % from 1 %. Only the catalog changes; ANALYZE samples more rows.
            try {
                s.execute("ALTER TABLE inbox_item ALTER COLUMN search_text SET STATISTICS 1000");
            } catch (SQLException e) {
                LOG.warn("Could not raise the statistics target of inbox_item.search_text ({}): text search may pick"
                        + " slower plans", e.getMessage());
            }
            // The text probe (InboxQueries) reads the newest rows from the page-order indexes alone only where the
            // visibility map marks their pages all-visible, which a VACUUM does. By default autovacuum comes after
            // 20 % of the table is new (200,000 items at a million: months of mail); 1 % keeps recent pages marked.
            try {
                s.execute("ALTER TABLE inbox_item SET (autovacuum_vacuum_insert_scale_factor = 0.01)");
            } catch (SQLException e) {
                LOG.warn("Could not set autovacuum_vacuum_insert_scale_factor on inbox_item ({}; PostgreSQL 13 or"
                        + " later has it): text search reads more table rows for recent items", e.getMessage());
            }
            String trgm = extension(c, s, "pg_trgm");
            if (trgm == null) {
                LOG.warn("Free-text search in the inbox runs without an index: the pg_trgm extension is missing"
                        + " and this database user may not create it. A DBA should run 'CREATE EXTENSION pg_trgm;'"
                        + " and 'CREATE EXTENSION btree_gin;' in this database; the index is made at the next start.");
                return null;
            }
            boolean btree = extension(c, s, "btree_gin") != null;
            if (!btree) {
                LOG.warn("The inbox's free-text index covers the text only: the btree_gin extension is missing and"
                        + " this database user may not create it. Searches for several organisations are then slower"
                        + " at a large inbox; a DBA should run 'CREATE EXTENSION btree_gin;' in this database.");
            }
            String name = btree ? ORG_NAME : NAME;
            String columns = (btree ? "recipient_orgnr, " : "") + "search_text " + quote(trgm) + ".gin_trgm_ops";
            if (!create(c, s, name, columns)) {
                return null;
            }
            if (btree && indexValid(c, NAME) != null) {
                // Replaced: two GIN indexes on the same text would double the cost of every accepted item.
                s.execute("DROP INDEX " + (estimatedRows(c) > 100_000 ? "CONCURRENTLY " : "") + "IF EXISTS " + NAME);
            }
            return name;
        } catch (SQLException e) {
            LOG.warn("Free-text search in the inbox runs without an index: creating it failed ({}); it is tried"
                    + " again at the next start", e.getMessage());
            return null;
        }
    }

    /** The schema the extension is in; installs it when this user may. Null when it is not there. */
    private static String extension(Connection c, Statement s, String extension) throws SQLException {
        String schema = extensionSchema(c, extension);
        if (schema == null) {
            try {
                s.execute("CREATE EXTENSION IF NOT EXISTS " + extension);
            } catch (SQLException e) {
                LOG.debug("Could not create the extension {}: {}", extension, e.getMessage());
                return null;
            }
            schema = extensionSchema(c, extension);
        }
        return schema;
    }

    /** Makes the index unless it is there and valid; whether it is valid afterwards. */
    private static boolean create(Connection c, Statement s, String name, String columns) throws SQLException {
        Boolean valid = indexValid(c, name);
        if (Boolean.TRUE.equals(valid)) {
            return true;
        }
        // On a large table CONCURRENTLY lets other cluster nodes keep accepting mail while it is built (minutes at
        // millions of items); it waits for every older transaction though, so a small table is indexed directly.
        boolean large = estimatedRows(c) > 100_000;
        if (valid != null) { // a CONCURRENTLY build that failed leaves an invalid index behind
            s.execute("DROP INDEX " + (large ? "CONCURRENTLY " : "") + "IF EXISTS " + name);
        }
        LOG.info("Creating the inbox's free-text index {} ({}{})", name, columns, large ? ", concurrently" : "");
        s.execute("CREATE INDEX " + (large ? "CONCURRENTLY " : "") + "IF NOT EXISTS " + name
                + " ON inbox_item USING gin (" + columns + ")");
        return Boolean.TRUE.equals(indexValid(c, name));
    }

    /** The schema the extension is installed in, or null when it is not installed. */
    private static String extensionSchema(Connection c, String extension) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname FROM pg_extension e"
                + " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = ?")) {
            ps.setString(1, extension);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long estimatedRows(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT reltuples FROM pg_class WHERE relname = 'inbox_item' AND pg_table_is_visible(oid)");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Null when the index does not exist, else whether PostgreSQL may use it. */
    private static Boolean indexValid(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT i.indisvalid FROM pg_index i"
                + " JOIN pg_class x ON x.oid = i.indexrelid WHERE x.relname = ? AND pg_table_is_visible(x.oid)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
