/**
 * The key store contract: decrypt the CMS payloads that senders encrypt to our certificates, without private
 * keys ever leaving the key store bundle.
 */
@Export
@Version("1.0.0")
package no.postmottak.api.keystore;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
