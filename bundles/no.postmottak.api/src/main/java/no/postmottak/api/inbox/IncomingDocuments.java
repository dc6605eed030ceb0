package no.postmottak.api.inbox;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The documents of an incoming item, handed over one at a time in document order, so that a channel can stream
 * them straight out of a decrypted zip. The previous document's stream must be read to its end before
 * {@link #next()} is called.
 */
@ConsumerType
@FunctionalInterface
public interface IncomingDocuments {

    /** The next document, or empty when there are no more. */
    Optional<IncomingDocument> next() throws IOException;

    /** Documents that are already at hand, for tests and small items. */
    static IncomingDocuments of(List<IncomingDocument> documents) {
        Iterator<IncomingDocument> it = List.copyOf(documents).iterator();
        return () -> it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }
}
