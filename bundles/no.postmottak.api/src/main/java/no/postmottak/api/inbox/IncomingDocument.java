package no.postmottak.api.inbox;

import java.io.InputStream;
import java.util.Objects;

import no.postmottak.api.DocumentDescriptor;

/**
 * One document on its way into the inbox: its descriptor and its content as a stream. The inbox reads the stream to
 * its end; a stream that throws (for example on a failed integrity check at the end) makes the whole accept fail
 * and store nothing. The inbox does not close the stream; its producer does.
 */
public record IncomingDocument(DocumentDescriptor descriptor, InputStream content) {

    public IncomingDocument {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(content, "content");
    }
}
