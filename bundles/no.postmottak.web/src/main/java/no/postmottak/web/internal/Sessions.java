package no.postmottak.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.WebSessions;

/**
 * Logged-in sessions: a random 256-bit session token (the cookie) stands for the user and the session's CSRF token.
 * They live in the inbox's database ({@link WebSessions}), so every node behind the load balancer knows them; the
 * database holds only the SHA-256 of the token, never the token. Our own store rather than the container's
 * HttpSession, so the cookie's HttpOnly and SameSite=Strict attributes do not depend on how Pax Web configures Jetty.
 * Sessions end after {@code idleTimeout} without use (counted from the last recorded use: a use is recorded at most
 * once a minute, so a session may end up to a minute early).
 */
public final class Sessions {

    /** One session. The CSRF token is only ever sent to the page through the JSON API, never in a cookie. */
    public record Session(String id, User user, String csrfToken, Instant created) {

        @Override
        public String toString() {
            return "Session[" + user.name() + ", created=" + created + "]";
        }
    }

    /** The session store could not be reached: the request cannot be answered (503), nobody is logged out. */
    public static final class StoreUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreUnavailable(InboxException cause) {
            super("Innloggingen er midlertidig utilgjengelig; prøv igjen om litt", cause);
        }
    }

    private final WebSessions store;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idleTimeout;
    private final int maxSessions;

    public Sessions(WebSessions store, Clock clock, Duration idleTimeout, int maxSessions) {
        this.store = store;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.maxSessions = maxSessions;
    }

    /**
     * A new session for the user.
     *
     * @throws IllegalStateException when too many sessions are live
     * @throws StoreUnavailable      when the store cannot be reached
     */
    public Session create(User user) {
        Instant now = now();
        Session s = new Session(token(), user, token(), now);
        boolean stored;
        try {
            stored = store.create(new WebSessions.Session(hash(s.id()), user.name(), Roles.of(user), s.csrfToken(),
                    now, now, now.plus(idleTimeout)), maxSessions);
        } catch (InboxException e) {
            throw new StoreUnavailable(e);
        }
        if (!stored) {
            throw new IllegalStateException("For mange samtidige økter; prøv igjen senere");
        }
        return s;
    }

    /**
     * The live session with this id, touched; empty for unknown or idle-expired ids.
     *
     * @throws StoreUnavailable when the store cannot be reached
     */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        try {
            return store.use(hash(id), now(), idleTimeout).map(s -> new Session(id, Roles.toUser(s.user(), s.roles()),
                    s.csrfToken(), s.created()));
        } catch (InboxException e) {
            throw new StoreUnavailable(e);
        }
    }

    /** Ends the session on every node. */
    public void invalidate(String id) {
        if (id != null) {
            try {
                store.delete(hash(id));
            } catch (InboxException e) {
                throw new StoreUnavailable(e);
            }
        }
    }

    /** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
    public static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    /** The SHA-256 (hex) of a session token: what the database stores instead of the token. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Database timestamps keep microseconds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
