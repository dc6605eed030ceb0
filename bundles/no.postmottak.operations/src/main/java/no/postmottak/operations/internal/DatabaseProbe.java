package no.postmottak.operations.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import no.postmottak.operations.internal.Finding.Area;
import no.postmottak.operations.internal.Finding.Level;

/**
 * Whether the inbox's database answers and its schema is migrated: a valid connection, a Flyway history with at
 * least one successful and no failed migration, and the inbox service running (it migrates when it starts).
 */
final class DatabaseProbe {

    static final String KEY = "database";
    private static final int VALID_TIMEOUT_SECONDS = 5;
    private static final String ADVICE = "Sjekk at databasen kjører og at etc/org.ops4j.datasource-postmottak.cfg "
            + "er riktig; loggen for no.postmottak.inbox viser hvorfor innboksen ikke startet.";

    private DatabaseProbe() {
    }

    /**
     * @param dataSource   the inbox's data source, or null when none is registered
     * @param inboxRunning whether the inbox service is registered (its schema migration succeeded)
     */
    static List<Finding> check(DataSource dataSource, boolean inboxRunning) {
        if (dataSource == null) {
            return critical("Databasen for postmottaket er ikke registrert (ingen DataSource med "
                    + "dataSourceName=postmottak)");
        }
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(VALID_TIMEOUT_SECONDS)) {
                return critical("Databasen svarer ikke");
            }
            int[] history = history(c);
            if (history[1] > 0) {
                return critical("Databasen har " + history[1] + " mislykket(e) migrering(er) i inbox_schema_history");
            }
            if (history[0] == 0) {
                return critical("Databasen har ikke noe skjema for postmottaket ennå");
            }
            if (!inboxRunning) {
                return critical("Databasen svarer, men innboksen er ikke startet");
            }
            return List.of(Finding.ok(Area.DATABASE, KEY, "Databasen (" + c.getMetaData().getDatabaseProductName()
                    + ") svarer; " + history[0] + " migrering(er) er kjørt"));
        } catch (SQLException e) {
            return critical("Databasen svarer ikke: " + e.getMessage());
        }
    }

    /** {successful, failed} migrations in Flyway's history table. */
    private static int[] history(Connection c) throws SQLException {
        // Flyway creates the table and its columns in lower case; quoted, the name works on H2 and PostgreSQL.
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"success\", COUNT(*) FROM \"inbox_schema_history\""
                     + " GROUP BY \"success\"")) {
            int[] counts = new int[2];
            while (rs.next()) {
                counts[rs.getBoolean(1) ? 0 : 1] += rs.getInt(2);
            }
            return counts;
        }
    }

    private static List<Finding> critical(String text) {
        return List.of(new Finding(Area.DATABASE, Level.CRITICAL, KEY, null, text, text, ADVICE));
    }
}
