package no.postmottak.api.inbox;

import java.util.Optional;

import no.postmottak.api.CaseNumber;

/**
 * What a clerk needs to know of a receiving organisation's settings before acting: where archiving goes, and whether
 * it can go there now. Never holds a secret.
 *
 * @param orgnr               the organisation number
 * @param displayName         the name shown to clerks, may be empty
 * @param archiveKind         the {@code postmottak.archive.kind} items are archived with, or empty when none is set
 * @param archiveAvailable    whether a provider of that kind is running now
 * @param fallbackCase        the case used when neither clerk nor sender names one, or empty
 * @param forwardingAvailable whether e-mail forwarding is set up (SMTP)
 */
public record OrganisationView(String orgnr, String displayName, Optional<String> archiveKind,
                               boolean archiveAvailable, Optional<CaseNumber> fallbackCase,
                               boolean forwardingAvailable) {

    public OrganisationView {
        displayName = displayName == null ? "" : displayName;
        archiveKind = archiveKind == null ? Optional.empty() : archiveKind;
        fallbackCase = fallbackCase == null ? Optional.empty() : fallbackCase;
    }
}
