package no.postmottak.web.internal;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import no.postmottak.api.Orgnr;

/**
 * Turns role names into a {@link User}: {@code postmottak-admin}, {@code postmottak-org-<orgnr>},
 * {@code postmottak-delete} and {@code postmottak-taushet-<orgnr>} (may read the organisation's confidential mail).
 */
public final class Roles {

    public static final String ADMIN = "postmottak-admin";
    public static final String ORG_PREFIX = "postmottak-org-";
    public static final String DELETER = "postmottak-delete";
    public static final String CONFIDENTIAL_PREFIX = "postmottak-taushet-";

    private Roles() {
    }

    /** The user with these roles; other roles are ignored, and so are malformed organisation roles. */
    public static User toUser(String name, Collection<String> roles) {
        boolean admin = false;
        boolean deleter = false;
        Set<String> orgnrs = new TreeSet<>();
        Set<String> confidential = new TreeSet<>();
        for (String role : roles) {
            String r = role.trim();
            if (r.equals(ADMIN)) {
                admin = true;
            } else if (r.equals(DELETER)) {
                deleter = true;
            } else if (r.startsWith(ORG_PREFIX) && Orgnr.isValid(r.substring(ORG_PREFIX.length()))) {
                orgnrs.add(r.substring(ORG_PREFIX.length()));
            } else if (r.startsWith(CONFIDENTIAL_PREFIX) && Orgnr.isValid(r.substring(CONFIDENTIAL_PREFIX.length()))) {
                confidential.add(r.substring(CONFIDENTIAL_PREFIX.length()));
            }
        }
        return new User(name, admin, orgnrs, deleter, confidential);
    }

    /** The roles that make {@code user} again through {@link #toUser}: what a stored session keeps. */
    public static Set<String> of(User user) {
        Set<String> roles = new TreeSet<>();
        if (user.admin()) {
            roles.add(ADMIN);
        }
        if (user.deleter()) {
            roles.add(DELETER);
        }
        user.orgnrs().forEach(o -> roles.add(ORG_PREFIX + o));
        user.confidentialOrgnrs().forEach(o -> roles.add(CONFIDENTIAL_PREFIX + o));
        return roles;
    }
}
