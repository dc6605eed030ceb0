package no.postmottak.inbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.archive.ArchiveProvider;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.ItemOutcomes;
import no.postmottak.api.inbox.FailedAttempts;
import no.postmottak.api.inbox.Leases;
import no.postmottak.api.inbox.WebSessions;

/**
 * Builds the real {@link JdbcInbox} for {@link no.postmottak.inbox.testing.TestInboxes}: the one door from the
 * test-jar's entry point into this package, whose classes stay package-private. Other modules use TestInboxes.
 */
public final class TestInboxFactory {

    /** The archive target (provider name) the configured organisations name. */
    public static final String TARGET = "testarkiv";

    private TestInboxFactory() {
    }

    /**
     * Configured organisations archive into the one provider, registered as target "testarkiv" of
     * {@code archiveKind}; their fallback case is 2024/1 "Fordeling – Øyane".
     */
    public static Inbox create(DataSource dataSource, Set<String> configuredOrgnrs, String archiveKind,
                               ArchiveProvider provider, Clock clock) throws InboxException {
        return create(dataSource, configuredOrgnrs, archiveKind, provider, clock, "test-" + java.util.UUID.randomUUID(),
                JdbcInbox.DEFAULT_CLAIM_TTL);
    }

    /** As above, as cluster node {@code nodeId} whose archiving claims hold for {@code claimTtl}. */
    public static Inbox create(DataSource dataSource, Set<String> configuredOrgnrs, String archiveKind,
                               ArchiveProvider provider, Clock clock, String nodeId, Duration claimTtl)
            throws InboxException {
        return create(dataSource, configuredOrgnrs, archiveKind, provider, clock, nodeId, claimTtl, null, 0);
    }

    /** As above, with the content store in {@code contentStore} (null: none) from {@code thresholdMib}. */
    public static Inbox create(DataSource dataSource, Set<String> configuredOrgnrs, String archiveKind,
                               ArchiveProvider provider, Clock clock, String nodeId, Duration claimTtl,
                               java.nio.file.Path contentStore, long thresholdMib) throws InboxException {
        Fixtures.Orgs organisations = new Fixtures.Orgs();
        configuredOrgnrs.forEach(orgnr -> organisations.put(new Organisation(orgnr, "Testkommune " + orgnr, TARGET,
                null, new CaseNumber(2024, 1), "Fordeling – Øyane", null, Duration.ZERO)));
        ArchiveProviders providers = new ArchiveProviders();
        if (provider != null) {
            providers.add(provider, Map.of(ArchiveProvider.KIND, archiveKind, ArchiveProvider.NAME, TARGET,
                    "service.id", 1L));
        }
        return new JdbcInbox(dataSource, organisations, providers, clock, nodeId, claimTtl, contentStore == null
                ? null : new ContentFiles(contentStore, ContentFiles.thresholdBytes(thresholdMib)));
    }

    public static ItemOutcomes outcomes(Inbox inbox) {
        if (inbox instanceof JdbcInbox jdbc) {
            return jdbc.outcomes();
        }
        throw new IllegalArgumentException("Not an inbox made by TestInboxes: " + inbox);
    }

    public static Leases leases(Inbox inbox) {
        return jdbc(inbox).leases();
    }

    public static FailedAttempts failedAttempts(Inbox inbox) {
        return jdbc(inbox).failedAttempts();
    }

    public static WebSessions webSessions(Inbox inbox) {
        return jdbc(inbox).webSessions();
    }

    public static int resumeAbandonedArchiving(Inbox inbox) throws InboxException {
        return jdbc(inbox).resumeAbandonedArchiving();
    }

    public static void stop(Inbox inbox) {
        jdbc(inbox).close();
    }

    private static JdbcInbox jdbc(Inbox inbox) {
        if (inbox instanceof JdbcInbox jdbc) {
            return jdbc;
        }
        throw new IllegalArgumentException("Not an inbox made by TestInboxes: " + inbox);
    }
}
