package no.postmottak.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.postmottak.api.archive.ArchiveProvider;

/** The rules by which an organisation gets its archive: exactly the one it names, or none — never a guess. */
class ArchiveProvidersTest {

    private final ArchiveProviders providers = new ArchiveProviders();
    private final ArchiveProvider kommune = request -> null;
    private final ArchiveProvider kf = request -> null;
    private final ArchiveProvider folder = request -> null;

    private static Organisation byTarget(String target) {
        return new Organisation("921123450", "Nordre Øyane kommune", target, null, null, null, null, Duration.ZERO);
    }

    private static Organisation byKind(String kind) {
        return new Organisation("921123450", "Nordre Øyane kommune", kind, null, null, Duration.ZERO);
    }

    private void addAll() {
        providers.add(kommune, Map.of(ArchiveProvider.KIND, "websak", ArchiveProvider.NAME, "kommune-websak",
                "service.id", 1L));
        providers.add(kf, Map.of(ArchiveProvider.KIND, "websak", ArchiveProvider.NAME, "kf-websak",
                "service.id", 2L, "service.ranking", 100));
        providers.add(folder, Map.of(ArchiveProvider.KIND, "filesystem", "service.id", 3L));
    }

    private ArchiveProvider resolved(Organisation org) {
        ArchiveProviders.Resolution r = providers.resolve(org);
        assertThat(r).isInstanceOf(ArchiveProviders.Resolved.class);
        return ((ArchiveProviders.Resolved) r).target().provider();
    }

    private ArchiveProviders.Unresolved refused(Organisation org) {
        ArchiveProviders.Resolution r = providers.resolve(org);
        assertThat(r).isInstanceOf(ArchiveProviders.Unresolved.class);
        return (ArchiveProviders.Unresolved) r;
    }

    @Test
    void aTargetPicksTheProviderOfThatNameWhateverTheRanking() {
        addAll();
        assertThat(resolved(byTarget("kommune-websak"))).isSameAs(kommune);
        assertThat(resolved(byTarget("kf-websak"))).isSameAs(kf);
        assertThat(providers.resolve(byTarget("kommune-websak")))
                .extracting(r -> ((ArchiveProviders.Resolved) r).target().name()).isEqualTo("kommune-websak");
    }

    @Test
    void aTargetThatNoProviderHasIsRefusedNamingTheOrganisationAndTheTarget() {
        addAll();
        ArchiveProviders.Unresolved u = refused(byTarget("websak"));
        assertThat(u.problem()).contains("Nordre Øyane kommune (921123450)", "«websak» finnes ikke");
        assertThat(u.retryable()).isTrue();
    }

    @Test
    void twoProvidersWithOneNameAreRefusedNotRanked() {
        addAll();
        ArchiveProvider twin = request -> null;
        providers.add(twin, Map.of(ArchiveProvider.KIND, "websak", ArchiveProvider.NAME, "kommune-websak",
                "service.ranking", 1000));
        ArchiveProviders.Unresolved u = refused(byTarget("kommune-websak"));
        assertThat(u.problem()).contains("921123450", "2 arkivleverandører har navnet «kommune-websak»");
        assertThat(u.retryable()).isFalse();
    }

    @Test
    void aLegacyKindWorksWhileItIsUnambiguousAndIsRefusedOnceASecondProviderAppears() {
        providers.add(kommune, Map.of(ArchiveProvider.KIND, "websak", ArchiveProvider.NAME, "kommune-websak"));
        assertThat(resolved(byKind("websak"))).isSameAs(kommune);

        providers.add(kf, Map.of(ArchiveProvider.KIND, "websak", ArchiveProvider.NAME, "kf-websak",
                "service.ranking", 100));
        ArchiveProviders.Unresolved u = refused(byKind("websak"));
        assertThat(u.problem()).contains("Nordre Øyane kommune (921123450)", "archive.kind = websak er tvetydig",
                "«kommune-websak» (websak)", "«kf-websak» (websak)", "archive.target");
        assertThat(u.retryable()).isFalse();

        providers.remove(kf);
        assertThat(resolved(byKind("websak"))).isSameAs(kommune);
    }

    @Test
    void aProviderThatLeavesAndComesBackIsFoundAgain() {
        addAll();
        providers.remove(kf);
        assertThat(refused(byTarget("kf-websak")).problem()).contains("«kf-websak» finnes ikke");
        assertThat(resolved(byTarget("kommune-websak"))).as("the other organisation keeps working").isSameAs(kommune);

        providers.add(kf, Map.of(ArchiveProvider.KIND, "websak", ArchiveProvider.NAME, "kf-websak"));
        assertThat(resolved(byTarget("kf-websak"))).isSameAs(kf);
    }

    @Test
    void anOrganisationWithoutTargetOrKindIsRefusedAndAProviderWithoutKindIsIgnored() {
        providers.add(kommune, Map.of(ArchiveProvider.NAME, "kommune-websak"));
        assertThat(refused(byTarget("kommune-websak")).problem()).contains("finnes ikke");
        assertThat(refused(byTarget(null)).problem()).contains("ingen arkivleverandør er valgt");
        assertThat(providers.all()).isEmpty();
    }

    @Test
    void aKindOfWhichNoneRunsIsRetryable() {
        addAll();
        ArchiveProviders.Unresolved u = refused(byKind("acos-mottak"));
        assertThat(u.problem()).contains("ingen arkivleverandør av typen «acos-mottak» er startet");
        assertThat(u.retryable()).isTrue();
    }
}
