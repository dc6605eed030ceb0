package no.postmottak.inbox.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.nio.file.ExtendedOpenOption;

/**
 * Writing past the page cache (O_DIRECT), where the file system allows it. A content store file is written once and
 * read seldom (when a clerk opens or archives it), so caching it is no help, and it pushes the database's pages out
 * of memory. Copying it into the page cache also costs the storing thread most of its time where fresh memory is
 * slow to touch: on the test VMs (free page reporting) 1 GiB of new page cache cost 3.2-4.1 s of kernel time, the
 * same write direct 0.2-0.3 s (issue 17, eleventh round). A direct write must start at, and have a length of, a
 * whole number of the file system's blocks, from a buffer aligned the same way.
 */
final class DirectIo {

    private static final Logger LOG = LoggerFactory.getLogger(DirectIo.class);

    /** The smallest alignment used: the page size, a multiple of every disk's logical block (512 or 4096 bytes). */
    private static final int MIN_ALIGNMENT = 4096;

    private static final String PROBE = ".direkte-skriving-test";

    private DirectIo() {
    }

    /**
     * The alignment direct writes need in {@code folder}, if a direct write there works: tried once with a file of
     * one block, removed afterwards. Empty where the file system (tmpfs before Linux 6.6, some network file systems)
     * or the JVM refuses it; the store then writes through the page cache.
     */
    static Optional<Integer> probe(Path folder) {
        Path probe = folder.resolve(PROBE);
        try {
            Files.createDirectories(folder, ContentWrites.OWNER_ONLY_FOLDER);
            int alignment = (int) Math.max(MIN_ALIGNMENT, Files.getFileStore(folder).getBlockSize());
            Files.deleteIfExists(probe);
            try (FileChannel ch = open(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer block = allocate(alignment, alignment);
                while (block.hasRemaining()) {
                    ch.write(block);
                }
            } finally {
                Files.deleteIfExists(probe);
            }
            LOG.info("The content store in {} writes past the page cache (O_DIRECT, {}-byte blocks)", folder,
                    alignment);
            return Optional.of(alignment);
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.info("The content store in {} writes through the page cache: a direct write (O_DIRECT) failed there"
                    + " ({})", folder, e.toString());
            return Optional.empty();
        }
    }

    /** Opens a file for direct writes. */
    static FileChannel open(Path file, OpenOption... options) throws IOException {
        Set<OpenOption> all = new java.util.HashSet<>(Set.of(options));
        all.add(ExtendedOpenOption.DIRECT);
        return FileChannel.open(file, all, ContentWrites.OWNER_ONLY_FILE);
    }

    /** A direct buffer of {@code size} bytes (a multiple of {@code alignment}) at an aligned address. */
    static ByteBuffer allocate(int size, int alignment) {
        if (size % alignment != 0) {
            throw new IllegalArgumentException(size + " is not a multiple of " + alignment);
        }
        return ByteBuffer.allocateDirect(size + alignment - 1).alignedSlice(alignment).slice(0, size);
    }
}
