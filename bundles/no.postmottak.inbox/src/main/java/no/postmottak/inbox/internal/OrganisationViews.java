package no.postmottak.inbox.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.postmottak.api.inbox.ArchiveTargetView;
import no.postmottak.api.inbox.OrganisationView;

/** What clerks and administrators see of the organisations and their archive targets, resolved now. */
final class OrganisationViews {

    private final Organisations organisations;
    private final ArchiveProviders providers;

    OrganisationViews(Organisations organisations, ArchiveProviders providers) {
        this.organisations = organisations;
        this.providers = providers;
    }

    Optional<OrganisationView> find(String orgnr) {
        return organisations.find(orgnr).map(this::view);
    }

    List<OrganisationView> all() {
        return organisations.all().stream().sorted(Comparator.comparing(Organisation::orgnr)).map(this::view)
                .toList();
    }

    /** Every provider with the organisations that resolve to it now. */
    List<ArchiveTargetView> targets() {
        Map<ArchiveProviders.Target, List<String>> users = new LinkedHashMap<>();
        providers.all().forEach(t -> users.put(t, new ArrayList<>()));
        for (Organisation org : organisations.all()) {
            if (providers.resolve(org) instanceof ArchiveProviders.Resolved r) {
                users.computeIfAbsent(r.target(), t -> new ArrayList<>()).add(org.orgnr());
            }
        }
        return users.entrySet().stream()
                .map(e -> new ArchiveTargetView(e.getKey().name(), e.getKey().kind(), e.getValue().stream()
                        .sorted().toList()))
                .toList();
    }

    private OrganisationView view(Organisation o) {
        ArchiveProviders.Resolution resolution = providers.resolve(o);
        Optional<String> kind = resolution instanceof ArchiveProviders.Resolved r
                ? Optional.of(r.target().kind()) : Optional.ofNullable(o.archiveKind());
        Optional<String> problem = resolution instanceof ArchiveProviders.Unresolved u
                ? Optional.of(u.problem()) : Optional.empty();
        return new OrganisationView(o.orgnr(), o.displayName(), Optional.ofNullable(o.archiveTarget()), kind,
                problem.isEmpty(), problem, Optional.ofNullable(o.fallbackCase()), o.fallbackCaseTitle(),
                o.smtp() != null);
    }
}
