package no.postmottak.svarinn.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.CRC32;

import no.postmottak.svarinn.simulator.internal.GeneratedInputStream;

/**
 * One original document of a forsendelse: a {@code filmetadata} entry and the zip entry of the same name.
 * Content is either given bytes or generated on the fly (deterministic pseudo-random bytes, for huge downloads
 * that are never held in memory). SHA-256, CRC-32 and size are computed once, lazily, by streaming the content.
 *
 * @since 1.0.0
 */
public final class Dokument {
    private final String filnavn;
    private final String mimetype;
    private final String dokumentType;
    private final byte[] bytes;
    private final long generatedSize;
    private final long seed;
    private volatile Digest digest;

    private Dokument(String filnavn, String mimetype, String dokumentType, byte[] bytes, long generatedSize,
                     long seed) {
        this.filnavn = requireName(filnavn);
        this.mimetype = Objects.requireNonNull(mimetype, "mimetype");
        this.dokumentType = dokumentType;
        this.bytes = bytes;
        this.generatedSize = generatedSize;
        this.seed = seed;
    }

    /**
     * A document with the given content.
     *
     * @param filnavn      file name, also the zip entry name; no path separators
     * @param mimetype     MIME type
     * @param dokumentType free text from the sender, may be null
     * @param content      the content (copied)
     * @return the document
     */
    public static Dokument of(String filnavn, String mimetype, String dokumentType, byte[] content) {
        return new Dokument(filnavn, mimetype, dokumentType, content.clone(), -1, 0);
    }

    /**
     * A document of {@code size} pseudo-random bytes generated while streaming (stored uncompressed in the zip,
     * so the download really is about {@code size} bytes).
     *
     * @param filnavn  file name
     * @param mimetype MIME type
     * @param size     number of bytes, may be up to several GB
     * @param seed     seed of the deterministic generator
     * @return the document
     */
    public static Dokument generert(String filnavn, String mimetype, long size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0: " + size);
        }
        return new Dokument(filnavn, mimetype, null, null, size, seed);
    }

    /** @return the file name (zip entry name) */
    public String filnavn() { return filnavn; }

    /** @return the MIME type */
    public String mimetype() { return mimetype; }

    /** @return the sender's document type, may be null */
    public String dokumentType() { return dokumentType; }

    /** @return true when the content is generated rather than given */
    public boolean generert() { return bytes == null; }

    /** @return a new stream over the content; the caller closes it */
    public InputStream open() {
        return bytes != null ? new java.io.ByteArrayInputStream(bytes) : new GeneratedInputStream(generatedSize, seed);
    }

    /** @return the size in bytes */
    public long size() { return bytes != null ? bytes.length : generatedSize; }

    /** @return SHA-256 of the content, 64 lowercase hex digits */
    public String sha256() { return digest().sha256; }

    /** @return CRC-32 of the content */
    public long crc32() { return digest().crc; }

    private Digest digest() {
        Digest d = digest;
        if (d == null) {
            d = computeDigest();
            digest = d;
        }
        return d;
    }

    private Digest computeDigest() {
        try (InputStream in = open()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            CRC32 crc = new CRC32();
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                crc.update(buf, 0, n);
            }
            return new Digest(HexFormat.of().formatHex(sha.digest()), crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String requireName(String filnavn) {
        Objects.requireNonNull(filnavn, "filnavn");
        if (filnavn.isBlank() || filnavn.contains("/") || filnavn.contains("\\")) {
            throw new IllegalArgumentException("filnavn must be a plain file name: '" + filnavn + "'");
        }
        return filnavn;
    }

    @Override
    public String toString() {
        return "Dokument[" + filnavn + ", " + mimetype + ", " + size() + " bytes]";
    }

    private record Digest(String sha256, long crc) {
    }
}
