package no.postmottak.archive.noark5.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import no.postmottak.simulator.http.StatusException;

/**
 * The files of the simulated archive, on disk in a temporary folder (a 100 MB item must not sit in the heap), and
 * the chunked upload sessions that fill them: each chunk must start where the previous ended. Thread-safe.
 */
final class SimFiles implements AutoCloseable {

    /** A file the archive holds. */
    record StoredFile(Path path, long size, String sha256, String mimeType) {
    }

    private static final class Session {
        final String dokumentobjekt;
        final String mimeType;
        final long total;
        final Path path;
        final MessageDigest digest = sha256();
        long received;

        Session(String dokumentobjekt, String mimeType, long total, Path path) {
            this.dokumentobjekt = dokumentobjekt;
            this.mimeType = mimeType;
            this.total = total;
            this.path = path;
        }
    }

    private final Path folder;
    private final Map<String, StoredFile> files = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();

    SimFiles() {
        try {
            folder = Files.createTempDirectory("n5-simulator");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores a file sent in one request. */
    synchronized StoredFile store(byte[] bytes, String mimeType) throws IOException {
        Path path = folder.resolve(UUID.randomUUID().toString());
        Files.write(path, bytes);
        return new StoredFile(path, bytes.length, HexFormat.of().formatHex(sha256().digest(bytes)), mimeType);
    }

    /** Opens an upload session for the dokumentobjekt; returns its id. */
    synchronized String startSession(String dokumentobjekt, String mimeType, long total) throws IOException {
        String id = UUID.randomUUID().toString();
        Path path = folder.resolve(id);
        Files.createFile(path);
        sessions.put(id, new Session(dokumentobjekt, mimeType, total, path));
        return id;
    }

    synchronized String sessionTarget(String sessionId) {
        Session s = sessions.get(sessionId);
        if (s == null) {
            throw new StatusException(404, "Opplastingssesjonen finnes ikke eller er avsluttet");
        }
        return s.dokumentobjekt;
    }

    /**
     * Appends one chunk ({@code Content-Range: bytes from-to/total}).
     *
     * @return the complete file after the last chunk, else empty (with {@link #received} telling how much is there)
     */
    synchronized Optional<StoredFile> append(String sessionId, long from, long to, long total, byte[] chunk)
            throws IOException {
        Session s = sessions.get(sessionId);
        if (s == null) {
            throw new StatusException(404, "Opplastingssesjonen finnes ikke eller er avsluttet");
        }
        if (total != s.total || from != s.received || to - from + 1 != chunk.length || to >= total) {
            throw new StatusException(400, "Content-Range bytes " + from + "-" + to + "/" + total
                    + " passer ikke: arkivet har mottatt " + s.received + " av " + s.total + " byte");
        }
        try (OutputStream out = Files.newOutputStream(s.path, StandardOpenOption.APPEND)) {
            out.write(chunk);
        }
        s.digest.update(chunk);
        s.received += chunk.length;
        if (s.received < s.total) {
            return Optional.empty();
        }
        sessions.remove(sessionId);
        return Optional.of(new StoredFile(s.path, s.total, HexFormat.of().formatHex(s.digest.digest()), s.mimeType));
    }

    synchronized long received(String sessionId) {
        Session s = sessions.get(sessionId);
        return s == null ? 0 : s.received;
    }

    synchronized void attach(String dokumentobjekt, StoredFile file) {
        files.put(dokumentobjekt, file);
    }

    synchronized Optional<StoredFile> file(String dokumentobjekt) {
        return Optional.ofNullable(files.get(dokumentobjekt));
    }

    synchronized void discard(StoredFile file) throws IOException {
        Files.deleteIfExists(file.path());
    }

    @Override
    public synchronized void close() {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the OS cleans up what is left
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
