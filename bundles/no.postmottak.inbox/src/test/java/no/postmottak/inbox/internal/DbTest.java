package no.postmottak.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import no.postmottak.inbox.internal.TestDatabases.Kind;

/**
 * Transactions ask for READ COMMITTED only where the database's default is another level; on H2 a durable
 * transaction never runs beside H2's background writer.
 */
class DbTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDatabaseWhoseDefaultIsReadCommittedIsNotAskedForItInEveryTransaction(Kind kind) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Db db = new Db(counting(TestDatabases.create(kind, dir), asked, null));

        db.write(c -> c.createStatement().execute("SELECT 1"));
        db.read(c -> c.createStatement().execute("SELECT 1"));

        assertThat(asked).hasValue(0);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDatabaseWithAnotherDefaultIsAskedForReadCommittedInEveryTransaction(Kind kind) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Db db = new Db(counting(TestDatabases.create(kind, dir), asked, Connection.TRANSACTION_SERIALIZABLE));

        db.write(c -> c.createStatement().execute("SELECT 1"));
        db.read(c -> c.createStatement().execute("SELECT 1"));

        assertThat(asked).hasValue(2);
    }

    /**
     * H2 opens a database with its default WRITE_DELAY (500 ms: a background writer stores commits later) even when
     * 0 was set before it closed. An unpooled data source closes the database with its last connection, so here it
     * is opened again by a connection the inbox did not make, as SvarInnKillTest's receivers did.
     */
    @Test
    void aDurableTransactionOnAnH2DatabaseOpenedAgainWithItsDefaultWriteDelayStopsTheBackgroundWriter()
            throws Exception {
        JdbcDataSource unpooled = new JdbcDataSource();
        unpooled.setURL("jdbc:h2:file:" + dir.resolve("inbox").toAbsolutePath() + ";REUSE_SPACE=FALSE");
        unpooled.setUser("sa");
        Db db = new Db(unpooled);
        try (Connection openedAgain = unpooled.getConnection()) {
            assertThat(writeDelays(openedAgain)).as("H2's default after opening").contains("500");

            db.read(c -> c.createStatement().execute("SELECT 1"));
            assertThat(writeDelays(openedAgain)).as("a read changes nothing, so nothing to stop").contains("500");

            db.write(c -> c.createStatement().execute("CREATE TABLE t (x INT)"));
            assertThat(writeDelays(openedAgain)).containsOnly("0");
        }
    }

    /**
     * The delay is asked once per H2 session, not per transaction (building INFORMATION_SCHEMA.SETTINGS walks every
     * chunk of the store): a session that found it at 0 trusts it afterwards, since the database is opened again
     * only when every session has closed; a new session asks again.
     */
    @Test
    void theWriteDelayIsAskedOncePerSessionAndAgainByANewOne() throws Exception {
        JdbcDataSource unpooled = new JdbcDataSource();
        unpooled.setURL("jdbc:h2:file:" + dir.resolve("inbox").toAbsolutePath() + ";REUSE_SPACE=FALSE;WRITE_DELAY=0");
        unpooled.setUser("sa");
        try (Connection held = unpooled.getConnection(); Connection other = unpooled.getConnection()) {
            Db pooled = new Db(oneSession(held));
            pooled.write(c -> c.createStatement().execute("CREATE TABLE t (x INT)"));
            other.createStatement().execute("SET WRITE_DELAY 500");

            pooled.write(c -> c.createStatement().execute("INSERT INTO t VALUES (1)"));
            assertThat(writeDelays(other)).as("the session asked at its first transaction only").contains("500");

            new Db(unpooled).write(c -> c.createStatement().execute("INSERT INTO t VALUES (2)"));
            assertThat(writeDelays(other)).as("a new session asks").containsOnly("0");
        }
    }

    /** A data source that hands out one session, kept open, as a pool does. */
    private static DataSource oneSession(Connection session) {
        Connection kept = (Connection) Proxy.newProxyInstance(DbTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("close") ? null
                        : invoke(method, session, args));
        return (DataSource) Proxy.newProxyInstance(DbTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return kept;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** WRITE_DELAY as INFORMATION_SCHEMA has it: the value in force, and the stored setting if there is one. */
    private static List<String> writeDelays(Connection c) throws SQLException {
        List<String> delays = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            while (rs.next()) {
                delays.add(rs.getString(1));
            }
        }
        return delays;
    }

    /**
     * The data source, counting {@code setTransactionIsolation(READ_COMMITTED)} on its connections; with
     * {@code reportedDefault}, its connections report that level until one is set.
     */
    private static DataSource counting(DataSource target, AtomicInteger asked, Integer reportedDefault) {
        return (DataSource) Proxy.newProxyInstance(DbTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    return method.getName().equals("getConnection")
                            ? countingConnection((Connection) result, asked, reportedDefault) : result;
                });
    }

    private static Connection countingConnection(Connection target, AtomicInteger asked, Integer reportedDefault) {
        return (Connection) Proxy.newProxyInstance(DbTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getTransactionIsolation") && reportedDefault != null) {
                        return reportedDefault;
                    }
                    if (method.getName().equals("setTransactionIsolation")
                            && (int) args[0] == Connection.TRANSACTION_READ_COMMITTED) {
                        asked.incrementAndGet();
                    }
                    return invoke(method, target, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
