package no.postmottak.inbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
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

/**
 * Builds the real JDBC inbox for the web tests. It lives in the inbox's package because JdbcInbox's collaborators
 * (organisations, archive providers) are package-private there; on the plain test class path that is allowed.
 */
public final class WebTestInboxes {

    private WebTestInboxes() {
    }

    /**
     * An inbox where {@code configuredOrgnrs} archive through {@code provider} (target "testarkiv", kind "test"),
     * others are unknown.
     */
    public static Inbox create(DataSource ds, Set<String> configuredOrgnrs, ArchiveProvider provider, Clock clock)
            throws InboxException {
        Map<String, Organisation> orgs = configuredOrgnrs.stream().collect(Collectors.toMap(Function.identity(),
                o -> new Organisation(o, "Testkommune " + o, "testarkiv", null, new CaseNumber(2024, 1),
                        "Fordeling – Øyane", null, Duration.ZERO)));
        ArchiveProviders providers = new ArchiveProviders();
        providers.add(provider, Map.of(ArchiveProvider.KIND, "test", ArchiveProvider.NAME, "testarkiv",
                "service.id", 1L));
        return new JdbcInbox(ds, new Organisations() {
            @Override
            public Optional<Organisation> find(String orgnr) {
                return Optional.ofNullable(orgs.get(orgnr));
            }

            @Override
            public List<Organisation> all() {
                return List.copyOf(orgs.values());
            }
        }, providers, clock);
    }
}
