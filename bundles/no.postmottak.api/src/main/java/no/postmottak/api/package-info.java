/**
 * Postmottak's domain: what a channel receives ({@link no.postmottak.api.IncomingItem}), the parties and metadata
 * that travel with it, and the states an item goes through in the inbox. Plain immutable values, no behaviour
 * beyond validation.
 * <p>
 * 1.2.0: {@link no.postmottak.api.ArchiveReceipt}, which the inbox and the archive SPI both refer to.
 * <p>
 * 1.3.0: {@link no.postmottak.api.IncomingItem#confidential()} (taushetsbelagt post, any channel) and
 * {@link no.postmottak.api.ImportSuggestion#caseSystemId()}; the earlier constructors stay.
 */
@Export
@Version("1.3.0")
package no.postmottak.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
