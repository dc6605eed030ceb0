package no.postmottak.svarinn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import no.postmottak.api.DocumentRole;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;
import no.postmottak.channel.support.ContentException;
import no.postmottak.svarinn.internal.json.FilMetadata;
import no.postmottak.testfixtures.SvarInnFixtures;

class PayloadReaderTest {

    private final List<String> warnings = new ArrayList<>();
    private final PayloadReader strict = new PayloadReader(PayloadReader.Limits.DEFAULT, true, warnings::add);
    private final PayloadReader warnOnly = new PayloadReader(PayloadReader.Limits.DEFAULT, false, warnings::add);

    record Read(IncomingDocument document, byte[] content) {
    }

    static List<Read> readAll(IncomingDocuments documents) throws IOException {
        List<Read> all = new ArrayList<>();
        for (Optional<IncomingDocument> d = documents.next(); d.isPresent(); d = documents.next()) {
            all.add(new Read(d.get(), d.get().content().readAllBytes()));
        }
        return all;
    }

    static FilMetadata meta(String name, byte[] content) {
        return new FilMetadata(name, null, sha256(content), null, (long) content.length);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] zip(Charset charset, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, charset)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void realSvarUtZipGivesMainDocumentThenAttachmentWithVerifiedHashes() throws Exception {
        byte[] zip = Files.readAllBytes(SvarInnFixtures.path("svarut-sak-mottak/dokumenter.zip"));
        List<FilMetadata> filer = List.of(
                new FilMetadata("small.pdf", "application/pdf",
                        "8b628fc6410a8617083a6a265c4d9ac6c8f501aa378d8137e9aae0403db95d39", null, 3151L),
                new FilMetadata("text.txt", "text/plain",
                        "38b48620a3ecaef150d40c44530b28962f2a0a0976365db07f5bfbaa241bef42", null, 11L));

        List<Read> docs = readAll(strict.documents(new ByteArrayInputStream(zip), filer));

        assertThat(docs).hasSize(2);
        assertThat(docs.get(0).document().descriptor().fileName()).isEqualTo("small.pdf");
        assertThat(docs.get(0).document().descriptor().role()).isEqualTo(DocumentRole.MAIN);
        assertThat(docs.get(1).document().descriptor().role()).isEqualTo(DocumentRole.ATTACHMENT);
        assertThat(new String(docs.get(1).content(), StandardCharsets.UTF_8)).isEqualTo("En text fil");
        assertThat(warnings).isEmpty();
    }

    @Test
    void dosCodePageNamesWithoutTheUtf8FlagAreMatchedToFilmetadata() throws Exception {
        byte[] pdf = "%PDF-1.4 vedtak".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Vedtak om ærlig åpning.pdf", pdf);
        byte[] cp437 = zip(Charset.forName("IBM437"), entries);
        byte[] cp865 = zip(Charset.forName("IBM865"), Map.of("Søknad fra Ørsta.pdf", pdf));

        assertThat(readAll(strict.documents(new ByteArrayInputStream(cp437),
                List.of(meta("Vedtak om ærlig åpning.pdf", pdf))))).singleElement().satisfies(r ->
                assertThat(r.document().descriptor().fileName()).isEqualTo("Vedtak om ærlig åpning.pdf"));
        assertThat(readAll(strict.documents(new ByteArrayInputStream(cp865),
                List.of(meta("Søknad fra Ørsta.pdf", pdf))))).singleElement().satisfies(r ->
                assertThat(r.document().descriptor().fileName()).isEqualTo("Søknad fra Ørsta.pdf"));
    }

    @Test
    void unlistedCp437NamesAreReadAsCp437() throws Exception {
        byte[] zip = zip(Charset.forName("IBM437"), Map.of("Vedtak æ.txt", new byte[] {1}));
        assertThat(readAll(warnOnly.documents(new ByteArrayInputStream(zip), List.of()))).singleElement()
                .satisfies(r -> assertThat(r.document().descriptor().fileName()).isEqualTo("Vedtak æ.txt"));
    }

    @Test
    void aNameWithAPathIsRefused() throws Exception {
        byte[] zip = zip(StandardCharsets.UTF_8, Map.of("../../etc/passwd", new byte[] {1}));
        assertThatThrownBy(() -> readAll(strict.documents(new ByteArrayInputStream(zip), List.of())))
                .isInstanceOf(ContentException.class).hasMessageContaining("Ugyldig filnavn");
    }

    /** Strict: the inbox compares the hash as it stores (ContentMismatchException), so the reader only passes it on. */
    @Test
    void aHashMismatchIsLeftToTheInboxUnderStrictAndWarnsOtherwise() throws Exception {
        byte[] content = "innhold".getBytes(StandardCharsets.UTF_8);
        byte[] zip = zip(StandardCharsets.UTF_8, Map.of("brev.txt", content));
        String wrong = "7a936ed5f396e6d73f0f33de991be54ab34987032c44a2c14613f03a33beb035";
        List<FilMetadata> wrongHash = List.of(new FilMetadata("brev.txt", "text/plain", wrong, null, 7L));

        List<Read> strictRead = readAll(strict.documents(new ByteArrayInputStream(zip), wrongHash));
        assertThat(strictRead).singleElement().satisfies(r -> {
            assertThat(r.content()).isEqualTo(content);
            assertThat(r.document().descriptor().expectedSha256()).isEqualTo(wrong);
        });
        assertThat(warnings).isEmpty();

        assertThat(readAll(warnOnly.documents(new ByteArrayInputStream(zip), wrongHash))).singleElement()
                .satisfies(r -> assertThat(r.document().descriptor().expectedSha256()).isNull());
        assertThat(warnings).singleElement().asString().contains("SHA-256");
    }

    @Test
    void missingAndExtraEntriesFailUnderStrict() throws Exception {
        byte[] a = {1, 2, 3};
        byte[] zip = zip(StandardCharsets.UTF_8, Map.of("a.txt", a));
        assertThatThrownBy(() -> readAll(strict.documents(new ByteArrayInputStream(zip),
                List.of(meta("a.txt", a), meta("b.txt", a)))))
                .isInstanceOf(ContentException.class).hasMessageContaining("mangler 1 av 2 filer: b.txt");

        Map<String, byte[]> two = new LinkedHashMap<>();
        two.put("a.txt", a);
        two.put("ekstra.txt", a);
        byte[] extra = zip(StandardCharsets.UTF_8, two);
        assertThatThrownBy(() -> readAll(strict.documents(new ByteArrayInputStream(extra), List.of(meta("a.txt", a)))))
                .isInstanceOf(ContentException.class).hasMessageContaining("ekstra.txt");
        assertThat(readAll(warnOnly.documents(new ByteArrayInputStream(extra), List.of(meta("a.txt", a)))))
                .hasSize(2);
    }

    @Test
    void anEmptyZipIsRefused() throws Exception {
        byte[] empty = zip(StandardCharsets.UTF_8, Map.of());
        assertThatThrownBy(() -> readAll(strict.documents(new ByteArrayInputStream(empty), List.of())))
                .isInstanceOf(ContentException.class).hasMessageContaining("ingen dokumenter");
    }

    @Test
    void aBarePdfIsOneMainDocumentNamedFromFilmetadata() throws Exception {
        byte[] pdf = Files.readAllBytes(SvarInnFixtures.path("svarut-sak-mottak/small.pdf"));
        List<Read> docs = readAll(strict.documents(new ByteArrayInputStream(pdf),
                List.of(new FilMetadata("Vedtak", "application/pdf", sha256(pdf), null, (long) pdf.length))));
        assertThat(docs).singleElement().satisfies(r -> {
            assertThat(r.document().descriptor().fileName()).isEqualTo("Vedtak.pdf");
            assertThat(r.document().descriptor().role()).isEqualTo(DocumentRole.MAIN);
            assertThat(r.content()).isEqualTo(pdf);
        });
    }

    @Test
    void somethingElseIsNeitherZipNorPdf() {
        assertThatThrownBy(() -> strict.documents(new ByteArrayInputStream("hei".getBytes()), List.of()))
                .isInstanceOf(ContentException.class).hasMessageContaining("verken en zip-fil eller en PDF");
    }

    @Test
    void aZipBombIsStoppedWhileStreaming() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("bombe.txt"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 100; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        IncomingDocuments docs = warnOnly.documents(new ByteArrayInputStream(bytes.toByteArray()), List.of());
        InputStream content = docs.next().orElseThrow().content();
        assertThatThrownBy(() -> content.transferTo(OutputStream.nullOutputStream()))
                .isInstanceOf(ContentException.class).hasMessageContaining("zip-bombe");
    }

    @Test
    void theTotalSizeLimitHolds() throws Exception {
        PayloadReader tight = new PayloadReader(new PayloadReader.Limits(10, 1000, 200), false, warnings::add);
        byte[] zip = zip(StandardCharsets.UTF_8, Map.of("stor.txt", new byte[100]));
        assertThatThrownBy(() -> readAll(tight.documents(new ByteArrayInputStream(zip), List.of())))
                .isInstanceOf(ContentException.class).hasMessageContaining("mer enn 10 byte");
    }
}
