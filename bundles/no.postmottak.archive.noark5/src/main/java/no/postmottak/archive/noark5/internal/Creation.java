package no.postmottak.archive.noark5.internal;

import java.net.ConnectException;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;

/**
 * Creates each archive object at most once, across retries and crashes. Before a create the step is noted as
 * begun; when the archive confirms, its href replaces that note. A retry that finds the step begun but not
 * confirmed (the answer was lost, or we crashed) first looks the object up in the archive and creates it only if
 * it is not there — so a lost answer never makes a second journalpost.
 */
final class Creation {

    /** Looks for an object an earlier, unconfirmed attempt may have created. */
    interface Lookup {
        Optional<N5Object> find() throws ArchiveException;
    }

    private static final String BEGUN = ".opprettes";

    private final N5Http n5;
    private final Progress progress;

    Creation(N5Http n5, Progress progress) {
        this.n5 = n5;
        this.progress = progress;
    }

    /**
     * The object noted under {@code key}; else one found by {@code lookup} when an earlier attempt began creating
     * it; else a new child of {@code parent} made through {@code rel}.
     */
    N5Object once(String key, N5Object parent, String rel, JsonNode body, Lookup lookup, String what)
            throws ArchiveException {
        String href = progress.get(key);
        if (href != null) {
            return n5.get(href, "lesing av " + what);
        }
        if (progress.has(key + BEGUN)) {
            Optional<N5Object> earlier = lookup.find();
            if (earlier.isPresent()) {
                progress.put(key, earlier.get().self(), key + BEGUN);
                return earlier.get();
            }
        }
        progress.put(key + BEGUN, Instant.now().toString(), null);
        N5Object created;
        try {
            created = n5.create(parent, rel, what, body, "oppretting av " + what);
        } catch (ArchiveException e) {
            if (e.reason() == Reason.REJECTED || e.getCause() instanceof ConnectException) {
                progress.remove(key + BEGUN); // refused, or never reached the archive: certainly nothing made
            }
            throw e;
        }
        if (created.self() == null) {
            throw new ArchiveException(Reason.UNAVAILABLE, N5Http.ARCHIVE + " svarte uten self-lenke på "
                    + "oppretting av " + what);
        }
        progress.put(key, created.self(), key + BEGUN);
        return created;
    }

    /** Whether a step is confirmed done. */
    boolean done(String key) {
        return progress.has(key);
    }

    void markDone(String key, String value) throws ArchiveException {
        progress.put(key, value, null);
    }
}
