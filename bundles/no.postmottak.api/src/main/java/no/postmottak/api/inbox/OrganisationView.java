package no.postmottak.api.inbox;

import java.util.Optional;

import no.postmottak.api.CaseNumber;

/**
 * What a clerk needs to know of a receiving organisation's settings before acting: where archiving goes, and whether
 * it can go there now. Never holds a secret.
 *
 * @param orgnr               the organisation number
 * @param displayName         the name shown to clerks, may be empty
 * @param archiveTarget       the name of the archive target ({@code archive.target}) the organisation archives into,
 *                            or empty when the organisation still names only a kind
 * @param archiveKind         the kind of archive items go to (the provider found, else the configured
 *                            {@code archive.kind}), or empty when neither is known
 * @param archiveAvailable    whether exactly one provider matches the organisation's choice now
 * @param archiveProblem      why archiving is refused now (Norwegian, names the organisation and what was found), or
 *                            empty when it is available
 * @param fallbackCase        the case used when neither clerk nor sender names one, or empty
 * @param fallbackCaseTitle   the title of that case as the organisation wrote it, may be empty
 * @param forwardingAvailable whether e-mail forwarding is set up (SMTP)
 */
public record OrganisationView(String orgnr, String displayName, Optional<String> archiveTarget,
                               Optional<String> archiveKind, boolean archiveAvailable,
                               Optional<String> archiveProblem, Optional<CaseNumber> fallbackCase,
                               String fallbackCaseTitle, boolean forwardingAvailable) {

    public OrganisationView {
        displayName = displayName == null ? "" : displayName;
        archiveTarget = archiveTarget == null ? Optional.empty() : archiveTarget;
        archiveKind = archiveKind == null ? Optional.empty() : archiveKind;
        archiveProblem = archiveProblem == null ? Optional.empty() : archiveProblem;
        fallbackCase = fallbackCase == null ? Optional.empty() : fallbackCase;
        fallbackCaseTitle = fallbackCaseTitle == null ? "" : fallbackCaseTitle;
    }
}
