package no.postmottak.web.internal;

import java.util.concurrent.atomic.AtomicInteger;

import org.h2.jdbcx.JdbcDataSource;

import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.WebSessions;
import no.postmottak.inbox.testing.TestInboxes;

/** The real session store (the inbox's tables) on a fresh in-memory H2 database. */
final class Stores {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Stores() {
    }

    static WebSessions webSessions() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:sessions-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        try {
            return TestInboxes.webSessions(TestInboxes.create(ds));
        } catch (InboxException e) {
            throw new IllegalStateException(e);
        }
    }
}
