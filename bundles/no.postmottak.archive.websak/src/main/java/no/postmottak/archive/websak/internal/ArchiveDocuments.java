package no.postmottak.archive.websak.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import no.postmottak.api.archive.ArchiveDocument;
import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.inbox.StoredDocument;

/** Copies an archive document while checking it is still the content the inbox recorded. */
public final class ArchiveDocuments {

    private ArchiveDocuments() {
    }

    /**
     * Copies the document's content to {@code out}, then checks its size and SHA-256 against the stored metadata.
     *
     * @throws ArchiveException REJECTED when the content differs from what the inbox recorded
     * @throws IOException when reading or writing fails
     */
    public static void copyVerified(ArchiveDocument doc, OutputStream out) throws IOException, ArchiveException {
        StoredDocument meta = doc.metadata();
        MessageDigest sha = sha256();
        long size = 0;
        try (InputStream in = doc.open()) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                sha.update(buf, 0, n);
                size += n;
            }
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (meta.sha256() != null && !meta.sha256().isBlank() && !meta.sha256().equalsIgnoreCase(actual)
                || meta.size() >= 0 && meta.size() != size) {
            throw new ArchiveException(ArchiveException.Reason.REJECTED, "Dokumentet " + meta.fileName()
                    + " er endret eller skadet i innboksen (størrelse eller SHA-256 stemmer ikke)");
        }
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
