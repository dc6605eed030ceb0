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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The content store: a document's content past {@link #threshold()} bytes (by default all of it), in a file of its
 * own beside the database, {@code <root>/<day of the accept, UTC>/<item id>-<document index>}; the document row names
 * the file and says where its file part begins. The file is written and forced to disk, with its folder, before the
 * item's transaction commits, so a committed document always has its file. A crash before the commit leaves a file
 * no row names: the sweep ({@code DocumentStore.sweepFiles}) removes such files once no accept can still be writing
 * them. Files written before the day folders (fifth round) are in {@code <root>/<first two hex digits of the item
 * id>/}; their rows name no file, and they are found there.
 */
final class ContentFiles {

    /**
     * All content goes to the store: a file and its fsync cost the database server less than the same bytes as chunk
     * rows (issue 17, seventh round: 2,000 letters of 3 x 100 KiB on PostgreSQL used 10.7 s of the server's CPU with
     * their content in rows and 3.6 s with it in files; on H2 the receiver's CPU fell from 18.8 to 13.8 s). Before,
     * the first MiB stayed in the database (a large document's first MiB is still all H2 holds of it on the heap).
     */
    static final long DEFAULT_THRESHOLD_MIB = 0;

    /**
     * Every 32 MiB written, the file's pages are handed to the disk in the background (fdatasync on a thread of its
     * own), so that the disk writes while the document is still arriving and the force before the commit waits for
     * the last part only: Linux starts writing back on its own only at a tenth of the memory (GBs), and a 1 GiB
     * document then waited seconds for one force at its end (issue 17).
     */
    static final long FLUSH_EVERY = 32L * 1024 * 1024;

    /**
     * Threads that force files: the background flushes of large documents, and the last force of every document, so
     * that an item's files are forced at the same time (the file system joins fsyncs that overlap: on ext4, 8 at once
     * cost 0.49 ms each, one after another 0.84 ms) while the next document is being read (issue 17).
     */
    static final int FORCING_THREADS = 8;

    /** A file no document names is removed only after this: longer than any accept (a 1 GiB one takes seconds). */
    static final Duration SWEEP_AFTER = Duration.ofHours(6);

    /** The marker that ties a folder to one database; a node whose folder lacks it (or has another) refuses to start. */
    static final String MARKER = "postmottak-innholdslager.id";

    /** A day folder or a fifth-round folder, then an item id and a document index. */
    private static final Pattern FILE_NAME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}|[0-9a-f]{2})/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-\\d+");
    private static final Pattern FIFTH_ROUND_FOLDER = Pattern.compile("[0-9a-f]{2}");

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
    private final ThreadPoolExecutor flusher;
    private final Force force;

    /**
     * @param root      the folder (shared by every node of a cluster)
     * @param threshold bytes of a document kept in the database before the rest goes to a file; a whole number of
     *                  chunks, 0: all of it in the file
     */
    ContentFiles(Path root, long threshold) {
        this(root, threshold, (path, channel, metaData) -> channel.force(metaData));
    }

    /** @param force how a file or folder is forced to disk: {@link FileChannel#force}, watched or failed by tests */
    ContentFiles(Path root, long threshold, Force force) {
        if (threshold < 0 || threshold % DocumentStore.CHUNK_SIZE != 0) {
            throw new IllegalArgumentException("The threshold must be a whole number of chunks: " + threshold);
        }
        this.root = root.toAbsolutePath();
        this.threshold = threshold;
        this.force = force;
        // FIFO: a document's last force waits for its earlier background flush, which therefore runs or has run
        this.flusher = new ThreadPoolExecutor(FORCING_THREADS, FORCING_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "postmottak-content-flush");
                    t.setDaemon(true);
                    return t;
                });
        flusher.allowCoreThreadTimeOut(true);
    }

    /** Forces a file's content (and with {@code metaData}, its size and times), or a folder's entries, to disk. */
    @FunctionalInterface
    interface Force {
        void force(Path path, FileChannel channel, boolean metaData) throws IOException;
    }

    /** A threshold in MiB (0 or more) in bytes: a MiB is two whole chunks. */
    static long thresholdBytes(long mebibytes) {
        return Math.max(0, mebibytes) * 1024 * 1024;
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

    /**
     * The name of a new document file, relative to the store: in the folder of the day its accept began (UTC), so
     * that the sweep reads only the folders of days it has not checked yet, not every file of the store.
     */
    static String fileName(LocalDate day, UUID itemId, int index) {
        return day + "/" + itemId + "-" + index;
    }

    /** Where the fifth round put a document's file part (its row names no file). */
    static String fifthRoundFileName(UUID itemId, int index) {
        String id = itemId.toString();
        return id.substring(0, 2) + "/" + id + "-" + index;
    }

    /** A file of the store by its relative name, as a document row or {@link #fileName} gives it. */
    Path path(String name) {
        if (!FILE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a content store file name: " + name);
        }
        return root.resolve(name);
    }

    /** The files one accept creates, and their forces under way. */
    NewFiles newFiles() {
        return new NewFiles();
    }

    /**
     * The files of one accept: their names, to remove when it does not commit, and the forces that must finish
     * before it commits ({@link #makeDurable}). Used by the accept's storing thread only.
     */
    final class NewFiles {

        private final List<String> names = new ArrayList<>();
        private final List<Future<?>> forcing = new ArrayList<>();

        /** A new, empty file (named by {@link #fileName}) for a document's part past the threshold. */
        Tail create(String name) throws IOException {
            Tail tail = ContentFiles.this.create(name);
            names.add(name);
            return tail;
        }

        /** The names of the files created so far. */
        List<String> names() {
            return List.copyOf(names);
        }

        /**
         * Forces the file and closes it, in the background: the accept goes on with its next document meanwhile.
         * The file is then this object's to close.
         */
        void forceInBackground(Tail tail) {
            forcing.add(tail.forceAndClose());
        }

        /**
         * Returns once every file is on disk, with the folders that name them: the item's documents are durable
         * whole, and its transaction may commit. Called once per item (one folder fsync per item, not per file).
         */
        void makeDurable() throws IOException {
            awaitForces();
            forceFolders(names);
        }

        /** Waits for the forces under way, failed or not: the accept failed, and its files are to be removed. */
        void abandon() {
            try {
                awaitForces();
            } catch (IOException ignored) {
                // the files are removed anyway
            }
        }

        private void awaitForces() throws IOException {
            IOException failure = null;
            for (Future<?> f : forcing) {
                try {
                    await(f, "the content store's files were written to disk");
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            forcing.clear();
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** A new, empty file (named by {@link #fileName}) for a document's part past the threshold. */
    private Tail create(String name) throws IOException {
        Path file = path(name);
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
                        force.force(file, channel, false);
                        backgroundFlushes.incrementAndGet();
                        return null;
                    });
                } catch (RejectedExecutionException stopping) {
                    // the inbox is stopping: the last force covers it all at the end
                }
                unflushed = 0;
            }
        }

        /**
         * Forces the whole file (after any background flush of it) and closes it, on a forcing thread. The folder
         * entry that names it is forced by {@link NewFiles#makeDurable} once for all of an item's files.
         */
        Future<?> forceAndClose() {
            Callable<Void> last = () -> {
                try (channel) {
                    awaitFlush();
                    force.force(file, channel, true);
                }
                return null;
            };
            try {
                return flusher.submit(last);
            } catch (RejectedExecutionException stopping) {
                // the inbox is stopping: this accept forces its file itself
                FutureTask<Void> here = new FutureTask<>(last);
                here.run();
                return here;
            }
        }

        private void awaitFlush() throws IOException {
            if (flushing == null) {
                return;
            }
            try {
                await(flushing, file + " was written to disk");
            } finally {
                flushing = null;
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static void await(Future<?> work, String during) throws IOException {
        try {
            work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while " + during);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
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

    /** Reads a document's file part (by its relative name) from {@code position}. */
    InputStream open(String name, long position) throws IOException {
        FileChannel ch = FileChannel.open(path(name), StandardOpenOption.READ);
        ch.position(position);
        return Channels.newInputStream(ch);
    }

    /** Removes files by their relative names (after their transaction rolled back, or their content was purged). */
    void delete(List<String> names) throws IOException {
        for (String name : names) {
            Files.deleteIfExists(path(name));
        }
    }

    /** A file of the store: the item and document it was written for, and when it was last written. */
    record StoredFile(Path path, UUID itemId, int index, Instant modified) {
    }

    /** The day folders of the store, oldest first. */
    List<LocalDate> days() throws IOException {
        List<LocalDate> days = new ArrayList<>();
        for (Path folder : folders()) {
            dayOf(folder).ifPresent(days::add);
        }
        days.sort(null);
        return days;
    }

    /** The document files of one day folder. */
    List<StoredFile> listDay(LocalDate day) throws IOException {
        return listFolder(root.resolve(day.toString()));
    }

    /** The document files the fifth round wrote (folders named by two hex digits; no new files go there). */
    List<StoredFile> listFifthRound() throws IOException {
        List<StoredFile> found = new ArrayList<>();
        for (Path folder : folders()) {
            if (FIFTH_ROUND_FOLDER.matcher(folder.getFileName().toString()).matches()) {
                found.addAll(listFolder(folder));
            }
        }
        return found;
    }

    /** Every document file in the store (not the marker, nor anything else found there). */
    List<StoredFile> list() throws IOException {
        List<StoredFile> found = listFifthRound();
        for (LocalDate day : days()) {
            found.addAll(listDay(day));
        }
        return found;
    }

    private List<Path> folders() throws IOException {
        List<Path> folders = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (DirectoryStream<Path> all = Files.newDirectoryStream(root, Files::isDirectory)) {
                all.forEach(folders::add);
            }
        }
        return folders;
    }

    private static Optional<LocalDate> dayOf(Path folder) {
        try {
            return Optional.of(LocalDate.parse(folder.getFileName().toString()));
        } catch (DateTimeParseException notADay) {
            return Optional.empty();
        }
    }

    private static List<StoredFile> listFolder(Path folder) throws IOException {
        List<StoredFile> found = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                for (Path f : files) {
                    parse(f).ifPresent(found::add);
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

    /** Forces the folders that name these files (by {@link #fileName}) to disk, each once. */
    private void forceFolders(Collection<String> names) throws IOException {
        for (Path folder : names.stream().map(name -> path(name).getParent()).distinct().toList()) {
            forceFolder(folder);
        }
    }

    /**
     * Forces a folder's entries to disk (a new file's name survives a crash only then). Windows cannot open a folder
     * for this; NTFS journals its folder entries itself.
     */
    private void forceFolder(Path folder) throws IOException {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return;
        }
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            force.force(folder, ch, true);
        }
    }

    @Override
    public String toString() {
        return "ContentFiles[" + root + ", from " + threshold + " bytes]";
    }
}
