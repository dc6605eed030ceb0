package no.postmottak.svarinn.simulator;

/**
 * Per-forsendelse faults: ways real SvarUt data has been, or could be, broken (spec §14, §15.2).
 * Server-wide faults (status codes, 429, ack failing after applying) are in {@link ServerKnobs}.
 *
 * @since 1.0.0
 */
public enum Fault {
    /** Encrypt to another certificate than the mottakersystem's: the receiver holds no matching key. */
    WRONG_RECIPIENT_CERTIFICATE,
    /** Cut the CMS stream short (end of ciphertext and end-of-contents missing); HTTP completes normally. */
    TRUNCATED_CIPHERTEXT,
    /** Alter the ciphertext so that the PKCS#7 padding check fails ("pad block corrupted"). */
    CORRUPT_CIPHERTEXT,
    /** The first {@code filmetadata.sha256hash} does not match the content. */
    HASH_MISMATCH,
    /** The last document listed in {@code filmetadata} is left out of the zip. */
    MISSING_ZIP_ENTRY,
    /** The zip holds one more entry than {@code filmetadata} lists. */
    EXTRA_ZIP_ENTRY,
    /** The zip holds no entries at all (22-byte end-of-central-directory only). */
    EMPTY_ZIP,
    /**
     * Zip entry names in the DOS code page without the UTF-8 flag (bit 11): CP437 bytes, with ø/Ø as in its Nordic
     * variant CP865 (CP437 has no ø); other characters CP865 cannot encode become {@code _}.
     */
    CP437_ENTRY_NAMES,
    /** Unknown fields at the top level, in {@code filmetadata} and in {@code mottaker}. */
    UNKNOWN_JSON_FIELDS,
    /** {@code journalaar}, {@code journalsekvensnummer}, {@code journalpostnummer} and the sender's dates are null. */
    NULL_METADATA_NUMBERS,
    /** {@code date}, {@code journaldato} and the sender's {@code dokumentetsDato} as ISO-8601 strings, not millis. */
    DATES_AS_ISO,
    /** {@code metadataForImport.dokumentetsDato} as epoch millis instead of the documented ISO-8601 string. */
    IMPORT_DATE_AS_MILLIS,
    /** Definite-length DER instead of SvarUt's indefinite-length BER (payload built in memory: keep it small). */
    DEFINITE_LENGTH_DER
}
