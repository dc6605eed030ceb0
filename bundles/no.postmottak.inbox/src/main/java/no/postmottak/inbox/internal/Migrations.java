package no.postmottak.inbox.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import no.postmottak.api.inbox.InboxException;

/** Creates and migrates the inbox schema with Flyway (SQL files in {@code db/migration} of this bundle, listed in
 * {@link BundledMigrations}). */
final class Migrations {

    /** V7 on PostgreSQL: the page-order indexes with the text filter's columns (a row over the cap cut first). */
    private static final String PG_TEXT_IN_INDEX = String.join(";\n",
            // at most 4 bytes a character: the characters that surely fit
            "UPDATE inbox_item SET search_text = left(search_text, " + ItemRows.SEARCH_TEXT_MAX_BYTES / 4
                    + ") WHERE octet_length(search_text) > " + ItemRows.SEARCH_TEXT_MAX_BYTES,
            "DROP INDEX ix_inbox_item_org_state_received",
            "CREATE INDEX ix_inbox_item_org_state_received ON inbox_item"
                    + " (recipient_orgnr, state, received_at DESC, id DESC) INCLUDE (confidential, search_text)",
            "DROP INDEX ix_inbox_item_org_received",
            "CREATE INDEX ix_inbox_item_org_received ON inbox_item"
                    + " (recipient_orgnr, received_at DESC, id DESC) INCLUDE (confidential, search_text)");

    private Migrations() {
    }

    static boolean isH2(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
    }

    static void migrate(DataSource dataSource, boolean h2) throws InboxException {
        try {
            Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .placeholders(Map.of("chunk_type", h2 ? "BLOB" : "BYTEA",
                            // V5: H2 tests the text filter on index rows (no text index there)
                            "h2_text_columns", h2 ? ", confidential, search_text" : "",
                            "chunk_storage", h2 ? "SELECT 1"
                                    : "ALTER TABLE document_chunk ALTER COLUMN data SET STORAGE EXTERNAL",
                            "pg_text_in_index", h2 ? "SELECT 1" : PG_TEXT_IN_INDEX))
                    .resourceProvider(new BundledMigrations(Migrations.class.getClassLoader()))
                    .javaMigrationClassProvider(List::of)
                    .table("inbox_schema_history")
                    .load();
            flyway.migrate();
            if (flyway.info().current() == null) {
                throw new InboxException("Databasen for postmottaket har ikke noe skjema etter migrering", true);
            }
            if (!h2) {
                SearchIndex.ensure(dataSource);
            }
        } catch (FlywayException e) {
            throw new InboxException("Kunne ikke opprette eller oppgradere databasen for postmottaket: "
                    + e.getMessage(), true, e);
        }
    }
}
