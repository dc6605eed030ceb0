package no.postmottak.web.internal;

import java.util.Set;

/**
 * A logged-in user and what the user may see.
 *
 * @param name   the login name, used as actor in the audit trail
 * @param admin  true for {@code postmottak-admin}: every organisation and the administration page
 * @param orgnrs  the organisations granted through {@code postmottak-org-<orgnr>} roles
 * @param deleter true for {@code postmottak-delete}: may delete where deleting is restricted to that role
 * @param confidentialOrgnrs the organisations whose confidential mail the user may read, through
 *                {@code postmottak-taushet-<orgnr>} roles (administrators too need the role)
 */
public record User(String name, boolean admin, Set<String> orgnrs, boolean deleter, Set<String> confidentialOrgnrs) {

    public User {
        orgnrs = Set.copyOf(orgnrs);
        confidentialOrgnrs = Set.copyOf(confidentialOrgnrs);
    }

    public User(String name, boolean admin, Set<String> orgnrs) {
        this(name, admin, orgnrs, false, Set.of());
    }

    /** Whether the user may delete items, when {@code restricted} limits deleting to the delete role. */
    public boolean mayDelete(boolean restricted) {
        return !restricted || admin || deleter;
    }

    /** Whether the user may see items addressed to {@code orgnr}. */
    public boolean maySee(String orgnr) {
        return admin || orgnrs.contains(orgnr);
    }

    /**
     * Whether the user may read the content of an item addressed to {@code orgnr}: its title, sender, metadata and
     * documents. A confidential item needs the organisation's confidentiality role besides seeing the organisation.
     */
    public boolean mayRead(String orgnr, boolean confidential) {
        return maySee(orgnr) && (!confidential || confidentialOrgnrs.contains(orgnr));
    }

    /** Whether the user may use the web inbox at all. */
    public boolean hasAnyAccess() {
        return admin || !orgnrs.isEmpty();
    }
}
