package no.postmottak.api.archive;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;

import no.postmottak.api.inbox.StoredDocument;

/** A document to archive: its metadata and a way to read it (more than once, if the provider must retry). */
@ProviderType
public interface ArchiveDocument {

    StoredDocument metadata();

    /** Opens the content; the caller closes the stream. */
    InputStream open() throws IOException;
}
