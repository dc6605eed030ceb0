package no.postmottak.svarinn.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import no.postmottak.api.DocumentDescriptor;
import no.postmottak.api.DocumentRole;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;
import no.postmottak.channel.support.ByteBudget;
import no.postmottak.channel.support.ContentException;
import no.postmottak.channel.support.CountingInputStream;
import no.postmottak.channel.support.MediaTypes;
import no.postmottak.channel.support.VerifyingInputStream;
import no.postmottak.channel.support.ZipNames;
import no.postmottak.svarinn.internal.json.FilMetadata;

/**
 * Turns a decrypted SvarInn payload into the documents the inbox stores, streaming: a zip (usually) or a single PDF
 * (allowed by KS). Entry names are matched to {@code filmetadata}, whatever their encoding; names with paths
 * (zip-slip) and payloads that unpack beyond the limits (zip bombs) are refused; sizes and SHA-256 are verified
 * against {@code filmetadata} as each document streams past, before the inbox commits.
 */
public final class PayloadReader {

    /** Limits on what one payload may unpack to. */
    public record Limits(long maxTotalBytes, int maxEntries, long maxRatio) {
        public static final Limits DEFAULT = new Limits(50L * 1024 * 1024 * 1024, 1000, 200);
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
    private static final byte[] PDF = {'%', 'P', 'D', 'F'};

    private final Limits limits;
    private final boolean strictHashes;
    private final Consumer<String> warnings;

    public PayloadReader(Limits limits, boolean strictHashes, Consumer<String> warnings) {
        this.limits = limits;
        this.strictHashes = strictHashes;
        this.warnings = warnings;
    }

    /**
     * The documents of {@code plaintext}. The returned sequence reads the plaintext to its very end before it reports
     * "no more documents", so that a corrupt or truncated ciphertext fails before the inbox commits.
     */
    public IncomingDocuments documents(InputStream plaintext, List<FilMetadata> filer) throws IOException {
        CountingInputStream counted = new CountingInputStream(plaintext);
        BufferedInputStream in = new BufferedInputStream(counted, 64 * 1024);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (Arrays.equals(magic, ZIP)) {
            return new ZipDocuments(in, counted, filer);
        }
        if (Arrays.equals(magic, EMPTY_ZIP) || magic.length == 0) {
            throw new ContentException("Forsendelsen inneholder ingen dokumenter (tom zip-fil)");
        }
        if (Arrays.equals(magic, PDF)) {
            return singlePdf(in, filer);
        }
        throw new ContentException("Forsendelsen er verken en zip-fil eller en PDF etter dekryptering");
    }

    private IncomingDocuments singlePdf(InputStream in, List<FilMetadata> filer) throws ContentException {
        // One listed file: it is this PDF. Several: SvarUt merged them into one PDF, so their hashes do not apply.
        FilMetadata only = filer.size() == 1 ? filer.get(0) : null;
        String name = pdfName(only != null && only.filnavn() != null ? ZipNames.safeName(only.filnavn()) : "forsendelse.pdf");
        long expectedSize = expectedSize(only);
        String expectedSha256 = only == null ? null : only.sha256hash();
        DocumentDescriptor descriptor = descriptor(name, "application/pdf", expectedSize, expectedSha256, DocumentRole.MAIN,
                only == null ? null : only.dokumentType());
        if (filer.size() > 1) {
            warnings.accept("Forsendelsen kom som én sammenslått PDF for " + filer.size() + " dokumenter");
        }
        ByteBudget budget = new ByteBudget(limits.maxTotalBytes(), Long.MAX_VALUE, null);
        InputStream verified = new VerifyingInputStream(in, name, expectedSize, hashedHere(expectedSha256),
                strictHashes, warnings, budget);
        boolean[] handedOut = {false};
        return () -> {
            if (handedOut[0]) {
                return Optional.empty();
            }
            handedOut[0] = true;
            return Optional.of(new IncomingDocument(descriptor, verified));
        };
    }

    /** Zip entries one at a time, matched to filmetadata. */
    private final class ZipDocuments implements IncomingDocuments {

        private final InputStream plaintext;
        private final ZipInputStream zip;
        private final List<FilMetadata> remaining;
        private final int listed;
        private final ByteBudget budget;
        private int entries;
        private boolean done;

        ZipDocuments(InputStream plaintext, CountingInputStream counted, List<FilMetadata> filer) {
            this.plaintext = plaintext;
            // ISO-8859-1 keeps the raw bytes of names that lack the UTF-8 flag, so we can decode them ourselves.
            this.zip = new ZipInputStream(plaintext, StandardCharsets.ISO_8859_1);
            this.remaining = new ArrayList<>(filer);
            this.listed = filer.size();
            this.budget = new ByteBudget(limits.maxTotalBytes(), limits.maxRatio(), counted);
        }

        @Override
        public Optional<IncomingDocument> next() throws IOException {
            if (done) {
                return Optional.empty();
            }
            ZipEntry entry;
            try {
                entry = zip.getNextEntry();
            } catch (ZipException e) {
                throw new ContentException("Zip-filen i forsendelsen er skadet: " + e.getMessage());
            }
            if (entry == null) {
                return finish();
            }
            if (++entries > limits.maxEntries()) {
                throw new ContentException("Forsendelsen har mer enn " + limits.maxEntries() + " filer");
            }
            if (entry.isDirectory()) {
                throw new ContentException("Zip-filen inneholder en mappe (" + entry.getName()
                        + "); SvarUt sender bare filer");
            }
            FilMetadata meta = match(entry.getName());
            String name = meta != null && meta.filnavn() != null ? ZipNames.safeName(meta.filnavn())
                    : ZipNames.safeName(ZipNames.decode(entry.getName()));
            if (meta == null) {
                String message = "Filen " + name + " i zip-filen står ikke i forsendelsens filmetadata";
                if (strictHashes) {
                    throw new ContentException(message);
                }
                warnings.accept(message);
            }
            String mediaType = meta != null && meta.mimetype() != null && !meta.mimetype().isBlank()
                    ? meta.mimetype() : MediaTypes.guess(name);
            if ("application/pdf".equals(mediaType)) {
                name = pdfName(name);
            }
            long expectedSize = expectedSize(meta);
            String expectedSha256 = meta == null ? null : meta.sha256hash();
            InputStream content = new VerifyingInputStream(new EntryStream(zip), name, expectedSize,
                    hashedHere(expectedSha256), strictHashes, warnings, budget);
            return Optional.of(new IncomingDocument(descriptor(name, mediaType, expectedSize, expectedSha256,
                    entries == 1 ? DocumentRole.MAIN : DocumentRole.ATTACHMENT,
                    meta == null ? null : meta.dokumentType()), content));
        }

        private Optional<IncomingDocument> finish() throws IOException {
            done = true;
            if (entries == 0) {
                throw new ContentException("Forsendelsen inneholder ingen dokumenter (tom zip-fil)");
            }
            if (!remaining.isEmpty()) {
                String missing = String.join(", ", remaining.stream().map(FilMetadata::filnavn).toList());
                String message = "Zip-filen mangler " + remaining.size() + " av " + listed + " filer: " + missing;
                if (strictHashes) {
                    throw new ContentException(message);
                }
                warnings.accept(message);
            }
            // Read to the end: only then has the decryption checked the last block's padding.
            plaintext.transferTo(java.io.OutputStream.nullOutputStream());
            return Optional.empty();
        }

        /** The filmetadata entry this zip entry is: by name in any plausible encoding, else by position. */
        private FilMetadata match(String rawName) {
            for (String candidate : ZipNames.candidates(rawName)) {
                for (FilMetadata m : remaining) {
                    if (m.filnavn() != null && m.filnavn().equalsIgnoreCase(candidate)) {
                        remaining.remove(m);
                        return m;
                    }
                }
            }
            int position = entries - 1;
            int listedPosition = listed - remaining.size();
            if (position == listedPosition && !remaining.isEmpty()) {
                return remaining.remove(0);
            }
            return null;
        }
    }

    /** One entry's bytes; closing it does not close the zip. */
    private static final class EntryStream extends java.io.FilterInputStream {
        EntryStream(ZipInputStream zip) {
            super(zip);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (ZipException e) {
                throw new ContentException("Zip-filen i forsendelsen er skadet: " + e.getMessage());
            }
        }

        @Override
        public void close() {
            // the zip reader moves on to the next entry by itself
        }
    }

    /** The size the sender announced, or -1 when unknown (missing, or 0 which SvarUt uses for "unknown"). */
    private static long expectedSize(FilMetadata meta) {
        return meta != null && meta.size() != null && meta.size() > 0 ? meta.size() : -1;
    }

    /**
     * The sender's SHA-256 if this reader is to compare it: only under warn-only. Under the strict policy the inbox
     * gets it ({@link #descriptor}) and compares it with the SHA-256 it computes of every byte it stores anyway, and
     * refuses a mismatch before it commits ({@code ContentMismatchException}); hashing here as well cost a second
     * SHA-256 per byte, about a sixth of the CPU a large forsendelse takes on 2 cores (issue 17).
     */
    private String hashedHere(String expectedSha256) {
        return strictHashes ? null : expectedSha256;
    }

    /**
     * What the inbox is told about a document. The sender's size and hash go along only under the strict policy:
     * the inbox refuses a mismatch, which warn-only must not do (we verified and warned already).
     */
    private DocumentDescriptor descriptor(String name, String mediaType, long expectedSize, String expectedSha256,
                                          DocumentRole role, String documentType) {
        return new DocumentDescriptor(name, mediaType, strictHashes ? expectedSize : -1,
                strictHashes ? expectedSha256 : null, role, documentType);
    }

    /** SvarUt's own receiver learnt that archives refuse PDFs whose name lacks ".pdf" (SAK v16). */
    static String pdfName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".pdf") ? name : name + ".pdf";
    }
}
