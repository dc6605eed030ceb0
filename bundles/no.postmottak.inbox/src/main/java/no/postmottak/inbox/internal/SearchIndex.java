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
 * The free-text index on PostgreSQL: a pg_trgm GIN index on {@code search_text}, which serves the text filter's
 * {@code LIKE '%word%'} (case-insensitive substring: both sides are lower-cased in Java). It is made at every start
 * when missing, outside Flyway, because {@code CREATE EXTENSION pg_trgm} needs a right the application's user may
 * lack (the database's CREATE privilege; pg_trgm is a trusted extension from PostgreSQL 13). Without it the text
 * filter still works, by reading the organisation's items in page order (as on H2), and a warning says what the
 * DBA must do; the next start after {@code CREATE EXTENSION pg_trgm} makes the index.
 */
final class SearchIndex {

    static final String NAME = "ix_inbox_item_search_trgm";
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    private SearchIndex() {
    }

    /** Whether the index is there and usable when this returns. Never throws: search works without it. */
    static boolean ensure(DataSource dataSource) {
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
            String schema = trgmSchema(c);
            if (schema == null) {
                try {
                    s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
                } catch (SQLException e) {
                    LOG.warn("Free-text search in the inbox runs without an index: the pg_trgm extension is missing"
                            + " and this database user may not create it ({}). A DBA should run"
                            + " 'CREATE EXTENSION pg_trgm;' in this database; the index is made at the next start.",
                            e.getMessage());
                    return false;
                }
                schema = trgmSchema(c);
            }
            Boolean valid = indexValid(c);
            if (Boolean.TRUE.equals(valid)) {
                return true;
            }
            if (valid != null) { // a CONCURRENTLY build that failed leaves an invalid index behind
                s.execute("DROP INDEX CONCURRENTLY IF EXISTS " + NAME);
            }
            // On a large table CONCURRENTLY lets other cluster nodes keep accepting mail while it is built (minutes at
            // millions of items); it waits for every older transaction though, so a small table is indexed directly.
            boolean large = estimatedRows(c) > 100_000;
            LOG.info("Creating the inbox's free-text index {} (pg_trgm{})", NAME, large ? ", concurrently" : "");
            s.execute("CREATE INDEX " + (large ? "CONCURRENTLY " : "") + "IF NOT EXISTS " + NAME
                    + " ON inbox_item USING gin (search_text " + quote(schema) + ".gin_trgm_ops)");
            return Boolean.TRUE.equals(indexValid(c));
        } catch (SQLException e) {
            LOG.warn("Free-text search in the inbox runs without an index: creating {} failed ({}); it is tried"
                    + " again at the next start", NAME, e.getMessage());
            return false;
        }
    }

    /** The schema pg_trgm is installed in, or null when it is not installed. */
    private static String trgmSchema(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname FROM pg_extension e"
                + " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
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
    private static Boolean indexValid(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT i.indisvalid FROM pg_index i"
                + " JOIN pg_class x ON x.oid = i.indexrelid WHERE x.relname = ? AND pg_table_is_visible(x.oid)")) {
            ps.setString(1, NAME);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
