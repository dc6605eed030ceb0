package no.postmottak.web.internal;

import java.util.Set;

import no.postmottak.api.inbox.InboxException;

/** The organisations an administrator's "all organisations" means. */
@FunctionalInterface
public interface OrgDirectory {

    Set<String> knownOrgnrs() throws InboxException;
}
