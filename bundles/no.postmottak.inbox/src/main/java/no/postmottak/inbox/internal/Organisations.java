package no.postmottak.inbox.internal;

import java.util.Optional;

/** Looks an organisation's current settings up by organisation number. */
@FunctionalInterface
interface Organisations {

    Optional<Organisation> find(String orgnr);
}
