package no.postmottak.api.inbox;

import java.util.List;

/**
 * An archive target (a registered archive provider) as the administrator sees it.
 *
 * @param name          the target's name ({@code name} of its configuration), or null when it has none (then only a
 *                      legacy {@code archive.kind} can reach it)
 * @param kind          the provider kind, e.g. {@code websak}
 * @param organisations the organisation numbers whose archiving resolves to this target now; more than one is
 *                      allowed, and shown as a warning
 */
public record ArchiveTargetView(String name, String kind, List<String> organisations) {

    public ArchiveTargetView {
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
    }
}
