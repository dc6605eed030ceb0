package no.postmottak.inbox.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Fresh databases for tests: an H2 file database, or a new database on one embedded PostgreSQL server per JVM
 * (zonky; as root it runs the server in a user namespace through {@code unshare -U}, so initdb accepts it).
 */
final class TestDatabases {

    enum Kind { H2, POSTGRES }

    /** The CACHE_SIZE (KiB) the feature ships: 16 MiB, the MVStore default (FileStore "cacheSize"), made explicit. */
    static final int H2_CACHE_KB = 16384;

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<BasicDataSource> openH2 = new ArrayList<>();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    static DataSource create(Kind kind, Path dir) {
        return kind == Kind.H2 ? h2ForTest(dir.resolve("inbox-" + COUNTER.incrementAndGet())) : newPostgresDatabase();
    }

    /**
     * Pooled, as shipped (an unpooled H2 reopens the file per transaction: seconds per page at 100,000 items).
     * Tests run one at a time, so the previous test's pool is closed first: one H2 database is open at a time.
     */
    private static synchronized DataSource h2ForTest(Path file) {
        for (BasicDataSource previous : openH2) {
            try {
                previous.close();
            } catch (SQLException e) {
                throw new IllegalStateException("Closing the previous test's H2 pool failed", e);
            }
        }
        openH2.clear();
        BasicDataSource ds = h2Pooled(file);
        openH2.add(ds);
        return ds;
    }

    /**
     * H2 in the shipped shape: commons-dbcp2 (what pax-jdbc-pool-dbcp2 uses) holds connections, so the database
     * stays open, with the shipped cache size. Close it to close the database.
     */
    static BasicDataSource h2Pooled(Path file) {
        BasicDataSource ds = new BasicDataSource();
        ds.setUrl(h2Url(file) + ";CACHE_SIZE=" + H2_CACHE_KB);
        ds.setUsername("sa");
        ds.setMaxTotal(8);
        return ds;
    }

    /** REUSE_SPACE=FALSE as shipped: a database held open is crash-safe only with it (see CrashSafetyTest). */
    private static String h2Url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";LOCK_TIMEOUT=10000;REUSE_SPACE=FALSE;WRITE_DELAY=0";
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
