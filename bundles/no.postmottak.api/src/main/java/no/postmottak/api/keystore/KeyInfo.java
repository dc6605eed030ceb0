package no.postmottak.api.keystore;

import java.time.Instant;
import java.util.List;

/**
 * A configured key as operators see it. Holds no secret.
 *
 * @param name         the configuration's name (its PID)
 * @param alias        the key's alias in its key store, or the PEM file name
 * @param subject      the certificate subject, or null when the key could not be loaded
 * @param issuer       the certificate issuer, or null
 * @param serialHex    the certificate serial number in upper-case hex, or null
 * @param notAfter     the certificate's expiry, or null
 * @param account      the SvarInn account this key serves, may be empty
 * @param orgnrs       the organisation numbers it serves
 * @param problem      why the key cannot be used, or null when it works
 */
public record KeyInfo(String name, String alias, String subject, String issuer, String serialHex, Instant notAfter,
                      String account, List<String> orgnrs, String problem) {

    public KeyInfo {
        orgnrs = orgnrs == null ? List.of() : List.copyOf(orgnrs);
    }

    /** Whether the key is loaded and can decrypt. */
    public boolean usable() {
        return problem == null;
    }

    /** Whether the certificate expires before {@code instant}. */
    public boolean expiresBefore(Instant instant) {
        return notAfter != null && notAfter.isBefore(instant);
    }
}
