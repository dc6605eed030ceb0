package no.postmottak.api.archive;

import no.postmottak.api.CaseNumber;

/**
 * A case in the archive.
 *
 * @param caseId     the archive's own id of the case
 * @param caseNumber its case number
 * @param title      its title, may be empty
 */
public record CaseInfo(String caseId, CaseNumber caseNumber, String title) {
}
