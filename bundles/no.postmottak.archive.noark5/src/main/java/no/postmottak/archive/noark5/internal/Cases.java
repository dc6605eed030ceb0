package no.postmottak.archive.noark5.internal;

import java.util.Optional;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;
import no.postmottak.api.archive.CaseInfo;

/**
 * Finds saksmapper with the OData {@code $filter} the archive advertises on its saksmappe list: by case number
 * ({@code saksaar eq 2024 and sakssekvensnummer eq 123}) or by systemID, and decides which case an item goes on.
 */
final class Cases {

    private final ArchiveStructure structure;
    private final Search search;
    private final String fallbackCase;

    Cases(ArchiveStructure structure, N5Http n5, String fallbackCase) {
        this.structure = structure;
        this.search = new Search(n5);
        this.fallbackCase = fallbackCase;
    }

    Optional<N5Object> byNumber(CaseNumber number) throws ArchiveException {
        return one("saksaar eq " + number.saksaar() + " and sakssekvensnummer eq " + number.sakssekvensnummer(),
                "søk etter sak " + number);
    }

    Optional<N5Object> bySystemId(String systemId) throws ArchiveException {
        return one("systemID eq " + Search.literal(systemId), "søk etter sak med systemID " + systemId);
    }

    /**
     * The case to file on: the target's systemID, else its case number, else this target's fallback case.
     *
     * @throws ArchiveException REJECTED when the chosen case does not exist; TARGET_NOT_AVAILABLE when no case is
     *                          chosen and no usable fallback case is configured
     */
    N5Object resolve(CaseInfo target) throws ArchiveException {
        if (target != null && target.caseId() != null && !target.caseId().isBlank()) {
            return bySystemId(target.caseId().strip()).orElseThrow(() -> new ArchiveException(Reason.REJECTED,
                    "Saken med systemID " + target.caseId() + " finnes ikke i " + N5Http.ARCHIVE));
        }
        if (target != null && target.caseNumber() != null) {
            return byNumber(target.caseNumber()).orElseThrow(() -> new ArchiveException(Reason.REJECTED,
                    "Saken " + target.caseNumber() + " finnes ikke i " + N5Http.ARCHIVE));
        }
        if (fallbackCase == null) {
            throw new ArchiveException(Reason.TARGET_NOT_AVAILABLE, "Ingen sak er valgt, og ingen reservesak "
                    + "(fallback.case) er konfigurert for Noark 5-arkivmålet");
        }
        Optional<N5Object> fallback = fallbackCase.matches("\\d{4}/\\d+") ? byNumber(CaseNumber.parse(fallbackCase))
                : bySystemId(fallbackCase);
        return fallback.orElseThrow(() -> new ArchiveException(Reason.TARGET_NOT_AVAILABLE, "Reservesaken «"
                + fallbackCase + "» finnes ikke i " + N5Http.ARCHIVE + "; rett fallback.case i konfigurasjonen"));
    }

    /** What the inbox needs to know of a saksmappe. */
    static CaseInfo info(N5Object saksmappe) {
        return new CaseInfo(saksmappe.systemId(), number(saksmappe).orElse(null),
                Optional.ofNullable(saksmappe.text("tittel")).orElse(""));
    }

    static Optional<CaseNumber> number(N5Object saksmappe) {
        return CaseNumber.ofNullable(saksmappe.json().path("saksaar").asInt(0),
                saksmappe.json().path("sakssekvensnummer").asInt(0));
    }

    private Optional<N5Object> one(String filter, String operation) throws ArchiveException {
        Link list = structure.place().saksmappeSearch();
        if (!Search.filterable(list)) {
            throw new ArchiveException(Reason.REJECTED, N5Http.ARCHIVE + " annonserer ikke søk ($filter) i "
                    + "saksmapper, så saker kan ikke slås opp");
        }
        return search.filter(list, filter, operation).stream().findFirst();
    }
}
