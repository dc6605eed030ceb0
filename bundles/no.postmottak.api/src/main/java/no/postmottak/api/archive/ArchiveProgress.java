package no.postmottak.api.archive;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Durable notes a provider keeps about one item's archiving, so that a retry after a failure or crash resumes
 * where it stopped (e.g. the journal post id already created, the documents already uploaded). The inbox stores
 * them in its database; {@link #save} returns only when they are durable.
 */
@ProviderType
public interface ArchiveProgress {

    /** What was saved before, empty the first time. */
    Map<String, String> load();

    /** Replaces the notes. */
    void save(Map<String, String> notes) throws ArchiveException;
}
