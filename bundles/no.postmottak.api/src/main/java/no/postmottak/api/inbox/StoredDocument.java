package no.postmottak.api.inbox;

import no.postmottak.api.DocumentRole;

/**
 * A document as the inbox stored it.
 *
 * @param index     position in the item, from 0 (0 is the main document)
 * @param fileName  the original file name
 * @param mediaType the MIME type
 * @param size      the stored size in bytes
 * @param sha256    SHA-256 of the stored content, lower-case hex
 * @param role      main document or attachment
 * @param purged    true when the content was removed (item deleted); the metadata stays for the audit trail
 */
public record StoredDocument(int index, String fileName, String mediaType, long size, String sha256,
                             DocumentRole role, boolean purged) {
}
