package no.postmottak.svarinn.internal;

import java.io.InputStream;
import java.util.List;

/**
 * The SvarInn API as the receiver sees it, whichever version speaks it on the wire (V1 Mottaksservice or V2). The
 * one receive pipeline ({@link ForsendelseReceiver}, {@link AccountPoller}) works against this.
 */
public interface SvarInnApi {

    /** The version for logs and status, e.g. {@code v2}. */
    String version();

    /**
     * One call for waiting forsendelser. The list is capped at {@link #pageSize()} entries in V2: a full page means
     * more may be waiting, once these are acknowledged.
     */
    List<Offered> listNew() throws SvarInnException;

    /** The most entries one {@link #listNew()} returns, or 0 when the list is not capped (V1). */
    int pageSize();

    /** Starts the download of the encrypted payload at the URL the list gave. The caller reads and closes it. */
    Download download(String url) throws SvarInnException;

    /** The forsendelse is stored durably; SvarUt stops offering it (V1 kvitterMottak, V2 PATCH status MOTTATT). */
    void acknowledge(String forsendelseId) throws SvarInnException;

    /**
     * We could not receive it (V1 mottakFeilet, V2 PATCH status FEILET); permanent makes SvarUt deliver it through
     * another channel, temporary only shows in the sender's log.
     */
    void reportFailure(String forsendelseId, String feilmelding, boolean permanent) throws SvarInnException;

    /** The response head of a download: the content type SvarUt declared and the (encrypted) body. */
    record Download(String contentType, InputStream body) {
    }
}
