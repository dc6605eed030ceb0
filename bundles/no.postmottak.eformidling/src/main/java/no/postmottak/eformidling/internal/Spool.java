package no.postmottak.eformidling.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.channel.support.ContentException;
import no.postmottak.channel.support.CountingInputStream;

/**
 * A folder where popped ASiC-E files wait while they are read: the documents of a zip can be read in any order only
 * from a file, and memory must not grow with a 1 GB message. Files are deleted as soon as the message is stored or
 * given up; leftovers of a crash are deleted when the account starts.
 */
final class Spool {

    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    private static final String PREFIX = "melding-";
    private static final String SUFFIX = ".asice";

    private final Path dir;
    private final long maxBytes;

    Spool(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /** A downloaded message: the file and the count of bytes that came over the wire. */
    record Spooled(Path file, CountingInputStream counted) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not delete spool file {}: {}", file, e.getMessage());
            }
        }
    }

    /**
     * Copies {@code body} to a new file and closes it.
     *
     * @param declaredLength the Content-Length, or -1
     * @throws ContentException when the message is larger than allowed
     * @throws IOException      when the download breaks off (it is fetched again later)
     */
    Spooled write(String messageId, InputStream body, long declaredLength) throws IOException {
        if (declaredLength > maxBytes) {
            body.close();
            throw tooLarge(declaredLength);
        }
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, PREFIX, SUFFIX);
        CountingInputStream counted = new CountingInputStream(body);
        Spooled spooled = new Spooled(file, counted);
        try (body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = counted.read(buffer); n >= 0; n = counted.read(buffer)) {
                out.write(buffer, 0, n);
                if (counted.count() > maxBytes) {
                    throw tooLarge(counted.count());
                }
            }
            if (declaredLength >= 0 && counted.count() != declaredLength) {
                throw new IOException("The download of " + messageId + " ended after " + counted.count() + " of "
                        + declaredLength + " bytes");
            }
            return spooled;
        } catch (IOException | RuntimeException e) {
            spooled.close();
            throw e;
        }
    }

    /** Deletes what a crash left behind. */
    void clean() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> left = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path p : left) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Could not clean the spool folder {}: {}", dir, e.getMessage());
        }
    }

    private ContentException tooLarge(long bytes) {
        return new ContentException("Meldingen er større enn grensen på " + maxBytes + " byte (" + bytes
                + " byte); øk max.message.bytes for å ta den imot");
    }
}
