package no.postmottak.web.internal;

import java.util.Optional;

/** Checks a user name and password. The web layer depends on this, not on JAAS, so tests can swap realms. */
@FunctionalInterface
public interface Authenticator {

    /** The user when the password is right; empty otherwise. Never throws for wrong credentials. */
    Optional<User> authenticate(String username, char[] password);
}
