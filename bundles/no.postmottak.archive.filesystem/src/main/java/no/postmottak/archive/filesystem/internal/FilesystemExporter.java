package no.postmottak.archive.filesystem.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.archive.ArchiveDocument;
import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.api.inbox.StoredDocument;
import no.postmottak.arkivmelding.ArkivmeldingFile;
import no.postmottak.arkivmelding.ArkivmeldingWriter;

/**
 * Exports an item as {@code <target>/<item id>/} holding {@code arkivmelding.xml} and the files. All of it is
 * written into a hidden temp folder beside the target, every file and the folder are fsynced, and the folder is
 * then renamed atomically: readers see a complete folder or none. Temp folders a crash left behind for the same
 * item are removed by the next attempt. An item whose folder already exists counts as exported (a retry after a
 * lost reply), so exporting is idempotent.
 */
public final class FilesystemExporter {

    /** The provider kind. */
    public static final String KIND = "filesystem";

    private static final Logger LOG = LoggerFactory.getLogger(FilesystemExporter.class);
    private static final String TMP_MARK = ".tmp-";

    private final Path target;
    private final ArkivmeldingWriter writer;
    /** Striped locks: two threads must not export (or clean up after) the same item at once. */
    private final Object[] locks = new Object[64];

    public FilesystemExporter(Path target, ArkivmeldingWriter writer) {
        this.target = Objects.requireNonNull(target, "target").toAbsolutePath().normalize();
        this.writer = Objects.requireNonNull(writer, "writer");
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    public Path target() {
        return target;
    }

    public ArchiveReceipt export(ArchiveRequest request) throws ArchiveException {
        String name = request.item().id().toString();
        synchronized (locks[Math.floorMod(name.hashCode(), locks.length)]) {
            return exportLocked(request, name);
        }
    }

    private ArchiveReceipt exportLocked(ArchiveRequest request, String name) throws ArchiveException {
        if (request.documents().isEmpty()) {
            throw new ArchiveException(Reason.REJECTED, "Elementet " + name + " har ingen dokumenter å arkivere");
        }
        ensureTarget();
        Path done = target.resolve(name);
        if (Files.isDirectory(done)) {
            LOG.info("Item {} was already exported to {}", name, done);
            return receipt(request, done);
        }
        removeLeftovers(name);
        Path tmp = target.resolve("." + name + TMP_MARK + UUID.randomUUID());
        try {
            Files.createDirectory(tmp);
            List<ArkivmeldingFile> files = ArkivmeldingFile.of(
                    request.documents().stream().map(ArchiveDocument::metadata).toList());
            for (int i = 0; i < files.size(); i++) {
                copy(request.documents().get(i), tmp.resolve(files.get(i).fileName()));
            }
            try (FileChannel ch = FileChannel.open(tmp.resolve(ArkivmeldingFile.ARKIVMELDING_XML),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writer.write(request.item(), request.targetCase(), files, Channels.newOutputStream(ch));
                ch.force(true);
            }
            fsyncDirectory(tmp);
            Files.move(tmp, done, StandardCopyOption.ATOMIC_MOVE);
            fsyncDirectory(target);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            deleteQuietly(tmp);
            if (Files.isDirectory(done)) { // another node finished first: same content, same receipt
                return receipt(request, done);
            }
            throw unavailable(name, e);
        } catch (AtomicMoveNotSupportedException e) {
            deleteQuietly(tmp);
            throw new ArchiveException(Reason.TARGET_NOT_AVAILABLE, "Eksportmappen " + target
                    + " støtter ikke atomisk omdøping; velg en lokal mappe", e);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw unavailable(name, e);
        } catch (ArchiveException e) {
            deleteQuietly(tmp);
            throw e;
        }
        LOG.info("Exported item {} with {} documents to {}", name, request.documents().size(), done);
        return receipt(request, done);
    }

    private void copy(ArchiveDocument doc, Path file) throws IOException, ArchiveException {
        StoredDocument meta = doc.metadata();
        MessageDigest sha = sha256();
        long size = 0;
        try (InputStream in = doc.open();
             FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(ch);
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                sha.update(buf, 0, n);
                size += n;
            }
            ch.force(true);
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (meta.sha256() != null && !meta.sha256().isBlank() && !meta.sha256().equalsIgnoreCase(actual)
                || meta.size() >= 0 && meta.size() != size) {
            throw new ArchiveException(Reason.REJECTED, "Dokumentet " + meta.fileName() + " er endret eller skadet "
                    + "i innboksen (størrelse eller SHA-256 stemmer ikke); det ble ikke eksportert");
        }
    }

    private void ensureTarget() throws ArchiveException {
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new ArchiveException(Reason.TARGET_NOT_AVAILABLE,
                    "Eksportmappen " + target + " finnes ikke og kan ikke opprettes", e);
        }
        if (!Files.isDirectory(target) || !Files.isWritable(target)) {
            throw new ArchiveException(Reason.TARGET_NOT_AVAILABLE, "Eksportmappen " + target + " er ikke skrivbar");
        }
    }

    private void removeLeftovers(String name) throws ArchiveException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target, "." + name + TMP_MARK + "*")) {
            for (Path p : ds) {
                LOG.warn("Removing {} left behind by an interrupted export of item {}", p, name);
                FileTree.delete(p);
            }
        } catch (IOException e) {
            throw unavailable(name, e);
        }
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; there the rename itself is the best we have.
            if (!System.getProperty("os.name", "").toLowerCase().contains("win")) {
                throw e;
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            FileTree.delete(p);
        } catch (IOException e) {
            LOG.warn("Could not remove temp folder {}; the next attempt will: {}", p, e.toString());
        }
    }

    private ArchiveException unavailable(String name, Exception e) {
        return new ArchiveException(Reason.UNAVAILABLE, "Eksport av " + name + " til " + target + " feilet: "
                + e.getMessage() + " (prøv igjen)", e);
    }

    private ArchiveReceipt receipt(ArchiveRequest request, Path done) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("folder", done.toString());
        details.put("schema", writer.settings().version().name());
        String caseNumber = request.targetCase() != null && request.targetCase().caseNumber() != null
                ? request.targetCase().caseNumber().toString() : null;
        return new ArchiveReceipt(KIND, null, done.getFileName().toString(), null, caseNumber, details);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
