package no.postmottak.inbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The content store: a document's content past {@link #threshold()} bytes (by default all of it), in a file of its
 * own beside the database, {@code <root>/<day of the accept, UTC>/<item id>-<document index>}; the document row names
 * the file and says where its file part begins. The file is written and forced to disk, with its folder, before the
 * item's transaction commits, so a committed document always has its file. A crash before the commit leaves a file
 * no row names: the sweep ({@code DocumentStore.sweepFiles}) removes such files once no accept can still be writing
 * them. Files written before the day folders (fifth round) are in {@code <root>/<first two hex digits of the item
 * id>/}; their rows name no file, and they are found there. Writing and forcing new files is {@link ContentWrites}.
 */
final class ContentFiles {

    /**
     * All content goes to the store: a file and its fsync cost the database server less than the same bytes as chunk
     * rows (issue 17, seventh round: 2,000 letters of 3 x 100 KiB on PostgreSQL used 10.7 s of the server's CPU with
     * their content in rows and 3.6 s with it in files; on H2 the receiver's CPU fell from 18.8 to 13.8 s). Before,
     * the first MiB stayed in the database (a large document's first MiB is still all H2 holds of it on the heap).
     */
    static final long DEFAULT_THRESHOLD_MIB = 0;

    /** A file no document names is removed only after this: longer than any accept (a 1 GiB one takes seconds). */
    static final Duration SWEEP_AFTER = Duration.ofHours(6);

    /** The marker that ties a folder to one database; a node whose folder lacks it (or has another) refuses to start. */
    static final String MARKER = "postmottak-innholdslager.id";

    /** A day folder or a fifth-round folder, then an item id and a document index. */
    private static final Pattern FILE_NAME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}|[0-9a-f]{2})/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-\\d+");
    private static final Pattern FIFTH_ROUND_FOLDER = Pattern.compile("[0-9a-f]{2}");

    private final Path root;
    private final long threshold;
    private final ContentWrites writes;

    /**
     * @param root      the folder (shared by every node of a cluster)
     * @param threshold bytes of a document kept in the database before the rest goes to a file; a whole number of
     *                  chunks, 0: all of it in the file
     */
    ContentFiles(Path root, long threshold) {
        this(root, threshold, true);
    }

    /** @param direct write new files past the page cache where the file system allows it ({@link DirectIo}) */
    ContentFiles(Path root, long threshold, boolean direct) {
        this(root, threshold, direct, (path, channel, metaData) -> channel.force(metaData));
    }

    /** @param force how a file or folder is forced to disk: {@link FileChannel#force}, watched or failed by tests */
    ContentFiles(Path root, long threshold, ContentWrites.Force force) {
        this(root, threshold, true, force);
    }

    private ContentFiles(Path root, long threshold, boolean direct, ContentWrites.Force force) {
        if (threshold < 0 || threshold % DocumentStore.CHUNK_SIZE != 0) {
            throw new IllegalArgumentException("The threshold must be a whole number of chunks: " + threshold);
        }
        this.root = root.toAbsolutePath();
        this.threshold = threshold;
        this.writes = new ContentWrites(this, force, direct);
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
        Files.createDirectories(root, ContentWrites.OWNER_ONLY_FOLDER);
        Path marker = root.resolve(MARKER);
        try (FileChannel ch = FileChannel.open(marker, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(proposedId.getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
            writes.forceFolder(root);
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
    ContentWrites.NewFiles newFiles() {
        return writes.newFiles();
    }

    /** How many background flushes have finished (for tests and diagnostics). */
    long backgroundFlushes() {
        return writes.backgroundFlushes();
    }

    /** Whether new files are written past the page cache (probed at the first new file). */
    boolean writesDirect() {
        return writes.alignment() > 0;
    }

    /** Stops the background flush threads (the inbox stops; a flush under way ends with its file closed). */
    void close() {
        writes.close();
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

    @Override
    public String toString() {
        return "ContentFiles[" + root + ", from " + threshold + " bytes]";
    }
}
