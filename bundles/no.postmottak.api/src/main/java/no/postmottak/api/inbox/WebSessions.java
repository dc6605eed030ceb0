package no.postmottak.api.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The web inbox's logged-in sessions and its login limit, in the inbox's database, so that every cluster node behind
 * a load balancer knows them: a clerk logged in on one node goes on working when the next request reaches another,
 * a logout anywhere ends the session everywhere, and failed logins count across nodes.
 * <p>
 * The store never sees a session token: the web keeps only {@code idHash}, the SHA-256 of the random token, so that
 * a copy of the database cannot be used to take over sessions. Times are the caller's ({@code now}): expiries of
 * minutes tolerate the seconds of skew between NTP-synchronised nodes.
 *
 * @since 2.3.0
 */
@ProviderType
public interface WebSessions {

    /**
     * One session.
     *
     * @param idHash    the SHA-256 (hex) of the session token
     * @param user      the login name
     * @param roles     the user's roles at login
     * @param csrfToken the session's CSRF token (sent to the page only through the JSON API)
     * @param created   when the user logged in
     * @param lastUsed  the last request
     * @param expiresAt when it ends unless used again
     */
    record Session(String idHash, String user, Set<String> roles, String csrfToken, Instant created,
                   Instant lastUsed, Instant expiresAt) {

        public Session {
            roles = Set.copyOf(roles);
        }

        @Override
        public String toString() {
            return "Session[" + user + ", created=" + created + "]"; // never the CSRF token
        }
    }

    /**
     * Stores a new session unless {@code maxSessions} live sessions exist already.
     *
     * @return false when there are too many
     */
    boolean create(Session session, int maxSessions) throws InboxException;

    /**
     * The live session, its last use set to {@code now} and its expiry to {@code now + idleTimeout}; empty when it is
     * unknown or expired (an expired one is deleted).
     */
    Optional<Session> use(String idHash, Instant now, Duration idleTimeout) throws InboxException;

    /** Ends the session (logout), on every node. */
    void delete(String idHash) throws InboxException;

    /**
     * Deletes the sessions that expired before {@code now}, and failed logins older than a day (no login window is
     * that long); returns how many sessions.
     */
    int purgeExpired(Instant now) throws InboxException;

    /**
     * Failed logins of one key (a user name or a client address) in the window that began with the first of them.
     *
     * @param count how many
     * @param first when the window began
     */
    record LoginFailures(int count, Instant first) {
    }

    /**
     * Counts a failed login for {@code key}; a window older than {@code window} starts over. Atomic between nodes.
     *
     * @return the failures in the current window, including this one
     */
    LoginFailures loginFailed(String key, Instant now, Duration window) throws InboxException;

    /** The failures of {@code key} in a window still running at {@code now}, or empty. */
    Optional<LoginFailures> loginFailures(String key, Instant now, Duration window) throws InboxException;

    /** Forgets the failures of {@code key} (a successful login clears its user name). */
    void clearLoginFailures(String key) throws InboxException;
}
