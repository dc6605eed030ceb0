package no.postmottak.inbox.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.archive.ArchiveProvider;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.Leases;

/**
 * Builds the real {@link JdbcInbox} for {@link no.postmottak.inbox.testing.TestInboxes}: the one door from the
 * test-jar's entry point into this package, whose classes stay package-private. Other modules use TestInboxes.
 */
public final class TestInboxFactory {

    private TestInboxFactory() {
    }

    public static Inbox create(DataSource dataSource, Set<String> configuredOrgnrs, String archiveKind,
                               ArchiveProvider provider, Clock clock) throws InboxException {
        Map<String, Organisation> organisations = configuredOrgnrs.stream().collect(Collectors.toMap(
                Function.identity(), orgnr -> Fixtures.org(orgnr, archiveKind, new CaseNumber(2024, 1), null)));
        ArchiveProviders providers = new ArchiveProviders();
        if (provider != null) {
            providers.add(provider, Map.of(ArchiveProvider.KIND, archiveKind, "service.id", 1L));
        }
        return new JdbcInbox(dataSource, orgnr -> Optional.ofNullable(organisations.get(orgnr)), providers, clock);
    }

    public static Leases leases(Inbox inbox) {
        if (inbox instanceof JdbcInbox jdbc) {
            return jdbc.leases();
        }
        throw new IllegalArgumentException("Not an inbox made by TestInboxes: " + inbox);
    }
}
