package no.postmottak.archive.websak.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;

/**
 * Turns HTTP outcomes into {@link ArchiveException}s: 5xx, 408, 429, timeouts and connection failures may pass
 * (UNAVAILABLE); other 4xx will not (REJECTED). Messages name the archive, never URLs with keys or secrets.
 */
public final class HttpFailures {

    private HttpFailures() {
    }

    public static ArchiveException forStatus(String archive, String operation, int status, String body) {
        String detail = brief(body);
        if (status >= 500 || status == 408 || status == 429) {
            return new ArchiveException(Reason.UNAVAILABLE, archive + " svarte " + status + " på " + operation
                    + "; prøv igjen senere" + detail);
        }
        if (status == 401 || status == 403) {
            return new ArchiveException(Reason.REJECTED, archive + " avviste påloggingen (" + status + ") på "
                    + operation + ": sjekk klient-id, hemmelighet eller API-nøkkel i konfigurasjonen" + detail);
        }
        return new ArchiveException(Reason.REJECTED, archive + " avviste " + operation + " (" + status + ")" + detail);
    }

    public static ArchiveException forIo(String archive, String operation, IOException e) {
        String what = e instanceof HttpTimeoutException ? "svarte ikke i tide"
                : e instanceof ConnectException ? "kunne ikke nås" : "brøt forbindelsen";
        return new ArchiveException(Reason.UNAVAILABLE, archive + " " + what + " under " + operation
                + "; prøv igjen senere", e);
    }

    public static ArchiveException interrupted(String archive, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new ArchiveException(Reason.UNAVAILABLE, "Arkivering til " + archive + " ble avbrutt", e);
    }

    /** The start of an error body, one line, for the clerk; archives put the reason there. */
    static String brief(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return ": " + (oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine);
    }
}
