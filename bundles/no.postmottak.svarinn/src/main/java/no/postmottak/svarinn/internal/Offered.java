package no.postmottak.svarinn.internal;

import java.time.Instant;
import java.util.List;

import no.postmottak.api.IncomingItem;
import no.postmottak.svarinn.internal.json.FilMetadata;

/**
 * One forsendelse as a SvarInn list offers it, with what the receive pipeline needs whichever API version listed
 * it. Implemented by the wire records of each version.
 */
public interface Offered {

    /** The forsendelse id: the same in V1 and V2, so an account can move between them without re-receiving. */
    String id();

    /** When SvarUt received it, for receiving in order; may be null. */
    Instant date();

    /** The sender's forsendelse type (V1 {@code forsendelseType}, V2 {@code type}), or null. */
    String type();

    /** Where to download the encrypted file (V1 {@code downloadUrl}, V2 {@code nedlastingslenke}), or null. */
    String downloadUrl();

    /** The documents the sender listed, never null. */
    List<FilMetadata> filer();

    /** The inbox item, with the account's view of the recipient ({@link ForsendelseMapper}). */
    IncomingItem toIncomingItem(ForsendelseMapper mapper);
}
