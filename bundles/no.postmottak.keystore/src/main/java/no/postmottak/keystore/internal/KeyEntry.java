package no.postmottak.keystore.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import no.postmottak.api.keystore.KeyInfo;

/**
 * One configured key: loaded, or broken with an operator-readable {@code problem}. A broken entry still exists so
 * that the configuration error is visible. Holds no password; {@link #toString()} shows no key material.
 */
public final class KeyEntry {

    private final String name;
    private final String alias;
    private final String account;
    private final List<String> orgnrs;
    private final LoadedKey key;
    private final String problem;

    private KeyEntry(KeySource source, LoadedKey key, String problem) {
        this.name = source.name();
        this.alias = source.displayAlias();
        this.account = source.account();
        this.orgnrs = source.orgnrs();
        this.key = key;
        this.problem = problem;
    }

    /** Loads the source; never throws: a failure becomes the entry's problem. */
    public static KeyEntry load(KeySource source) {
        try {
            return new KeyEntry(source, KeyLoader.load(source), null);
        } catch (KeyLoadException e) {
            return new KeyEntry(source, null, e.getMessage());
        } catch (RuntimeException e) {
            return new KeyEntry(source, null, "Cannot load key: " + e.getClass().getSimpleName());
        }
    }

    /** An entry whose configuration is wrong before any key is read, e.g. a malformed org number. */
    public static KeyEntry broken(KeySource source, String problem) {
        return new KeyEntry(source, null, problem);
    }

    public String name() {
        return name;
    }

    public String account() {
        return account;
    }

    /** The loaded key, empty when the entry is broken. */
    Optional<LoadedKey> key() {
        return Optional.ofNullable(key);
    }

    public String problem() {
        return problem;
    }

    /** Whether the certificate expires before {@code now + within} (already expired included). */
    public boolean expiresWithin(Duration within, Instant now) {
        return key != null && key.notAfter().isBefore(now.plus(within));
    }

    public KeyInfo info() {
        return key == null
                ? new KeyInfo(name, alias, null, null, null, null, account, orgnrs, problem)
                : new KeyInfo(name, key.alias() != null ? key.alias() : alias, key.subject(), key.issuer(), key.serialHex(), key.notAfter(), account,
                        orgnrs, null);
    }

    @Override
    public String toString() {
        return "KeyEntry[name=" + name + ", alias=" + alias + ", account=" + account + ", orgnrs=" + orgnrs
                + (key != null ? ", " + key : ", problem=" + problem) + "]";
    }
}
