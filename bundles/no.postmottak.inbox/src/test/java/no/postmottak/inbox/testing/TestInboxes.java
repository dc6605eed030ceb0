package no.postmottak.inbox.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

import no.postmottak.api.IncomingItem;
import no.postmottak.api.archive.ArchiveProvider;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.ItemOutcomes;
import no.postmottak.api.inbox.FailedAttempts;
import no.postmottak.api.inbox.Leases;
import no.postmottak.api.inbox.WebSessions;
import no.postmottak.inbox.internal.TestInboxFactory;

/**
 * The real JDBC inbox, the one the DS component serves, on a DataSource of the caller's (H2 or PostgreSQL) and without
 * OSGi: for other modules' tests and the benchmarks, through the inbox's test-jar. Creating one migrates the schema.
 */
public final class TestInboxes {

    /** The archive kind under which {@link #create(DataSource, Set, ArchiveProvider, Clock)} registers a provider. */
    public static final String ARCHIVE_KIND = "test";

    private TestInboxes() {
    }

    /** An inbox where no organisation is configured and no archive provider is registered, on the system clock. */
    public static Inbox create(DataSource dataSource) throws InboxException {
        return TestInboxFactory.create(dataSource, Set.of(), ARCHIVE_KIND, null, Clock.systemUTC());
    }

    /**
     * An inbox where {@code configuredOrgnrs} are configured organisations ("Testkommune &lt;orgnr&gt;", fallback
     * case 2024/1, deleted content purged at once) that archive through {@code provider}; other org numbers are not
     * configured.
     */
    public static Inbox create(DataSource dataSource, Set<String> configuredOrgnrs, ArchiveProvider provider,
                               Clock clock) throws InboxException {
        return TestInboxFactory.create(dataSource, configuredOrgnrs, ARCHIVE_KIND,
                Objects.requireNonNull(provider, "provider"), clock);
    }

    /**
     * As {@link #create(DataSource, Set, ArchiveProvider, Clock)}, as cluster node {@code nodeId}: its archiving
     * claims hold for {@code claimTtl} without renewal, so another node's
     * {@link #resumeAbandonedArchiving(Inbox)} takes over after that when this one {@link #stop(Inbox) stops}.
     */
    public static Inbox create(DataSource dataSource, Set<String> configuredOrgnrs, ArchiveProvider provider,
                               Clock clock, String nodeId, Duration claimTtl) throws InboxException {
        return TestInboxFactory.create(dataSource, configuredOrgnrs, ARCHIVE_KIND,
                Objects.requireNonNull(provider, "provider"), clock, nodeId, claimTtl);
    }

    /**
     * As {@link #create(DataSource)}, with a content store: the part of a document past {@code thresholdMib} MiB is a
     * file in {@code contentStore} (as the component's {@code content.store.path} and
     * {@code content.store.threshold.mib}).
     */
    public static Inbox createWithContentStore(DataSource dataSource, java.nio.file.Path contentStore,
                                               long thresholdMib) throws InboxException {
        return TestInboxFactory.create(dataSource, Set.of(), ARCHIVE_KIND, null, Clock.systemUTC(),
                "test-" + java.util.UUID.randomUUID(), Duration.ofSeconds(60),
                Objects.requireNonNull(contentStore, "contentStore"), thresholdMib);
    }

    /** Failed receive attempts on the database of an inbox made here (the channels' failure policy). */
    public static FailedAttempts failedAttempts(Inbox inbox) {
        return TestInboxFactory.failedAttempts(inbox);
    }

    /** Web sessions and the login limit on the database of an inbox made here. */
    public static WebSessions webSessions(Inbox inbox) {
        return TestInboxFactory.webSessions(inbox);
    }

    /**
     * What the inbox component does every half claim: takes over and finishes the archiving of nodes whose claim ran
     * out. Returns how many items it took over.
     */
    public static int resumeAbandonedArchiving(Inbox inbox) throws InboxException {
        return TestInboxFactory.resumeAbandonedArchiving(inbox);
    }

    /** The node stops (or dies): it no longer renews its archiving claims. */
    public static void stop(Inbox inbox) {
        TestInboxFactory.stop(inbox);
    }

    /** The outcomes of the items of an inbox made here (what a channel reports to senders, e.g. receipts). */
    public static ItemOutcomes outcomes(Inbox inbox) {
        return TestInboxFactory.outcomes(inbox);
    }

    /** The cluster leases on the database of an inbox made here (what a channel's poller coordinates with). */
    public static Leases leases(Inbox inbox) {
        return TestInboxFactory.leases(inbox);
    }

    /**
     * The inbox, telling {@code onAccept} when an accept begins ({@code "begin"}, channel id) and when it has returned,
     * committed ({@code "stored"}, channel id): for tests that kill a receiver at those moments or time what follows.
     */
    public static Inbox observed(Inbox inbox, BiConsumer<String, String> onAccept) {
        return (Inbox) Proxy.newProxyInstance(Inbox.class.getClassLoader(), new Class<?>[] {Inbox.class},
                (proxy, method, args) -> {
                    boolean accept = method.getName().equals("accept");
                    String id = accept ? ((IncomingItem) args[0]).channelId() : null;
                    if (accept) {
                        onAccept.accept("begin", id);
                    }
                    Object result;
                    try {
                        result = method.invoke(inbox, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (accept) {
                        onAccept.accept("stored", id);
                    }
                    return result;
                });
    }
}
