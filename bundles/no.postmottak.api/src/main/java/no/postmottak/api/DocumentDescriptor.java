package no.postmottak.api;

import java.util.Objects;

/**
 * What a channel says about one document before its content is read.
 *
 * @param fileName     the original file name, never blank, without path
 * @param mediaType    the MIME type, never null ({@code application/octet-stream} when unknown)
 * @param expectedSize the size the sender announced in bytes, or -1 when unknown
 * @param expectedSha256 the SHA-256 (lower-case hex) the sender announced, or null
 * @param role         main document or attachment
 * @param documentType the sender's free-text document type, or null
 */
public record DocumentDescriptor(String fileName, String mediaType, long expectedSize, String expectedSha256,
                                 DocumentRole role, String documentType) {

    public DocumentDescriptor {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("A document needs a file name");
        }
        mediaType = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType;
        Objects.requireNonNull(role, "role");
    }
}
