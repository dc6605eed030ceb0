package no.postmottak.web.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in sessions, in memory: a random 256-bit session id (the cookie) maps to the user and the session's CSRF
 * token. Our own store rather than the container's HttpSession, so the cookie's HttpOnly and SameSite=Strict
 * attributes do not depend on how Pax Web configures Jetty. Sessions end after {@code idleTimeout} without use.
 */
public final class Sessions {

    /** One session. The CSRF token is only ever sent to the page through the JSON API, never in a cookie. */
    public record Session(String id, User user, String csrfToken, Instant created) {

        @Override
        public String toString() {
            return "Session[" + user.name() + ", created=" + created + "]";
        }
    }

    private record Entry(Session session, Instant lastUsed) {
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idleTimeout;
    private final int maxSessions;

    public Sessions(Clock clock, Duration idleTimeout, int maxSessions) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.maxSessions = maxSessions;
    }

    /** A new session for the user. */
    public Session create(User user) {
        expire();
        if (byId.size() >= maxSessions) {
            throw new IllegalStateException("For mange samtidige økter; prøv igjen senere");
        }
        Session s = new Session(token(), user, token(), clock.instant());
        byId.put(s.id(), new Entry(s, s.created()));
        return s;
    }

    /** The live session with this id, touched; empty for unknown or idle-expired ids. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry e = byId.get(id);
        if (e == null) {
            return Optional.empty();
        }
        if (e.lastUsed().plus(idleTimeout).isBefore(now)) {
            byId.remove(id, e);
            return Optional.empty();
        }
        byId.replace(id, e, new Entry(e.session(), now));
        return Optional.of(e.session());
    }

    public void invalidate(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    /** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
    public static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                given.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private void expire() {
        Instant limit = clock.instant().minus(idleTimeout);
        byId.values().removeIf(e -> e.lastUsed().isBefore(limit));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
