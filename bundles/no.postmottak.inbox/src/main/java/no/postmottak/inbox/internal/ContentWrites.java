package no.postmottak.inbox.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write side of the content store ({@link ContentFiles} is its layout): an accept's new files, written, flushed
 * in the background while they grow, and forced to disk with their folders before the item's transaction commits.
 */
final class ContentWrites {

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

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix");
    private static final FileAttribute<?>[] OWNER_ONLY_FILE = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
            : new FileAttribute<?>[0];
    static final FileAttribute<?>[] OWNER_ONLY_FOLDER = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
            : new FileAttribute<?>[0];

    private final ContentFiles files;
    private final Force force;
    private final AtomicLong backgroundFlushes = new AtomicLong();
    private final ThreadPoolExecutor flusher;

    /** @param files the store's layout: where a new file goes */
    ContentWrites(ContentFiles files, Force force) {
        this.files = files;
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

    /** The files one accept creates, and their forces under way. */
    NewFiles newFiles() {
        return new NewFiles(this);
    }

    /**
     * The files of one accept: their names, to remove when it does not commit, and the forces that must finish
     * before it commits ({@link #makeDurable}). Used by the accept's storing thread only.
     */
    static final class NewFiles {

        private final ContentWrites writes;
        private final List<String> names = new ArrayList<>();
        private final List<Future<?>> forcing = new ArrayList<>();

        private NewFiles(ContentWrites writes) {
            this.writes = writes;
        }

        /** Without a content store: no file is ever created, and there is nothing to force or remove. */
        static NewFiles none() {
            return new NewFiles(null);
        }

        /** A new, empty file (named by {@link ContentFiles#fileName}) for a document's part past the threshold. */
        Tail create(String name) throws IOException {
            if (writes == null) {
                throw new IllegalStateException("No content store: " + name);
            }
            Tail tail = writes.create(name);
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
            if (!names.isEmpty()) {
                writes.forceFolders(names);
            }
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

    /** A new, empty file (named by {@link ContentFiles#fileName}) for a document's part past the threshold. */
    private Tail create(String name) throws IOException {
        Path file = files.path(name);
        Path folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, OWNER_ONLY_FOLDER);
            forceFolder(files.root());
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

    /** Forces the folders that name these files (by {@link ContentFiles#fileName}) to disk, each once. */
    private void forceFolders(Collection<String> names) throws IOException {
        for (Path folder : names.stream().map(name -> files.path(name).getParent()).distinct().toList()) {
            forceFolder(folder);
        }
    }

    /**
     * Forces a folder's entries to disk (a new file's name survives a crash only then). Windows cannot open a folder
     * for this; NTFS journals its folder entries itself.
     */
    void forceFolder(Path folder) throws IOException {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return;
        }
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            force.force(folder, ch, true);
        }
    }
}
