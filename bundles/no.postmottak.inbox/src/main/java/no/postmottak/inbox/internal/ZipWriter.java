package no.postmottak.inbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.StoredDocument;

/** Writes an item's documents as a zip, one chunk in memory at a time. */
final class ZipWriter {

    private ZipWriter() {
    }

    static void write(InboxItem item, DocumentStore store, OutputStream out) throws IOException, InboxException {
        UUID id = item.id();
        ZipOutputStream zip = new ZipOutputStream(out);
        Set<String> names = new HashSet<>();
        for (StoredDocument doc : item.documents()) {
            if (doc.purged()) {
                throw new InboxException("Innholdet i elementet er slettet", false);
            }
            zip.putNextEntry(new ZipEntry(uniqueName(doc.fileName(), names)));
            try (InputStream in = store.open(id, doc)) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    /** Zip entry names must be unique and must not escape the target folder when unpacked. */
    static String uniqueName(String fileName, Set<String> taken) {
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        if (base.isBlank() || base.equals("..") || base.equals(".")) {
            base = "dokument";
        }
        String name = base;
        int dot = base.lastIndexOf('.');
        for (int n = 2; !taken.add(name); n++) {
            name = dot > 0 ? base.substring(0, dot) + " (" + n + ")" + base.substring(dot) : base + " (" + n + ")";
        }
        return name;
    }
}
