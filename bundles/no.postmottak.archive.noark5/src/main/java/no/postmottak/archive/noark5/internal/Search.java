package no.postmottak.archive.noark5.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import no.postmottak.api.archive.ArchiveException;

/** Reading N5WS lists: OData {@code $filter} where the server advertises it, and {@code next} pages. */
final class Search {

    /** Enough pages for any real list here (a case's journalposts); a runaway {@code next} chain stops. */
    private static final int MAX_PAGES = 200;

    private final N5Http n5;

    Search(N5Http n5) {
        this.n5 = n5;
    }

    /** Whether the list link advertises {@code $filter}. */
    static boolean filterable(Link list) {
        return list.accepts("$filter");
    }

    /** The members matching an OData filter (only for a {@link #filterable} link), all pages. */
    List<N5Object> filter(Link list, String filter, String operation) throws ArchiveException {
        List<N5Object> found = new ArrayList<>();
        scan(list.expand(Map.of("$filter", filter)), o -> !found.add(o), operation);
        return found;
    }

    /** Every member of the list, all pages. */
    List<N5Object> all(Link list, String operation) throws ArchiveException {
        List<N5Object> found = new ArrayList<>();
        scan(list.plain(), o -> !found.add(o), operation);
        return found;
    }

    /** The first member of the list, over all pages, that {@code matches}. */
    Optional<N5Object> first(Link list, Predicate<N5Object> matches, String operation) throws ArchiveException {
        return scan(list.plain(), matches, operation);
    }

    private Optional<N5Object> scan(String href, Predicate<N5Object> stop, String operation)
            throws ArchiveException {
        for (int page = 0; href != null && page < MAX_PAGES; page++) {
            N5Object result = n5.get(href, operation);
            for (N5Object o : result.results()) {
                if (stop.test(o)) {
                    return Optional.of(o);
                }
            }
            href = result.link("next").map(Link::href).orElse(null);
        }
        return Optional.empty();
    }

    /** An OData string literal: quoted, with quotes doubled. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
