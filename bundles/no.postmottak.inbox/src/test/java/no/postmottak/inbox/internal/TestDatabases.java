package no.postmottak.inbox.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Fresh databases for tests: an H2 file database, or a new database on one embedded PostgreSQL server per JVM
 * (zonky; as root it runs the server in a user namespace through {@code unshare -U}, so initdb accepts it).
 */
final class TestDatabases {

    enum Kind { H2, POSTGRES }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    static DataSource create(Kind kind, Path dir) {
        return kind == Kind.H2 ? h2(dir.resolve("inbox-" + COUNTER.incrementAndGet())) : newPostgresDatabase();
    }

    static JdbcDataSource h2(Path file) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + file.toAbsolutePath() + ";LOCK_TIMEOUT=10000");
        ds.setUser("sa");
        return ds;
    }

    static synchronized DataSource newPostgresDatabase() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("max_connections", "300").start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the JVM ends anyway
                    }
                }));
            }
            String name = "inbox_" + COUNTER.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setServerNames(new String[] {"localhost"});
            ds.setPortNumbers(new int[] {postgres.getPort()});
            ds.setDatabaseName(name);
            ds.setUser("postgres");
            return ds;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }
}
