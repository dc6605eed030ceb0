package no.postmottak.eformidling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.postmottak.api.DocumentRole;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.channel.support.ContentException;
import no.postmottak.channel.support.CountingInputStream;
import no.postmottak.eformidling.internal.AsicReader.AsicPackage;
import no.postmottak.eformidling.simulator.Message;
import no.postmottak.eformidling.simulator.MessageFault;
import no.postmottak.eformidling.simulator.SimDocument;
import no.postmottak.eformidling.simulator.IntegrasjonspunktSimulator;

class AsicReaderTest {

    @TempDir
    Path dir;

    private final AsicReader reader = new AsicReader(AsicReader.Limits.DEFAULT);

    static Message.Builder letter() {
        return Message.builder().receiver("910075918").sender("910076787", "Statsforvalteren i Vestland")
                .title("Vedtak om løyve – Ærøy").senderCase(2026, 117, 3)
                .document(SimDocument.of("vedtak.pdf", "application/pdf", "Vedtak", "%PDF-1.4 vedtak"
                        .getBytes(StandardCharsets.UTF_8)))
                .document(SimDocument.of("kart å se.png", "image/png", "Kart", new byte[] {1, 2, 3}));
    }

    private Path asic(Message m) throws IOException {
        Path file = Files.createTempFile(dir, "asic", ".zip");
        try (OutputStream out = Files.newOutputStream(file)) {
            IntegrasjonspunktSimulator.writeAsic(m, out);
        }
        return file;
    }

    private AsicPackage open(Path file) throws IOException {
        return open(file, null);
    }

    private AsicPackage open(Path file, String mainDocument) throws IOException {
        // As the spool counts it: the bytes that came over the wire.
        try (var in = Files.newInputStream(file)) {
            CountingInputStream counted = new CountingInputStream(in);
            counted.transferTo(OutputStream.nullOutputStream());
            return reader.open(file, counted, mainDocument);
        }
    }

    /** Reads all documents as the inbox does: name, role and content. */
    private static List<String> readAll(AsicPackage pkg) throws IOException {
        List<String> read = new ArrayList<>();
        var docs = pkg.documents();
        for (Optional<IncomingDocument> d = docs.next(); d.isPresent(); d = docs.next()) {
            byte[] content = d.get().content().readAllBytes();
            read.add(d.get().descriptor().fileName() + "|" + d.get().descriptor().role() + "|" + content.length);
        }
        return read;
    }

    @Test
    void readsTheArkivmeldingAndTheDocumentsItNamesMainFirstIgnoringTheSignatureFiles() throws IOException {
        try (AsicPackage pkg = open(asic(letter().build()))) {
            assertThat(pkg.arkivmelding().first().orElseThrow().tittel()).isEqualTo("Vedtak om løyve – Ærøy");
            assertThat(pkg.plan()).extracting(AsicReader.Planned::fileName)
                    .containsExactly("vedtak.pdf", "kart å se.png");
            assertThat(pkg.plan().get(0).title()).isEqualTo("Vedtak");
            assertThat(pkg.plan().get(0).documentType()).isEqualTo("Brev");
            assertThat(readAll(pkg)).containsExactly("vedtak.pdf|MAIN|15", "kart å se.png|ATTACHMENT|3");
            assertThat(pkg.warnings()).isEmpty();
        }
    }

    @Test
    void withoutArkivmeldingTheFilesAreReceivedWithTheSbdsMainDocumentFirstAndFlagged() throws IOException {
        Message m = letter().fault(MessageFault.NO_ARKIVMELDING).build();
        try (AsicPackage pkg = open(asic(m), "kart å se.png")) {
            assertThat(pkg.arkivmelding()).isNull();
            assertThat(readAll(pkg)).containsExactly("kart å se.png|MAIN|3", "vedtak.pdf|ATTACHMENT|15");
            assertThat(pkg.warnings()).singleElement().asString().contains("ingen arkivmelding.xml");
        }
    }

    @Test
    void aNamedFileThatIsMissingIsAWarningNotALoss() throws IOException {
        try (AsicPackage pkg = open(asic(letter().fault(MessageFault.MISSING_FILE).build()))) {
            assertThat(readAll(pkg)).containsExactly("vedtak.pdf|MAIN|15");
            assertThat(pkg.warnings()).singleElement().asString()
                    .contains("«kart å se.png» som arkivmeldingen viser til, finnes ikke");
        }
    }

    @Test
    void aCorruptZipIsUnreadable() throws IOException {
        Path file = asic(letter().fault(MessageFault.CORRUPT_ZIP).build());
        assertThatThrownBy(() -> open(file)).isInstanceOf(ContentException.class)
                .hasMessageContaining("sluttkatalogen mangler");
    }

    @Test
    void aTruncatedZipIsUnreadable() throws IOException {
        Path file = asic(letter().build());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }
        assertThatThrownBy(() -> open(file)).isInstanceOf(ContentException.class);
    }

    @Test
    void filesTheArkivmeldingDoesNotNameAreKeptAsAttachments() throws IOException {
        Path file = zip(List.of("mimetype", "arkivmelding.xml", "vedtak.pdf", "ekstra.txt", "META-INF/x.xml"),
                name -> name.equals("arkivmelding.xml") ? arkivmelding("vedtak.pdf") : "innhold".getBytes());
        try (AsicPackage pkg = open(file)) {
            assertThat(readAll(pkg)).containsExactly("vedtak.pdf|MAIN|7", "ekstra.txt|ATTACHMENT|7");
            assertThat(pkg.warnings()).singleElement().asString().contains("«ekstra.txt» står ikke i arkivmeldingen");
        }
    }

    @Test
    void anUnreadableArkivmeldingIsKeptAsAnAttachment() throws IOException {
        Path file = zip(List.of("arkivmelding.xml", "brev.pdf"),
                name -> name.equals("arkivmelding.xml") ? "<arkivmelding><ikke lukket>".getBytes() : "x".getBytes());
        try (AsicPackage pkg = open(file)) {
            assertThat(pkg.arkivmelding()).isNull();
            assertThat(readAll(pkg)).containsExactly("brev.pdf|MAIN|1", "arkivmelding.xml|ATTACHMENT|27");
            assertThat(pkg.warnings()).singleElement().asString().startsWith("arkivmelding.xml kunne ikke leses");
        }
    }

    @Test
    void onlyAnArkivmeldingIsReceivedAsItselfAndFlagged() throws IOException {
        Path file = zip(List.of("mimetype", "arkivmelding.xml"), name -> arkivmelding("borte.pdf"));
        try (AsicPackage pkg = open(file)) {
            assertThat(readAll(pkg)).singleElement().asString().startsWith("arkivmelding.xml|MAIN|");
            assertThat(pkg.warnings()).anySatisfy(w -> assertThat(w).contains("ingen dokumenter utover"));
        }
    }

    @Test
    void aPackageWithoutAnyDocumentIsUnreadable() throws IOException {
        Path file = zip(List.of("mimetype", "META-INF/signature.p7s"), name -> "x".getBytes());
        assertThatThrownBy(() -> open(file)).isInstanceOf(ContentException.class)
                .hasMessageContaining("ingen dokumenter");
    }

    @Test
    void zipSlipNamesAreRefused() throws IOException {
        for (String evil : List.of("../../etc/passwd", "/etc/passwd", "a/../../b.pdf", "C:\\windows\\x.pdf")) {
            Path file = zip(List.of("arkivmelding.xml", evil), name -> arkivmelding("x.pdf"));
            assertThatThrownBy(() -> open(file)).as(evil).isInstanceOf(ContentException.class)
                    .hasMessageContaining("Ugyldig filnavn");
        }
    }

    @Test
    void aZipBombIsStoppedWhileItIsRead() throws IOException {
        // 200 MB of zeros deflate to about 200 KB: far over the ratio once past 64 MB.
        Path file = Files.createTempFile(dir, "bomb", ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("bombe.pdf"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        try (AsicPackage pkg = open(file)) {
            assertThatThrownBy(() -> readAll(pkg)).isInstanceOf(ContentException.class)
                    .hasMessageContaining("zip-bombe");
        }
    }

    @Test
    void aDamagedEntryFailsItsChecksum() throws IOException {
        Path file = zip(List.of("brev.txt"), name -> "a".repeat(5000).getBytes());
        byte[] bytes = Files.readAllBytes(file);
        // Flip a byte of the stored content (the entry is stored: its bytes follow the 38-byte local header).
        bytes[30 + "brev.txt".length() + 100] ^= 0x20;
        Files.write(file, bytes);
        try (AsicPackage pkg = open(file)) {
            assertThatThrownBy(() -> readAll(pkg)).isInstanceOf(ContentException.class)
                    .hasMessageContaining("skadet");
        }
    }

    @Test
    void aForgedDirectorySizeIsRefusedBeforeTheJdkReadsIt() throws IOException {
        Path file = zip(List.of("brev.txt"), name -> "x".getBytes());
        byte[] bytes = Files.readAllBytes(file);
        int eocd = bytes.length - 22;
        bytes[eocd + 12] = (byte) 0xff; // central directory size: 0x7fffff..
        bytes[eocd + 13] = (byte) 0xff;
        bytes[eocd + 14] = (byte) 0xff;
        bytes[eocd + 15] = (byte) 0x7f;
        Files.write(file, bytes);
        assertThatThrownBy(() -> open(file)).isInstanceOf(ContentException.class)
                .hasMessageContaining("katalog");
    }

    private static byte[] arkivmelding(String file) {
        return ("<arkivmelding xmlns='http://www.arkivverket.no/standarder/noark5/arkivmelding'><registrering>"
                + "<tittel>Brev</tittel><dokumentbeskrivelse><tilknyttetRegistreringSom>Hoveddokument"
                + "</tilknyttetRegistreringSom><dokumentobjekt><referanseDokumentfil>" + file
                + "</referanseDokumentfil></dokumentobjekt></dokumentbeskrivelse></registrering></arkivmelding>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A zip with the given entries, stored uncompressed. */
    private Path zip(List<String> names, java.util.function.Function<String, byte[]> content) throws IOException {
        Path file = Files.createTempFile(dir, "zip", ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String name : names) {
                byte[] bytes = content.apply(name);
                ZipEntry e = new ZipEntry(name);
                e.setMethod(ZipEntry.STORED);
                e.setSize(bytes.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(bytes);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void namesInAnOldCodePageAreMatchedToTheArkivmelding() throws IOException {
        Path file = Files.createTempFile(dir, "cp865", ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file),
                java.nio.charset.Charset.forName("IBM865"))) {
            zip.putNextEntry(new ZipEntry("arkivmelding.xml"));
            zip.write(arkivmelding("søknad.pdf"));
            zip.putNextEntry(new ZipEntry("søknad.pdf"));
            zip.write("%PDF".getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new ZipEntry("vedlegg ø.txt"));
            zip.write("x".getBytes(StandardCharsets.US_ASCII));
        }
        try (AsicPackage pkg = open(file)) {
            List<String> read = readAll(pkg);
            assertThat(read.get(0)).isEqualTo("søknad.pdf|MAIN|4");
            assertThat(read).hasSize(2);
        }
    }

    @Test
    void theRolesAreMainThenAttachments() throws IOException {
        try (AsicPackage pkg = open(asic(letter().build()))) {
            var docs = pkg.documents();
            assertThat(docs.next().orElseThrow().descriptor().role()).isEqualTo(DocumentRole.MAIN);
            assertThat(docs.next().orElseThrow().descriptor().role()).isEqualTo(DocumentRole.ATTACHMENT);
            assertThat(docs.next()).isEmpty();
        }
    }
}
