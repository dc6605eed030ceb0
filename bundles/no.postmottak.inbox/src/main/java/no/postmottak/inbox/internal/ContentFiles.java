package no.postmottak.inbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The content store: the part of a large document past {@link #threshold()} bytes, in a file of its own beside the
 * database ({@code <root>/<first two hex digits of the item id>/<item id>-<document index>}). The document row says
 * where its file part begins; the file is written and forced to disk, with its folder, before the item's transaction
 * commits, so a committed document always has its file. A crash before the commit leaves a file no row names: the
 * hourly sweep ({@code DocumentStore.sweepFiles}) removes such files once they are older than any accept can take.
 */
final class ContentFiles {

    /**
     * Documents up to 1 MiB (most letters) stay whole in the database: they cost no extra file and fsync. A larger
     * one writes the rest at the speed of the disk, and its first MiB is all H2 holds of it on the heap (issue 17:
     * 1 GiB at -Xmx128m, H2, first 4 MiB in the database: 185-207 MB/s, peak heap 98-109 MB; first 1 MiB: 202-204
     * MB/s, 70-74 MB).
     */
    static final long DEFAULT_THRESHOLD_MIB = 1;

    /**
     * Every 32 MiB written, the file's pages are handed to the disk in the background (fdatasync on a thread of its
     * own), so that the disk writes while the document is still arriving and the force before the commit waits for
     * the last part only: Linux starts writing back on its own only at a tenth of the memory (GBs), and a 1 GiB
     * document then waited seconds for one force at its end (issue 17).
     */
    static final long FLUSH_EVERY = 32L * 1024 * 1024;

    /** A file no document names is removed only after this: longer than any accept (a 1 GiB one takes seconds). */
    static final Duration SWEEP_AFTER = Duration.ofHours(6);

    /** The marker that ties a folder to one database; a node whose folder lacks it (or has another) refuses to start. */
    static final String MARKER = "postmottak-innholdslager.id";

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix");
    private static final FileAttribute<?>[] OWNER_ONLY_FILE = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
            : new FileAttribute<?>[0];
    private static final FileAttribute<?>[] OWNER_ONLY_FOLDER = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
            : new FileAttribute<?>[0];

    private final Path root;
    private final long threshold;
    private final AtomicLong backgroundFlushes = new AtomicLong();
    private final ExecutorService flusher = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "postmottak-content-flush");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param root      the folder (shared by every node of a cluster)
     * @param threshold bytes of a document kept in the database before the rest goes to a file; a whole number of
     *                  chunks, at least one
     */
    ContentFiles(Path root, long threshold) {
        if (threshold < DocumentStore.CHUNK_SIZE || threshold % DocumentStore.CHUNK_SIZE != 0) {
            throw new IllegalArgumentException("The threshold must be a whole number of chunks: " + threshold);
        }
        this.root = root.toAbsolutePath();
        this.threshold = threshold;
    }

    /** A threshold in MiB, at least 1, in bytes: a MiB is two whole chunks. */
    static long thresholdBytes(long mebibytes) {
        return Math.max(1, mebibytes) * 1024 * 1024;
    }

    Path root() {
        return root;
    }

    long threshold() {
        return threshold;
    }

    /**
     * The folder's marker: created with {@code proposedId} if the folder has none (then forced to disk), else read.
     * The caller records it in the database, so that every node can check it uses the same folder.
     */
    String claimMarker(String proposedId) throws IOException {
        Files.createDirectories(root, OWNER_ONLY_FOLDER);
        Path marker = root.resolve(MARKER);
        try (FileChannel ch = FileChannel.open(marker, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(proposedId.getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
            forceFolder(root);
            return proposedId;
        } catch (FileAlreadyExistsException e) {
            return marker().orElseThrow(() -> e);
        }
    }

    /** The folder's marker, if it has one. */
    Optional<String> marker() throws IOException {
        Path marker = root.resolve(MARKER);
        return Files.isRegularFile(marker) ? Optional.of(Files.readString(marker, StandardCharsets.US_ASCII).trim())
                : Optional.empty();
    }

    Path path(UUID itemId, int index) {
        String id = itemId.toString();
        return root.resolve(id.substring(0, 2)).resolve(id + "-" + index);
    }

    /** A new, empty file for a document's part past the threshold. */
    Tail create(UUID itemId, int index) throws IOException {
        Path file = path(itemId, index);
        Path folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, OWNER_ONLY_FOLDER);
            forceFolder(root);
        }
        return new Tail(file, FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), OWNER_ONLY_FILE));
    }

    /** A document's file part being written: appended to, then made durable before the item's commit. */
    final class Tail implements AutoCloseable {

        private final Path file;
        private final FileChannel channel;
        private long unflushed;
        private Future<?> flushing;

        private Tail(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        void write(byte[] buffer, int length) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            unflushed += length;
            if (unflushed >= FLUSH_EVERY && (flushing == null || flushing.isDone())) {
                awaitFlush();
                try {
                    flushing = flusher.submit(() -> {
                        channel.force(false);
                        backgroundFlushes.incrementAndGet();
                        return null;
                    });
                } catch (RejectedExecutionException stopping) {
                    // the inbox is stopping: makeDurable forces it all at the end
                }
                unflushed = 0;
            }
        }

        /** Forces the file and the folder entry that names it to disk: durable before the transaction commits. */
        void makeDurable() throws IOException {
            awaitFlush();
            channel.force(true);
            forceFolder(file.getParent());
        }

        private void awaitFlush() throws IOException {
            if (flushing == null) {
                return;
            }
            try {
                flushing.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while " + file + " was written to disk");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } finally {
                flushing = null;
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** How many background flushes have finished (for tests and diagnostics). */
    long backgroundFlushes() {
        return backgroundFlushes.get();
    }

    /** Stops the background flush threads (the inbox stops; a flush under way ends with its file closed). */
    void close() {
        flusher.shutdownNow();
    }

    /** Reads a document's file part from {@code position}. */
    InputStream open(UUID itemId, int index, long position) throws IOException {
        FileChannel ch = FileChannel.open(path(itemId, index), StandardOpenOption.READ);
        ch.position(position);
        return Channels.newInputStream(ch);
    }

    /** Removes the files of an item's documents (after its transaction rolled back, or after its content was purged). */
    void deleteItem(UUID itemId) throws IOException {
        String prefix = itemId + "-";
        Path folder = path(itemId, 0).getParent();
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, f -> f.getFileName().toString()
                .startsWith(prefix))) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** A file of the store: the item and document it was written for, and when it was last written. */
    record StoredFile(Path path, UUID itemId, int index, Instant modified) {
    }

    /** Every document file in the store (not the marker, nor anything else found there). */
    List<StoredFile> list() throws IOException {
        List<StoredFile> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path folder : folders) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                    for (Path f : files) {
                        parse(f).ifPresent(found::add);
                    }
                }
            }
        }
        return found;
    }

    private static Optional<StoredFile> parse(Path f) {
        String name = f.getFileName().toString();
        int dash = name.lastIndexOf('-');
        if (dash != 36) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(name.substring(0, dash));
            int index = Integer.parseInt(name.substring(dash + 1));
            return Optional.of(new StoredFile(f, id, index, Files.getLastModifiedTime(f).toInstant()));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Forces a folder's entries to disk (a new file's name survives a crash only then). Windows cannot open a folder
     * for this; NTFS journals its folder entries itself.
     */
    private static void forceFolder(Path folder) throws IOException {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return;
        }
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    @Override
    public String toString() {
        return "ContentFiles[" + root + ", from " + threshold + " bytes]";
    }
}
