package no.postmottak.api.inbox;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Cluster-wide leases on the inbox's database, so that exactly one node works on a given upstream account at a
 * time. A lease not renewed before it expires can be taken by another node.
 */
@ProviderType
public interface Leases {

    /**
     * Takes or renews the lease {@code name} for {@code holder} for {@code ttl}.
     *
     * @return true when {@code holder} holds the lease afterwards
     */
    boolean acquire(String name, String holder, Duration ttl) throws InboxException;

    /** Gives the lease up, if {@code holder} holds it. */
    void release(String name, String holder) throws InboxException;
}
