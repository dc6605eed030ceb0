package no.postmottak.eformidling.internal;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import no.postmottak.api.DocumentDescriptor;
import no.postmottak.api.DocumentRole;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;
import no.postmottak.arkivmelding.ArkivmeldingFile;
import no.postmottak.arkivmelding.ArkivmeldingReader;
import no.postmottak.arkivmelding.IncomingArkivmelding;
import no.postmottak.arkivmelding.IncomingArkivmelding.Dokumentbeskrivelse;
import no.postmottak.arkivmelding.IncomingArkivmelding.Dokumentobjekt;
import no.postmottak.arkivmelding.IncomingArkivmelding.Registrering;
import no.postmottak.channel.support.ByteBudget;
import no.postmottak.channel.support.ContentException;
import no.postmottak.channel.support.CountingInputStream;
import no.postmottak.channel.support.MediaTypes;
import no.postmottak.channel.support.VerifyingInputStream;
import no.postmottak.channel.support.ZipNames;

/**
 * Reads a popped ASiC-E from its spool file: finds {@code arkivmelding.xml} and the documents it names by
 * {@code referanseDokumentfil}, main document first, and ignores {@code mimetype}, {@code manifest.xml} and
 * {@code META-INF/*} (the integrasjonspunkt checked the signature). Files the arkivmelding does not name are kept as
 * attachments, a named file that is missing is a warning, and a message without (readable) arkivmelding is read as
 * its files; nothing a sender sent is dropped. Names that could escape a folder (zip-slip), more unpacked bytes than
 * allowed (zip bomb), too many entries, a forged directory and corrupt or truncated entries (CRC) are refused.
 * Memory does not grow with the message: the documents stream from the file.
 */
final class AsicReader {

    /** Limits on one message. */
    record Limits(long maxMessageBytes, long maxUnpackedBytes, int maxEntries, long maxRatio) {
        /** 1 GB is eFormidling's limit per message; a little room above it. */
        static final Limits DEFAULT = new Limits(1_200_000_000L, 4_000_000_000L, 2_000, 200);
        static final long MAX_DIRECTORY_BYTES = 16L * 1024 * 1024;
    }

    /** One document to store, in the order it is stored. */
    record Planned(ZipEntry entry, String fileName, String mediaType, String title, String documentType) {
    }

    private final Limits limits;
    private final ArkivmeldingReader arkivmeldingReader = ArkivmeldingReader.create();

    AsicReader(Limits limits) {
        this.limits = limits;
    }

    /**
     * Opens the package. The caller closes it after the inbox has read the documents.
     *
     * @param downloaded counts the bytes that came over the wire (the compressed size, for the zip-bomb ratio)
     * @param mainDocument the SBD's {@code hoveddokument}, or null: first when the arkivmelding says nothing
     * @throws ContentException when the package is not a safe, readable zip or holds no documents
     */
    AsicPackage open(Path file, CountingInputStream downloaded, String mainDocument) throws IOException {
        ZipDirectory.check(file, limits.maxEntries(), Limits.MAX_DIRECTORY_BYTES);
        ZipFile zip;
        boolean utf8 = true;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            // A name that is not UTF-8 (an old zip library's code page): read raw, and let ZipNames decode it.
            utf8 = false;
            try {
                zip = new ZipFile(file.toFile(), StandardCharsets.ISO_8859_1);
            } catch (ZipException again) {
                throw new ContentException("Meldingen er ikke en lesbar zip-fil (ASiC-E): " + again.getMessage());
            }
        }
        try {
            return read(zip, utf8, new ByteBudget(limits.maxUnpackedBytes(), limits.maxRatio(), downloaded),
                    mainDocument);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private AsicPackage read(ZipFile zip, boolean utf8, ByteBudget budget, String mainDocument)
            throws IOException {
        List<String> warnings = new ArrayList<>();
        List<Named> files = new ArrayList<>();
        ZipEntry arkivmeldingEntry = null;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            String name = safePath(utf8 ? entry.getName() : ZipNames.decode(entry.getName()));
            if (entry.isDirectory() || ignored(name)) {
                continue;
            }
            if (name.equalsIgnoreCase(ArkivmeldingFile.ARKIVMELDING_XML)) {
                arkivmeldingEntry = entry;
            } else {
                files.add(new Named(name, entry, utf8 ? Set.of(name) : ZipNames.candidates(entry.getName())));
            }
        }
        IncomingArkivmelding arkivmelding = null;
        if (arkivmeldingEntry == null) {
            warnings.add("Meldingen har ingen arkivmelding.xml; dokumentene er tatt imot uten arkivopplysninger");
        } else {
            try (InputStream in = entryStream(zip, arkivmeldingEntry, ArkivmeldingFile.ARKIVMELDING_XML, budget,
                    warnings)) {
                arkivmelding = arkivmeldingReader.read(in);
                arkivmelding.warnings().forEach(w -> warnings.add("arkivmelding.xml: " + w));
            } catch (ContentException e) {
                throw e;
            } catch (IOException e) {
                warnings.add("arkivmelding.xml kunne ikke leses og ligger ved som vedlegg: " + e.getMessage());
            }
        }
        List<Planned> plan = plan(arkivmelding, files, mainDocument, warnings);
        if (arkivmeldingEntry != null && (arkivmelding == null || plan.isEmpty())) {
            if (plan.isEmpty()) {
                warnings.add("Meldingen har ingen dokumenter utover arkivmelding.xml");
            }
            plan.add(new Planned(arkivmeldingEntry, ArkivmeldingFile.ARKIVMELDING_XML, "application/xml",
                    null, null));
        }
        if (plan.isEmpty()) {
            throw new ContentException("Meldingen inneholder ingen dokumenter");
        }
        return new AsicPackage(zip, arkivmelding, List.copyOf(plan), warnings, budget);
    }

    /** A file of the package: its path as read, the entry, and every plausible reading of its name. */
    private record Named(String path, ZipEntry entry, Set<String> readings) {
    }

    /** The documents in storing order: as the arkivmelding lists them (main first), then files it does not name. */
    private static List<Planned> plan(IncomingArkivmelding am, List<Named> files, String mainDocument,
                                      List<String> warnings) {
        List<Planned> plan = new ArrayList<>();
        Set<ZipEntry> used = new HashSet<>();
        if (am != null) {
            for (Registrering r : am.registreringer()) {
                for (Dokumentbeskrivelse d : r.mainFirst()) {
                    for (Dokumentobjekt o : filesOf(d)) {
                        String ref = o.referanseDokumentfil();
                        Optional<Named> found = find(files, ref);
                        if (found.isEmpty()) {
                            warnings.add("Filen «" + ref + "» som arkivmeldingen viser til, finnes ikke i meldingen");
                        } else if (used.add(found.get().entry())) {
                            // The arkivmelding's own spelling of the name: XML has no encoding doubts.
                            String name = fileName(ref.strip());
                            plan.add(new Planned(found.get().entry(), name, mediaType(o.mimeType(), name),
                                    d.tittel(), cap(d.dokumenttype(), 255)));
                        }
                    }
                }
            }
        }
        List<Named> rest = new ArrayList<>(files.stream().filter(f -> !used.contains(f.entry())).toList());
        if (am == null && mainDocument != null) {
            find(rest, mainDocument).ifPresent(main -> {
                rest.remove(main);
                rest.add(0, main);
            });
        }
        for (Named f : rest) {
            String name = fileName(f.path());
            if (am != null) {
                warnings.add("Filen «" + name + "» står ikke i arkivmeldingen; den ligger ved som vedlegg");
            }
            plan.add(new Planned(f.entry(), name, MediaTypes.guess(name), null, null));
        }
        return plan;
    }

    /** A document's files with a name, the preferred variant (Arkivformat) first. */
    private static List<Dokumentobjekt> filesOf(Dokumentbeskrivelse d) {
        List<Dokumentobjekt> all = new ArrayList<>(d.dokumentobjekter().stream()
                .filter(o -> o.referanseDokumentfil() != null && !o.referanseDokumentfil().isBlank()).toList());
        d.file().ifPresent(preferred -> {
            all.remove(preferred);
            all.add(0, preferred);
        });
        return all;
    }

    /** The file a reference names: by its exact path, else by any reading of its name or last segment. */
    private static Optional<Named> find(List<Named> files, String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        String wanted = ref.strip();
        return files.stream().filter(f -> f.path().equals(wanted)).findFirst()
                .or(() -> files.stream().filter(f -> f.readings().stream().anyMatch(r -> r.equalsIgnoreCase(wanted)
                        || fileName(r).equalsIgnoreCase(wanted))).findFirst());
    }

    private static String mediaType(String declared, String name) {
        return declared != null && declared.contains("/") ? cap(declared.strip(), 255) : MediaTypes.guess(name);
    }

    private static String cap(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static boolean ignored(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("meta-inf/") || lower.equals("mimetype") || lower.equals("manifest.xml");
    }

    /** An entry's path, refused when any part of it could escape a folder. */
    private static String safePath(String name) throws ContentException {
        String n = name.strip();
        if (n.isEmpty() || n.startsWith("/") || n.contains("\\") || n.contains(":") || n.indexOf('\0') >= 0
                || List.of(n.split("/")).contains("..")) {
            throw new ContentException("Ugyldig filnavn i meldingen: «" + n + "» (navn med '..', rot eller"
                    + " stasjon avvises)");
        }
        return n;
    }

    /** The name a document is stored under: the entry's last path segment. */
    private static String fileName(String path) {
        String last = cap(path.substring(path.lastIndexOf('/') + 1), 255);
        try {
            return ZipNames.safeName(last);
        } catch (ContentException e) {
            return "dokument";
        }
    }

    /** An entry's bytes with the zip-bomb budget and the CRC checked; corruption is a {@link ContentException}. */
    static InputStream entryStream(ZipFile zip, ZipEntry entry, String name, ByteBudget budget, List<String> warnings)
            throws IOException {
        return new VerifyingInputStream(new CheckedEntry(zip.getInputStream(entry), entry, name), name, -1, null,
                false, warnings::add, budget);
    }

    /** The package opened: what the arkivmelding says, the plan, and the documents as the inbox reads them. */
    static final class AsicPackage implements AutoCloseable {

        private final ZipFile zip;
        private final IncomingArkivmelding arkivmelding;
        private final List<Planned> plan;
        private final List<String> warnings;
        private final ByteBudget budget;

        AsicPackage(ZipFile zip, IncomingArkivmelding arkivmelding, List<Planned> plan, List<String> warnings,
                    ByteBudget budget) {
            this.zip = zip;
            this.arkivmelding = arkivmelding;
            this.plan = plan;
            this.warnings = warnings;
            this.budget = budget;
        }

        /** The arkivmelding, or null when there was none (or it could not be read). */
        IncomingArkivmelding arkivmelding() {
            return arkivmelding;
        }

        List<Planned> plan() {
            return plan;
        }

        /** What the clerk should know (Norwegian); grows while the documents are read. */
        List<String> warnings() {
            return warnings;
        }

        /** The documents in plan order, the first as the main document. */
        IncomingDocuments documents() {
            int[] next = {0};
            return () -> {
                if (next[0] >= plan.size()) {
                    return Optional.empty();
                }
                int index = next[0]++;
                Planned p = plan.get(index);
                DocumentDescriptor descriptor = new DocumentDescriptor(p.fileName(), p.mediaType(), -1, null,
                        index == 0 ? DocumentRole.MAIN : DocumentRole.ATTACHMENT, p.documentType());
                return Optional.of(new IncomingDocument(descriptor,
                        entryStream(zip, p.entry(), p.fileName(), budget, warnings)));
            };
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /** Checks the entry's CRC-32 at its end and turns zip corruption into a {@link ContentException}. */
    private static final class CheckedEntry extends FilterInputStream {

        private final ZipEntry entry;
        private final String name;
        private final CRC32 crc = new CRC32();
        private boolean checked;

        CheckedEntry(InputStream in, ZipEntry entry, String name) {
            super(in);
            this.entry = entry;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (ZipException | EOFException e) {
                throw new ContentException("Filen «" + name + "» i meldingen er skadet: " + e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
            } else if (n < 0 && !checked) {
                checked = true;
                if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                    throw new ContentException("Filen «" + name + "» i meldingen er skadet (kontrollsummen stemmer"
                            + " ikke)");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
            return Math.max(read(buffer, 0, buffer.length), 0);
        }
    }
}
