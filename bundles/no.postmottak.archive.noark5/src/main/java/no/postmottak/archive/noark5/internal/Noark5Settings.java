package no.postmottak.archive.noark5.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * One archive target's settings, checked: where the archive is, how to log in, where to file and with which
 * journalpost defaults. Blank optional values are null.
 *
 * @param root               the N5WS root URL; the only URL the provider knows, everything else is followed
 * @param auth               how to log in
 * @param login              the credentials
 * @param tokenUrl           the OAuth2 token endpoint, or null to use the one the archive advertises
 * @param arkiv              the arkiv to file into (title or systemID), or null when the archive has only one
 * @param arkivdel           the arkivdel (title or systemID), or null when the arkiv has only one
 * @param fallbackCase       the case used when none is chosen: a case number ({@code 2026/1}) or a systemID, or null
 * @param journalstatus      journalstatus code of new journalposts, e.g. {@code M}
 * @param administrativEnhet the administrative unit receiving the mail, or null
 * @param saksbehandler      the case handler receiving the mail, or null
 * @param chunkSize          bytes per request in a chunked upload (files above the archive's {@code bulkgrense})
 * @param timeout            how long one request may take
 */
record Noark5Settings(URI root, AuthMethod auth, Login login, URI tokenUrl, String arkiv, String arkivdel,
                      String fallbackCase, String journalstatus, String administrativEnhet, String saksbehandler,
                      int chunkSize, Duration timeout) {

    /** How to log in to the archive. */
    enum AuthMethod {
        /** As the archive's root advertises: OAuth2 when it offers it and a client id is set, else Basic. */
        AUTO,
        OAUTH2_CLIENT_CREDENTIALS,
        OAUTH2_PASSWORD,
        BASIC;

        static AuthMethod parse(String text) {
            String t = text == null || text.isBlank() ? "auto" : text.strip().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "auto" -> AUTO;
                case "oauth2-client-credentials" -> OAUTH2_CLIENT_CREDENTIALS;
                case "oauth2-password" -> OAUTH2_PASSWORD;
                case "basic" -> BASIC;
                default -> throw new IllegalArgumentException("auth.method must be auto, oauth2-client-credentials, "
                        + "oauth2-password or basic: " + text);
            };
        }
    }

    /** Credentials; {@link #toString()} never shows the secrets. */
    record Login(String clientId, String clientSecret, String username, String password, String scope) {

        Login {
            clientId = blankToNull(clientId);
            clientSecret = clientSecret == null || clientSecret.isEmpty() ? null : clientSecret;
            username = blankToNull(username);
            password = password == null || password.isEmpty() ? null : password;
            scope = blankToNull(scope);
        }

        @Override
        public String toString() {
            return "Login[client " + clientId + ", user " + username + ", scope " + scope + "]";
        }
    }

    Noark5Settings {
        if (root == null || !("https".equals(root.getScheme()) || "http".equals(root.getScheme()))) {
            throw new IllegalArgumentException("root.url must be an http(s) URL: " + root);
        }
        arkiv = blankToNull(arkiv);
        arkivdel = blankToNull(arkivdel);
        fallbackCase = blankToNull(fallbackCase);
        journalstatus = journalstatus == null || journalstatus.isBlank() ? "M" : journalstatus.strip();
        administrativEnhet = blankToNull(administrativEnhet);
        saksbehandler = blankToNull(saksbehandler);
        if (chunkSize < 64 * 1024) {
            throw new IllegalArgumentException("The chunk size must be at least 64 KiB: " + chunkSize);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
