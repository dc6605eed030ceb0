package no.postmottak.inbox.internal;

import java.time.Duration;

import no.postmottak.api.CaseNumber;

/**
 * One organisation's settings (from its factory configuration).
 *
 * @param orgnr             the organisation number items are addressed to
 * @param displayName       the name shown to clerks
 * @param archiveTarget     the name of the archive provider to use ({@code archive.target}), or null
 * @param archiveKind       the legacy choice by kind ({@code archive.kind}), used only without a target, or null
 * @param fallbackCase      the case to file on when neither clerk nor sender names one, or null
 * @param fallbackCaseTitle that case's title as the organisation wrote it, or null
 * @param smtp              forwarding mail settings, or null when forwarding is not set up
 * @param deletedContentRetention how long deleted content may stay before it is purged (ZERO: at once)
 */
record Organisation(String orgnr, String displayName, String archiveTarget, String archiveKind,
                    CaseNumber fallbackCase, String fallbackCaseTitle, Smtp smtp, Duration deletedContentRetention) {

    /** An organisation that names its archive by kind only, as configurations before archive targets did. */
    Organisation(String orgnr, String displayName, String archiveKind, CaseNumber fallbackCase, Smtp smtp,
                 Duration deletedContentRetention) {
        this(orgnr, displayName, null, archiveKind, fallbackCase, null, smtp, deletedContentRetention);
    }

    /**
     * SMTP settings for forwarding. The password is never part of {@link #toString()}.
     */
    record Smtp(String host, int port, String username, String password, boolean tls, String fromAddress) {

        @Override
        public String toString() {
            return "Smtp[" + host + ":" + port + ", user=" + username + ", tls=" + tls + ", from=" + fromAddress
                    + (password == null || password.isEmpty() ? "" : ", password=***") + "]";
        }
    }
}
