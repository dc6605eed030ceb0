package no.postmottak.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.archive.ArchiveProvider;
import no.postmottak.api.inbox.OrganisationView;

/** What the clerk sees of an organisation's settings follows configuration and provider availability live. */
class OrganisationViewTest {

    @TempDir
    Path dir;

    @Test
    void showsTheArchiveTargetItsAvailabilityTheFallbackCaseAndForwarding() throws Exception {
        Fixtures.Orgs orgs = new Fixtures.Orgs().put(Fixtures.org("910000001", "websak", new CaseNumber(2026, 1),
                new Organisation.Smtp("smtp.kommune.no", 587, "u", "hemmelig", true, "post@kommune.no")));
        ArchiveProviders providers = new ArchiveProviders();
        JdbcInbox inbox = Fixtures.inbox(TestDatabases.create(TestDatabases.Kind.H2, dir), orgs, providers);

        OrganisationView view = inbox.organisation("910000001").orElseThrow();
        assertThat(view.displayName()).isEqualTo("Testkommune 910000001");
        assertThat(view.archiveKind()).hasValue("websak");
        assertThat(view.archiveTarget()).isEmpty();
        assertThat(view.archiveAvailable()).as("no provider yet").isFalse();
        assertThat(view.archiveProblem()).hasValueSatisfying(p -> assertThat(p).contains("«websak»"));
        assertThat(view.fallbackCase()).hasValue(new CaseNumber(2026, 1));
        assertThat(view.forwardingAvailable()).isTrue();
        assertThat(view.toString()).doesNotContain("hemmelig");

        TestArchive websak = new TestArchive(true, java.util.Set.of());
        providers.add(websak, Map.of(ArchiveProvider.KIND, "websak", ArchiveProvider.NAME, "kommune-websak"));
        assertThat(inbox.organisation("910000001").orElseThrow().archiveAvailable()).isTrue();
        assertThat(inbox.organisation("910000001").orElseThrow().archiveProblem()).isEmpty();
        providers.remove(websak);
        assertThat(inbox.organisation("910000001").orElseThrow().archiveAvailable()).isFalse();

        orgs.put(Fixtures.org("920000002", null, null, null));
        OrganisationView bare = inbox.organisation("920000002").orElseThrow();
        assertThat(bare.archiveKind()).isEmpty();
        assertThat(bare.fallbackCase()).isEmpty();
        assertThat(bare.forwardingAvailable()).isFalse();
        assertThat(inbox.organisation("930000003")).isEmpty();
    }

    @Test
    void theAdministratorSeesEveryOrganisationAndWhichTargetServesWhom() throws Exception {
        Fixtures.Orgs orgs = new Fixtures.Orgs()
                .put(new Organisation("910000001", "Nordre Øyane kommune", "kommune-websak", null,
                        new CaseNumber(2026, 1), "Fordeling – Øyane", null, java.time.Duration.ZERO))
                .put(new Organisation("910000002", "Øyane hamn KF", "kommune-websak", null, null, null, null,
                        java.time.Duration.ZERO))
                .put(new Organisation("910000003", "Øyane vatn KF", "vatn-websak", null, null, null, null,
                        java.time.Duration.ZERO));
        ArchiveProviders providers = new ArchiveProviders();
        JdbcInbox inbox = Fixtures.inbox(TestDatabases.create(TestDatabases.Kind.H2, dir), orgs, providers);
        providers.add(new TestArchive(true, java.util.Set.of()),
                Map.of(ArchiveProvider.KIND, "websak", ArchiveProvider.NAME, "kommune-websak", "service.id", 7L));
        providers.add(new TestArchive(true, java.util.Set.of()),
                Map.of(ArchiveProvider.KIND, "filesystem", "service.id", 8L));

        assertThat(inbox.organisations()).extracting(OrganisationView::orgnr)
                .containsExactly("910000001", "910000002", "910000003");
        OrganisationView first = inbox.organisations().get(0);
        assertThat(first.archiveTarget()).hasValue("kommune-websak");
        assertThat(first.fallbackCaseTitle()).isEqualTo("Fordeling – Øyane");
        assertThat(inbox.organisations().get(2).archiveAvailable()).isFalse();

        assertThat(inbox.archiveTargets()).extracting(t -> t.name() + "/" + t.kind() + "/" + t.organisations())
                .containsExactly("null/filesystem/[]", "kommune-websak/websak/[910000001, 910000002]");
    }
}
