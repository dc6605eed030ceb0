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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
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
    static final FileAttribute<?>[] OWNER_ONLY_FILE = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
            : new FileAttribute<?>[0];
    static final FileAttribute<?>[] OWNER_ONLY_FOLDER = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
            : new FileAttribute<?>[0];

    /**
     * A direct write's size: the storing thread fills one buffer while the two before it are written on the forcing
     * threads, so that it hashes the next MiB while the disk takes the last ones (a direct write returns only when
     * the disk has the data).
     */
    static final int DIRECT_WRITE_BYTES = 1024 * 1024;
    static final int DIRECT_WRITES_IN_FLIGHT = 2;

    /** Direct write buffers kept between documents (off the heap, aligned): allocating them touches fresh memory. */
    private static final int SPARE_DIRECT_BUFFERS = 8;

    private final ContentFiles files;
    private final Force force;
    private final boolean directWanted;
    private final AtomicLong backgroundFlushes = new AtomicLong();
    private final ThreadPoolExecutor flusher;
    private final ArrayBlockingQueue<ByteBuffer> spareDirectBuffers = new ArrayBlockingQueue<>(SPARE_DIRECT_BUFFERS);
    /** The alignment of direct writes in this store, 0: through the page cache; null: not probed yet. */
    private Integer alignment;

    /**
     * @param files  the store's layout: where a new file goes
     * @param direct write past the page cache where the file system allows it ({@link DirectIo})
     */
    ContentWrites(ContentFiles files, Force force, boolean direct) {
        this.files = files;
        this.force = force;
        this.directWanted = direct;
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
         * Writes the rest of the file, then forces and closes it, in the background: the accept goes on with its
         * next document meanwhile. The file is then this object's to close.
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
        int aligned = alignment();
        FileChannel channel = aligned > 0
                ? DirectIo.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                : FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        OWNER_ONLY_FILE);
        return new Tail(file, channel, aligned);
    }

    /** The alignment of direct writes, probed at the first new file; 0: through the page cache. */
    synchronized int alignment() {
        if (alignment == null) {
            alignment = directWanted ? DirectIo.probe(files.root()).orElse(0) : 0;
        }
        return alignment;
    }

    private ByteBuffer borrowDirectBuffer(int aligned) {
        ByteBuffer spare = spareDirectBuffers.poll();
        return spare != null ? spare.clear() : DirectIo.allocate(DIRECT_WRITE_BYTES, aligned);
    }

    /** Runs on a forcing thread, or here if the inbox is stopping. */
    private <T> Future<T> inBackground(Callable<T> work) {
        try {
            return flusher.submit(work);
        } catch (RejectedExecutionException stopping) {
            FutureTask<T> here = new FutureTask<>(work);
            here.run();
            return here;
        }
    }

    /**
     * A document's file part being written: appended to, then made durable before the item's commit. Past the page
     * cache ({@link DirectIo}) the bytes are gathered in aligned buffers and written whole, the last one padded with
     * zeros and the file then cut to its size.
     */
    final class Tail implements AutoCloseable {

        private final Path file;
        private final FileChannel channel;
        /** The alignment of direct writes, 0: written through the page cache. */
        private final int aligned;
        private final ArrayDeque<DirectWrite> writing = new ArrayDeque<>();
        private ByteBuffer filling;
        private long size;
        private long handedOver;
        private long unflushed;
        private Future<?> flushing;

        private Tail(Path file, FileChannel channel, int aligned) {
            this.file = file;
            this.channel = channel;
            this.aligned = aligned;
        }

        void write(byte[] buffer, int length) throws IOException {
            if (aligned == 0) {
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } else {
                for (int done = 0; done < length; ) {
                    if (filling == null) {
                        filling = nextDirectBuffer();
                    }
                    int n = Math.min(length - done, filling.remaining());
                    filling.put(buffer, done, n);
                    done += n;
                    if (!filling.hasRemaining()) {
                        startDirectWrite();
                    }
                }
            }
            size += length;
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

        /** A buffer to fill: a spare one while fewer than the allowed writes run, else the oldest one's, once done. */
        private ByteBuffer nextDirectBuffer() throws IOException {
            if (writing.size() < DIRECT_WRITES_IN_FLIGHT) {
                return borrowDirectBuffer(aligned);
            }
            DirectWrite oldest = writing.poll();
            await(oldest.done(), file + " was written");
            return oldest.buffer().clear();
        }

        /** Writes the filled buffer at its place in the file, on a forcing thread. */
        private void startDirectWrite() {
            ByteBuffer bytes = filling.flip();
            filling = null;
            long at = handedOver;
            handedOver += bytes.remaining();
            writing.add(new DirectWrite(bytes, inBackground(() -> {
                while (bytes.hasRemaining()) {
                    channel.write(bytes, at + bytes.position());
                }
                return null;
            })));
        }

        /** Starts the write of what is left, padded with zeros to a whole block (cut off again by the last force). */
        private void startLastDirectWrite() {
            if (filling != null && filling.position() > 0) {
                while (filling.position() % aligned != 0) {
                    filling.put((byte) 0);
                }
                startDirectWrite();
            }
        }

        /** Waits for the direct writes under way; their buffers are spare again once their writes have ended. */
        private void awaitDirectWrites() throws IOException {
            IOException failure = null;
            for (DirectWrite w; (w = writing.poll()) != null; ) {
                try {
                    await(w.done(), file + " was written");
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
                if (w.done().isDone()) { // not when interrupted: the write may still read the buffer
                    spareDirectBuffers.offer(w.buffer());
                }
            }
            if (filling != null) {
                spareDirectBuffers.offer(filling);
                filling = null;
            }
            if (failure != null) {
                throw failure;
            }
        }

        /**
         * Writes what is left, then forces the whole file (after any background flush of it) and closes it, on a
         * forcing thread: the storing thread goes on with the next document meanwhile. Past the page cache the
         * force first waits for the direct writes (they were queued before it, and the queue is FIFO, so they run or
         * have run) and cuts the padding off. The folder entry that names the file is forced by
         * {@link NewFiles#makeDurable} once for all of an item's files.
         */
        Future<?> forceAndClose() {
            if (aligned > 0) {
                startLastDirectWrite();
            }
            return inBackground(() -> {
                try (channel) {
                    if (aligned > 0) {
                        awaitDirectWrites();
                        if (handedOver != size) {
                            channel.truncate(size);
                        }
                    }
                    awaitFlush();
                    force.force(file, channel, true);
                }
                return null;
            });
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
            try {
                awaitDirectWrites();
            } finally {
                channel.close();
            }
        }
    }

    /** A direct write under way, and its buffer. */
    private record DirectWrite(ByteBuffer buffer, Future<?> done) {
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
