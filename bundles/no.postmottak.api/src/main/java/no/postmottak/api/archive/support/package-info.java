/**
 * Helpers for archive-provider implementations that talk HTTP to an archive: turning HTTP outcomes into
 * {@link no.postmottak.api.archive.ArchiveException}s with Norwegian messages ({@link
 * no.postmottak.api.archive.support.HttpFailures}), and reading a document while checking it is still the content
 * the inbox recorded ({@link no.postmottak.api.archive.support.VerifiedContent}). Plain JDK, no OSGi or JSON types,
 * so that every provider bundle can use them without pulling anything in.
 *
 * @since 1.0.0
 */
@Export
@Version("1.0.0")
package no.postmottak.api.archive.support;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
