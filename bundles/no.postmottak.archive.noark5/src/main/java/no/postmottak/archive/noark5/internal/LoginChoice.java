package no.postmottak.archive.noark5.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;
import no.postmottak.archive.noark5.internal.Noark5Settings.AuthMethod;
import no.postmottak.archive.noark5.internal.Noark5Settings.Login;

/**
 * Chooses how to log in from what the archive's root advertises (N5WS ch. 4: login rels under the root's
 * {@code _links}, readable without login) and the configuration, once; then hands out the credentials.
 */
final class LoginChoice implements N5Http.LoginSource {

    private final Noark5Settings settings;
    private final N5Http anonymous;
    private final HttpClient http;
    private final Clock clock;
    private Credentials credentials;

    LoginChoice(Noark5Settings settings, N5Http anonymous, HttpClient http, Clock clock) {
        this.settings = settings;
        this.anonymous = anonymous;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public synchronized Credentials credentials() throws ArchiveException {
        if (credentials == null) {
            credentials = choose();
        }
        return credentials;
    }

    private Credentials choose() throws ArchiveException {
        Login login = settings.login();
        AuthMethod method = settings.auth();
        N5Object root = null;
        if (method == AuthMethod.AUTO || settings.tokenUrl() == null && method != AuthMethod.BASIC) {
            root = anonymous.get(settings.root().toString(), "lesing av arkivets rot");
        }
        if (method == AuthMethod.AUTO) {
            boolean oauth = root.link(Rels.LOGIN_OIDC).isPresent() || root.link(Rels.LOGIN_OAUTH2).isPresent();
            if (oauth && login.clientId() != null) {
                method = login.username() != null ? AuthMethod.OAUTH2_PASSWORD : AuthMethod.OAUTH2_CLIENT_CREDENTIALS;
            } else if (login.username() != null && (root.link(Rels.LOGIN_BASIC).isPresent() || !oauth)) {
                method = AuthMethod.BASIC;
            } else {
                throw new ArchiveException(Reason.TARGET_NOT_AVAILABLE, N5Http.ARCHIVE + " tilbyr ingen påloggingsmåte"
                        + " som passer konfigurasjonen: OAuth2 krever client.id, Basic krever username og .password");
            }
        }
        try {
            return switch (method) {
                case BASIC -> Credentials.basic(login.username(), login.password());
                case OAUTH2_PASSWORD -> new OAuth2Tokens(tokenEndpoint(root), OAuth2Tokens.Grant.PASSWORD, login, http,
                        settings.timeout(), clock);
                default -> new OAuth2Tokens(tokenEndpoint(root), OAuth2Tokens.Grant.CLIENT_CREDENTIALS, login, http,
                        settings.timeout(), clock);
            };
        } catch (IllegalArgumentException e) {
            throw new ArchiveException(Reason.TARGET_NOT_AVAILABLE, "Påloggingen til " + N5Http.ARCHIVE
                    + " er ufullstendig konfigurert: " + e.getMessage());
        }
    }

    /** The configured token URL, else OpenID Connect discovery's {@code token_endpoint}, else the OAuth2 rel. */
    private URI tokenEndpoint(N5Object root) throws ArchiveException {
        if (settings.tokenUrl() != null) {
            return settings.tokenUrl();
        }
        Optional<Link> oidc = root.link(Rels.LOGIN_OIDC);
        if (oidc.isPresent()) {
            String endpoint = anonymous.get(oidc.get().plain(), "lesing av OpenID Connect-oppsettet")
                    .text("token_endpoint");
            if (endpoint != null) {
                return URI.create(oidc.get().plain()).resolve(endpoint);
            }
        }
        return root.link(Rels.LOGIN_OAUTH2).map(l -> URI.create(settings.root().toString()).resolve(l.plain()))
                .orElseThrow(() -> new ArchiveException(Reason.TARGET_NOT_AVAILABLE, N5Http.ARCHIVE
                        + " annonserer ingen OAuth2-pålogging; sett token.url eller bruk auth.method = basic"));
    }
}
