package no.postmottak.web.internal;

import java.util.Set;

/**
 * A logged-in user and what the user may see.
 *
 * @param name   the login name, used as actor in the audit trail
 * @param admin  true for {@code postmottak-admin}: every organisation and the administration page
 * @param orgnrs the organisations granted through {@code postmottak-org-<orgnr>} roles
 */
public record User(String name, boolean admin, Set<String> orgnrs) {

    public User {
        orgnrs = Set.copyOf(orgnrs);
    }

    /** Whether the user may see items addressed to {@code orgnr}. */
    public boolean maySee(String orgnr) {
        return admin || orgnrs.contains(orgnr);
    }

    /** Whether the user may use the web inbox at all. */
    public boolean hasAnyAccess() {
        return admin || !orgnrs.isEmpty();
    }
}
