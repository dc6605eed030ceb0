package no.postmottak.inbox.internal;

import java.util.List;
import java.util.Optional;

/** Looks an organisation's current settings up by organisation number. */
@FunctionalInterface
interface Organisations {

    Optional<Organisation> find(String orgnr);

    /** Every configured organisation, for the administrator; a lookup that cannot list has none to show. */
    default List<Organisation> all() {
        return List.of();
    }
}
