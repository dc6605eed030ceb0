package no.postmottak.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import no.postmottak.inbox.internal.TestDatabases.Kind;

/** Transactions ask for READ COMMITTED only where the database's default is another level. */
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
