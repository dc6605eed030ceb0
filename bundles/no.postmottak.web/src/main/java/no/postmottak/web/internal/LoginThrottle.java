package no.postmottak.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.WebSessions;

/**
 * The login brute-force limit: after {@code maxPerUser} failed logins for one user name, or {@code maxPerAddress}
 * from one client address, within {@code window}, further attempts are refused without asking JAAS until that
 * window (counted from its first failure) has passed. A successful login clears the user name's count. The counts
 * live in the inbox's database ({@link WebSessions}), so they add up across the nodes behind a load balancer; the
 * inbox removes counts older than a day. Holds no password, ever.
 */
public final class LoginThrottle {

    /** The limits; {@code maxPerAddress} is higher because a whole office may share one address. */
    public record Limits(int maxPerUser, int maxPerAddress, Duration window) {

        public Limits {
            if (maxPerUser < 1 || maxPerAddress < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("Ugyldige grenser for innlogging: " + maxPerUser + ", "
                        + maxPerAddress + ", " + window);
            }
        }
    }

    private final WebSessions store;
    private final Limits limits;
    private final Clock clock;

    public LoginThrottle(WebSessions store, Limits limits, Clock clock) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
    }

    /** How long this user name or address is still refused, or empty when it may try. */
    public Optional<Duration> refusedFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(userKey(username), limits.maxPerUser(), now);
        Duration addr = remaining(addressKey(address), limits.maxPerAddress(), now);
        Duration longest = user.compareTo(addr) >= 0 ? user : addr;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Counts a failed login; true when this failure reached a limit (so the caller logs it once). */
    public boolean failed(String username, String address) {
        Instant now = clock.instant();
        try {
            boolean userLimit = store.loginFailed(userKey(username), now, limits.window()).count()
                    == limits.maxPerUser();
            boolean addressLimit = store.loginFailed(addressKey(address), now, limits.window()).count()
                    == limits.maxPerAddress();
            return userLimit || addressLimit;
        } catch (InboxException e) {
            throw new Sessions.StoreUnavailable(e);
        }
    }

    /** A successful login clears the user name's failures (not the address's: others may guess from there). */
    public void succeeded(String username) {
        try {
            store.clearLoginFailures(userKey(username));
        } catch (InboxException e) {
            throw new Sessions.StoreUnavailable(e);
        }
    }

    private Duration remaining(String key, int max, Instant now) {
        try {
            return store.loginFailures(key, now, limits.window())
                    .filter(f -> f.count() >= max)
                    .map(f -> Duration.between(now, f.first().plus(limits.window())))
                    .orElse(Duration.ZERO);
        } catch (InboxException e) {
            throw new Sessions.StoreUnavailable(e);
        }
    }

    /** User names are case-insensitive in most realms; count "Admin" and "admin" together. */
    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
