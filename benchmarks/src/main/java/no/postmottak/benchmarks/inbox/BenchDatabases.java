package no.postmottak.benchmarks.inbox;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The two databases of the inbox benchmarks: an H2 file database, or embedded PostgreSQL (zonky, fsync on, as in
 * production). Both behind a tiny connection pool, as Karaf's pax-jdbc-pool-dbcp2 would be: without one, each
 * PostgreSQL transaction would pay a new TCP connection and login. {@code -Dpool=false} turns it off: then the
 * last closed connection closes an H2 database (the unpooled configuration shipped before). H2 gets the shipped
 * URL settings ({@link #H2_SETTINGS}).
 */
public final class BenchDatabases implements AutoCloseable {

    static final boolean POOL = !"false".equals(System.getProperty("pool"));
    /** The shipped H2 settings (features.xml); {@code -Dh2.settings=} measures H2's defaults instead. */
    static final String H2_SETTINGS = System.getProperty("h2.settings",
            ";CACHE_SIZE=16384;REUSE_SPACE=FALSE;WRITE_DELAY=0");

    final String kind;
    public final DataSource dataSource;
    private final EmbeddedPostgres postgres;

    /** With H2's statement cache as shipped (the ingest benchmarks). */
    public BenchDatabases(String kind, Path dir) throws Exception {
        this(kind, dir, true);
    }

    /**
     * @param queryCache false turns H2's statement cache off, for latency benchmarks: a pooled session would otherwise
     *                   return H2's cached result of the same query on an unchanged table, and the latency measured
     *                   would be that of the cache
     */
    public BenchDatabases(String kind, Path dir, boolean queryCache) throws Exception {
        this.kind = kind;
        if (kind.equals("h2")) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:file:" + dir.resolve("inbox").toAbsolutePath() + ";LOCK_TIMEOUT=10000"
                    + (queryCache ? "" : ";QUERY_CACHE_SIZE=0") + H2_SETTINGS);
            ds.setUser("sa");
            postgres = null;
            dataSource = POOL ? pooled(ds) : ds;
        } else if (kind.equals("pg")) {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata"))
                    .setCleanDataDirectory(true).start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE inbox");
            }
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setServerNames(new String[] {"localhost"});
            ds.setPortNumbers(new int[] {postgres.getPort()});
            ds.setDatabaseName("inbox");
            ds.setUser("postgres");
            ds.setReWriteBatchedInserts(true); // the benchmark loader's batches as multi-row INSERTs
            dataSource = POOL ? pooled(ds) : ds;
        } else {
            throw new IllegalArgumentException("database kind h2 or pg, was " + kind);
        }
    }

    @Override
    public void close() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Idle connections are kept and handed out again; close() on a handed-out connection returns it. */
    private static DataSource pooled(DataSource target) {
        LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection real = idle.pollFirst();
                Connection c = real != null ? real : target.getConnection();
                java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("close")) {
                                if (!closed.getAndSet(true)) { // a second close must not hand c out twice
                                    idle.offerFirst(c);
                                }
                                return null;
                            }
                            if (method.getName().equals("isClosed") && closed.get()) {
                                return true;
                            }
                            try {
                                return method.invoke(c, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            @Override
            public Connection getConnection(String user, String password) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                return target.unwrap(iface);
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) throws SQLException {
                return target.isWrapperFor(iface);
            }
        };
    }
}
