package no.postmottak.archive.noark5.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;

import no.postmottak.api.archive.ArchiveDocument;
import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;
import no.postmottak.api.archive.support.VerifiedContent;
import no.postmottak.api.inbox.StoredDocument;

/**
 * Uploads a document's bytes to a dokumentobjekt's {@code fil} href (spec ch. 6 "Hente og overføre filer"): one
 * POST up to the archive's {@code bulkgrense}, above it a session (POST with {@code X-Upload-Content-Length}) and
 * PUTs of one chunk each with {@code Content-Range}. The content streams from the inbox and is checked against its
 * recorded SHA-256 and size on the way (the last chunk is sent only once the whole file checked out); memory is one
 * chunk at most. Afterwards the checksum and size the archive reports must be ours.
 */
final class FileUpload {

    private final N5Http n5;
    private final int chunkSize;

    FileUpload(N5Http n5, int chunkSize) {
        this.n5 = n5;
        this.chunkSize = chunkSize;
    }

    /** Whether the dokumentobjekt already has its file (an earlier upload whose answer was lost). */
    static boolean hasFile(N5Object dokumentobjekt) {
        return dokumentobjekt.text("referanseDokumentfil") != null;
    }

    /** Uploads the content; returns the dokumentobjekt as the archive reports it afterwards. */
    N5Object upload(N5Object dokumentobjekt, ArchiveDocument doc, long bulkLimit) throws ArchiveException {
        StoredDocument meta = doc.metadata();
        String fil = dokumentobjekt.require(Rels.FIL, "filopplasting").plain();
        String what = "opplasting av " + meta.fileName();
        N5Object result = meta.size() <= bulkLimit ? simple(fil, doc, what) : chunked(fil, doc, what);
        String sjekksum = result.text("sjekksum");
        long size = result.json().path("filstoerrelse").asLong(meta.size());
        if (sjekksum != null && !sjekksum.equalsIgnoreCase(meta.sha256()) || size != meta.size()) {
            throw new ArchiveException(Reason.REJECTED, N5Http.ARCHIVE + " rapporterer en annen sjekksum eller "
                    + "størrelse for " + meta.fileName() + " enn innboksen har (" + size + " byte); kontroller "
                    + "dokumentet i arkivet");
        }
        return result;
    }

    private N5Object simple(String fil, ArchiveDocument doc, String what) throws ArchiveException {
        StoredDocument meta = doc.metadata();
        AtomicReference<VerifiedContent> current = new AtomicReference<>();
        BodyPublisher body = meta.size() == 0 ? BodyPublishers.noBody()
                : BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> {
                    try {
                        current.set(VerifiedContent.open(doc));
                        return current.get();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }), meta.size());
        try {
            return N5Http.object(n5.exchange(fil, b -> b.header("Content-Type", meta.mediaType()).POST(body), what),
                    what);
        } catch (ArchiveException e) {
            throw current.get() != null && current.get().mismatched() ? VerifiedContent.mismatch(meta) : e;
        }
    }

    private N5Object chunked(String fil, ArchiveDocument doc, String what) throws ArchiveException {
        StoredDocument meta = doc.metadata();
        long total = meta.size();
        HttpResponse<String> start = n5.exchange(fil, b -> b.header("X-Upload-Content-Type", meta.mediaType())
                .header("X-Upload-Content-Length", Long.toString(total)).POST(BodyPublishers.noBody()), what);
        String session = start.headers().firstValue("Location").map(l -> URI.create(fil).resolve(l).toString())
                .orElseThrow(() -> new ArchiveException(Reason.UNAVAILABLE, N5Http.ARCHIVE
                        + " startet ingen opplastingssesjon (Location mangler) for " + meta.fileName()));
        byte[] buffer = new byte[(int) Math.min(chunkSize, total)];
        VerifiedContent in = null;
        try {
            in = VerifiedContent.open(doc);
            for (long from = 0; ; ) {
                int n = readChunk(in, buffer, (int) Math.min(buffer.length, total - from), meta);
                String range = "bytes " + from + "-" + (from + n - 1) + "/" + total;
                boolean last = from + n == total;
                if (last && in.read() != -1) { // reaching the end checks the whole file before the last chunk
                    throw VerifiedContent.mismatch(meta);
                }
                HttpResponse<String> r = n5.exchange(session, b -> b.header("Content-Type", meta.mediaType())
                        .header("Content-Range", range).PUT(BodyPublishers.ofByteArray(buffer, 0, n)), what);
                if (last) {
                    return N5Http.object(r, what);
                }
                from += n;
            }
        } catch (IOException e) {
            if (in != null && in.mismatched()) {
                throw VerifiedContent.mismatch(meta);
            }
            throw new ArchiveException(Reason.UNAVAILABLE, "Dokumentet " + meta.fileName()
                    + " kunne ikke leses fra innboksen under opplastingen; prøv igjen", e);
        } finally {
            closeQuietly(in);
        }
    }

    private static void closeQuietly(VerifiedContent in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // only read from: nothing is lost
            }
        }
    }

    /** Fills {@code buffer} with {@code n} bytes; a file shorter than recorded fails its check at the end. */
    private static int readChunk(VerifiedContent in, byte[] buffer, int n, StoredDocument meta)
            throws IOException, ArchiveException {
        int read = in.readNBytes(buffer, 0, n);
        if (read < n || in.mismatched()) {
            throw VerifiedContent.mismatch(meta);
        }
        return read;
    }
}
