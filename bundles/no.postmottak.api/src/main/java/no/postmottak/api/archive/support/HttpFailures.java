package no.postmottak.api.archive.support;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;

/**
 * Turns HTTP outcomes into {@link ArchiveException}s with a message for the clerk: 5xx, 408, 409 (changed by
 * someone else meanwhile), 429, timeouts and connection failures may pass (UNAVAILABLE); other 4xx will not
 * (REJECTED). Messages name the archive and the operation, never URLs with keys or secrets.
 *
 * @since 1.0.0
 */
public final class HttpFailures {

    private static final int MAX_DETAIL = 300;

    private HttpFailures() {
    }

    /**
     * @param archive   the archive as the clerk knows it, e.g. {@code WebSak}
     * @param operation what was attempted, in Norwegian, e.g. {@code oppretting av journalpost}
     * @param status    the HTTP status
     * @param detail    the archive's own explanation (the error body or its message field), or null
     */
    public static ArchiveException forStatus(String archive, String operation, int status, String detail) {
        String why = brief(detail);
        if (status >= 500 || status == 408 || status == 429) {
            return new ArchiveException(Reason.UNAVAILABLE, archive + " svarte " + status + " på " + operation
                    + "; prøv igjen senere" + why);
        }
        if (status == 409) {
            return new ArchiveException(Reason.UNAVAILABLE, archive + " meldte konflikt (409) under " + operation
                    + ": objektet ble endret av andre samtidig; prøv igjen" + why);
        }
        if (status == 401 || status == 403) {
            return new ArchiveException(Reason.REJECTED, archive + " avviste påloggingen (" + status + ") på "
                    + operation + ": sjekk klient-id, hemmelighet, brukernavn/passord eller API-nøkkel i "
                    + "konfigurasjonen" + why);
        }
        return new ArchiveException(Reason.REJECTED, archive + " avviste " + operation + " (" + status + ")" + why);
    }

    /** A connection that failed, timed out or broke off: worth trying again. */
    public static ArchiveException forIo(String archive, String operation, IOException e) {
        String what = e instanceof HttpTimeoutException ? "svarte ikke i tide"
                : e instanceof ConnectException ? "kunne ikke nås" : "brøt forbindelsen";
        return new ArchiveException(Reason.UNAVAILABLE, archive + " " + what + " under " + operation
                + "; prøv igjen senere", e);
    }

    /** The archiving thread was interrupted (shutdown): keeps the interrupt flag and asks for a retry. */
    public static ArchiveException interrupted(String archive, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new ArchiveException(Reason.UNAVAILABLE, "Arkivering til " + archive + " ble avbrutt", e);
    }

    /** The start of an explanation, on one line, for the clerk; archives put the reason there. */
    static String brief(String detail) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        String oneLine = detail.replaceAll("\\s+", " ").strip();
        return ": " + (oneLine.length() > MAX_DETAIL ? oneLine.substring(0, MAX_DETAIL) + "…" : oneLine);
    }
}
