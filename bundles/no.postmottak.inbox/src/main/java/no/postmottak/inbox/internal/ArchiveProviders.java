package no.postmottak.inbox.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import no.postmottak.api.archive.ArchiveProvider;

/**
 * The archive providers currently registered, with their {@link ArchiveProvider#NAME name} and
 * {@link ArchiveProvider#KIND kind}. Providers come and go at any time (dynamic references), so an organisation's
 * target is resolved again for every archiving.
 * <p>
 * Resolution fails closed: an organisation gets exactly the one provider its configuration names, or none. There is
 * never a fallback to "the best of that kind" — that would put one organisation's mail into another's archive.
 */
final class ArchiveProviders {

    /** One registered provider. {@code name} is null for a provider configured without one. */
    record Target(ArchiveProvider provider, String name, String kind, long serviceId) {

        /** How a clerk or an operator refers to it. */
        String label() {
            return name != null ? "«" + name + "» (" + kind + ")" : "uten navn (" + kind + ")";
        }
    }

    /** The outcome of choosing an organisation's archive target. */
    sealed interface Resolution {
    }

    /** Exactly one provider matched. */
    record Resolved(Target target) implements Resolution {
    }

    /**
     * No single provider matched.
     *
     * @param problem   Norwegian text for clerks and administrators, naming the organisation and what was found
     * @param retryable whether retrying later may succeed without a configuration change (a provider restarting)
     */
    record Unresolved(String problem, boolean retryable) implements Resolution {
    }

    private final Map<ArchiveProvider, Target> targets = new ConcurrentHashMap<>();

    void add(ArchiveProvider provider, Map<String, ?> properties) {
        String kind = text(properties.get(ArchiveProvider.KIND));
        if (kind == null) {
            return;
        }
        Object id = properties.get("service.id");
        targets.put(provider, new Target(provider, text(properties.get(ArchiveProvider.NAME)), kind,
                id instanceof Long l ? l : 0L));
    }

    void remove(ArchiveProvider provider) {
        targets.remove(provider);
    }

    /** Every registered provider, by name then kind, for the administration page. */
    List<Target> all() {
        return targets.values().stream()
                .sorted(Comparator.comparing((Target t) -> t.name() == null ? "" : t.name())
                        .thenComparing(Target::kind).thenComparingLong(Target::serviceId))
                .toList();
    }

    /**
     * The organisation's provider: the one whose name is the organisation's {@code archive.target}; without a
     * target, the only provider of its legacy {@code archive.kind}. None or several is refused.
     */
    Resolution resolve(Organisation org) {
        String who = who(org);
        if (org.archiveTarget() != null) {
            List<Target> named = matching(t -> org.archiveTarget().equals(t.name()));
            if (named.size() == 1) {
                return new Resolved(named.get(0));
            }
            if (named.isEmpty()) {
                return new Unresolved("Arkivmål er ikke tilgjengelig for " + who + ": arkivmålet «"
                        + org.archiveTarget() + "» finnes ikke (ingen arkivleverandør med dette navnet er startet)",
                        true);
            }
            return new Unresolved("Arkivmål er ikke tilgjengelig for " + who + ": " + named.size()
                    + " arkivleverandører har navnet «" + org.archiveTarget() + "» (" + labels(named)
                    + "). Hver arkivleverandør må ha sitt eget navn.", false);
        }
        if (org.archiveKind() != null) {
            List<Target> ofKind = matching(t -> org.archiveKind().equals(t.kind()));
            if (ofKind.size() == 1) {
                return new Resolved(ofKind.get(0));
            }
            if (ofKind.isEmpty()) {
                return new Unresolved("Arkivmål er ikke tilgjengelig for " + who
                        + ": ingen arkivleverandør av typen «" + org.archiveKind() + "» er startet", true);
            }
            return new Unresolved("Arkivmål er ikke tilgjengelig for " + who + ": archive.kind = "
                    + org.archiveKind() + " er tvetydig fordi " + ofKind.size() + " arkivleverandører av denne "
                    + "typen er startet (" + labels(ofKind) + "). Velg én av dem med archive.target.", false);
        }
        return new Unresolved("Arkivmål er ikke tilgjengelig for " + who
                + ": ingen arkivleverandør er valgt (archive.target)", false);
    }

    private List<Target> matching(java.util.function.Predicate<Target> filter) {
        return all().stream().filter(filter).toList();
    }

    private static String labels(List<Target> list) {
        return list.stream().map(Target::label).collect(Collectors.joining(", "));
    }

    static String who(Organisation org) {
        return org.displayName() == null || org.displayName().isBlank()
                ? "organisasjonen " + org.orgnr()
                : org.displayName() + " (" + org.orgnr() + ")";
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
