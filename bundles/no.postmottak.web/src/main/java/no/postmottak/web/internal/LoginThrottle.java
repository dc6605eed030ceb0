package no.postmottak.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The login brute-force limit: after {@code maxPerUser} failed logins for one user name, or {@code maxPerAddress}
 * from one client address, within {@code window}, further attempts are refused without asking JAAS until that
 * window (counted from its first failure) has passed. A successful login clears the user name's count. Memory is
 * bounded: each map keeps at most {@code maxEntries} keys and drops the least recently used beyond that. Holds no
 * password, ever.
 */
public final class LoginThrottle {

    /** The limits; {@code maxPerAddress} is higher because a whole office may share one address. */
    public record Limits(int maxPerUser, int maxPerAddress, Duration window, int maxEntries) {

        public Limits {
            if (maxPerUser < 1 || maxPerAddress < 1 || window.isNegative() || window.isZero() || maxEntries < 1) {
                throw new IllegalArgumentException("Ugyldige grenser for innlogging: " + maxPerUser + ", "
                        + maxPerAddress + ", " + window + ", " + maxEntries);
            }
        }
    }

    private record Failures(Instant first, int count) {
    }

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Failures> users;
    private final Map<String, Failures> addresses;

    public LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.users = bounded(limits.maxEntries());
        this.addresses = bounded(limits.maxEntries());
    }

    /** How long this user name or address is still refused, or empty when it may try. */
    public synchronized Optional<Duration> refusedFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(users, key(username), limits.maxPerUser(), now);
        Duration addr = remaining(addresses, address, limits.maxPerAddress(), now);
        Duration longest = user.compareTo(addr) >= 0 ? user : addr;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Counts a failed login; true when this failure reached a limit (so the caller logs it once). */
    public synchronized boolean failed(String username, String address) {
        Instant now = clock.instant();
        boolean userLimit = count(users, key(username), now) == limits.maxPerUser();
        boolean addressLimit = count(addresses, address, now) == limits.maxPerAddress();
        return userLimit || addressLimit;
    }

    /** A successful login clears the user name's failures (not the address's: others may guess from there). */
    public synchronized void succeeded(String username) {
        users.remove(key(username));
    }

    private int count(Map<String, Failures> map, String key, Instant now) {
        Failures f = map.get(key);
        Failures next = f == null || expired(f, now) ? new Failures(now, 1) : new Failures(f.first(), f.count() + 1);
        map.put(key, next);
        return next.count();
    }

    private Duration remaining(Map<String, Failures> map, String key, int max, Instant now) {
        Failures f = map.get(key);
        if (f == null) {
            return Duration.ZERO;
        }
        if (expired(f, now)) {
            map.remove(key);
            return Duration.ZERO;
        }
        return f.count() >= max ? Duration.between(now, f.first().plus(limits.window())) : Duration.ZERO;
    }

    private boolean expired(Failures f, Instant now) {
        return !now.isBefore(f.first().plus(limits.window()));
    }

    /** User names are case-insensitive in most realms; count "Admin" and "admin" together. */
    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Failures> bounded(int maxEntries) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** For tests: how many user names and addresses are tracked. */
    synchronized int size() {
        return users.size() + addresses.size();
    }
}
