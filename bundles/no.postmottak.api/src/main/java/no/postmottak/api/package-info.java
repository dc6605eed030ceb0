/**
 * Postmottak's domain: what a channel receives ({@link no.postmottak.api.IncomingItem}), the parties and metadata
 * that travel with it, and the states an item goes through in the inbox. Plain immutable values, no behaviour
 * beyond validation.
 */
@Export
@Version("1.1.0")
package no.postmottak.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
