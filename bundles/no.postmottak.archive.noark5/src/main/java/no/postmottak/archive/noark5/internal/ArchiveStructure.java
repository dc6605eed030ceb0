package no.postmottak.archive.noark5.internal;

import java.util.List;
import java.util.stream.Collectors;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;

/**
 * Where this target files: root → arkivstruktur → the configured arkiv → the configured arkivdel, found by
 * following rels only; with the saksmappe list to search cases in and the archive's {@code bulkgrense}. Found once
 * and kept; {@link #forget()} after a failure so that the next attempt looks again.
 */
final class ArchiveStructure {

    /** N5WS default when the archive does not say (ch. 6 "Systeminformasjon"): 150 MiB. */
    static final long DEFAULT_BULK_LIMIT = 150L * 1024 * 1024;

    /**
     * @param arkivdel        the arkivdel filed into
     * @param saksmappeSearch the saksmappe list to find cases in (the arkivdel's, else the sakarkiv's)
     * @param bulkLimit       files larger than this go through the chunked upload
     */
    record Place(N5Object arkivdel, Link saksmappeSearch, long bulkLimit) {
    }

    private final Noark5Settings settings;
    private final N5Http n5;
    private Place place;

    ArchiveStructure(Noark5Settings settings, N5Http n5) {
        this.settings = settings;
        this.n5 = n5;
    }

    synchronized Place place() throws ArchiveException {
        if (place == null) {
            place = find();
        }
        return place;
    }

    synchronized void forget() {
        place = null;
    }

    private Place find() throws ArchiveException {
        N5Object root = n5.get(settings.root().toString(), "lesing av arkivets rot");
        N5Object structure = n5.get(root.require(Rels.ARKIVSTRUKTUR, "arkivstruktur").plain(),
                "lesing av arkivstrukturen");
        N5Object arkiv = pick(structure.require(Rels.ARKIV, "arkiv"), settings.arkiv(), "arkiv", "arkiv");
        N5Object arkivdel = pick(arkiv.require(Rels.ARKIVDEL, "arkivdeler"), settings.arkivdel(), "arkivdel",
                "arkivdel");
        Link cases = arkivdel.link(Rels.SAKSMAPPE).orElse(null);
        if (cases == null) {
            N5Object sakarkiv = n5.get(root.require(Rels.SAKARKIV, "sakarkiv").plain(), "lesing av sakarkivet");
            cases = sakarkiv.require(Rels.SAKSMAPPE, "søk i saksmapper");
        }
        long bulk = DEFAULT_BULK_LIMIT;
        if (root.link(Rels.SYSTEM).isPresent()) {
            N5Object system = n5.get(root.link(Rels.SYSTEM).get().plain(), "lesing av systeminformasjon");
            bulk = system.json().path("bulkgrense").asLong(DEFAULT_BULK_LIMIT);
        }
        return new Place(arkivdel, cases, bulk > 0 ? bulk : DEFAULT_BULK_LIMIT);
    }

    /** The member whose title or systemID is {@code wanted}; without a wish, the only member. */
    private N5Object pick(Link list, String wanted, String what, String setting) throws ArchiveException {
        List<N5Object> all = new Search(n5).all(list, "lesing av " + what);
        if (wanted == null) {
            if (all.size() == 1) {
                return all.get(0);
            }
            throw new ArchiveException(Reason.TARGET_NOT_AVAILABLE, N5Http.ARCHIVE + " har " + all.size() + " "
                    + what + (all.isEmpty() ? "" : " (" + titles(all) + ")") + "; velg ett med «" + setting
                    + "» i konfigurasjonen");
        }
        return all.stream().filter(o -> wanted.equals(o.systemId()) || wanted.equalsIgnoreCase(o.text("tittel")))
                .findFirst().orElseThrow(() -> new ArchiveException(Reason.TARGET_NOT_AVAILABLE, N5Http.ARCHIVE
                        + " har ingen " + what + " med tittel eller systemID «" + wanted + "»"
                        + (all.isEmpty() ? "" : "; fant " + titles(all))));
    }

    private static String titles(List<N5Object> list) {
        return list.stream().map(o -> "«" + o.text("tittel") + "»").collect(Collectors.joining(", "));
    }
}
