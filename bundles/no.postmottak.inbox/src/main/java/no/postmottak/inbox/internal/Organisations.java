package no.postmottak.inbox.internal;

import java.util.Optional;

/** Looks an organisation's current settings up by organisation number. */
@FunctionalInterface
public interface Organisations {

    Optional<Organisation> find(String orgnr);
}
