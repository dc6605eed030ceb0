package no.postmottak.archive.filesystem.internal;

import no.postmottak.arkivmelding.testing.ArchiveFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osgi.util.converter.Converters;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.arkivmelding.ArkivmeldingSchemas;
import no.postmottak.arkivmelding.ArkivmeldingSettings;
import no.postmottak.arkivmelding.ArkivmeldingVersion;
import no.postmottak.arkivmelding.ArkivmeldingWriter;

class FilesystemExporterTest {

    @TempDir
    Path root;

    private FilesystemExporter exporter(ArkivmeldingVersion v) {
        return new FilesystemExporter(root.resolve("eksport"),
                ArkivmeldingWriter.create(ArkivmeldingSettings.defaults(v)));
    }

    private List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(ArkivmeldingVersion.class)
    void oneDocument(ArkivmeldingVersion v) throws Exception {
        ArchiveRequest req = ArchiveFixtures.request(1);
        ArchiveReceipt receipt = exporter(v).export(req);
        Path folder = root.resolve("eksport").resolve(req.item().id().toString());
        assertThat(receipt.kind()).isEqualTo("filesystem");
        assertThat(receipt.journalpostId()).isEqualTo(req.item().id().toString());
        assertThat(receipt.details()).containsEntry("folder", folder.toString());
        assertThat(listing(folder)).containsExactly("Søknad om løyve – Ærøy.pdf", "arkivmelding.xml");
        assertThat(Files.readAllBytes(folder.resolve("Søknad om løyve – Ærøy.pdf"))).isEqualTo(ArchiveFixtures.content(0));
        try (InputStream in = Files.newInputStream(folder.resolve("arkivmelding.xml"))) {
            ArkivmeldingSchemas.validate(v, in);
        }
    }

    @ParameterizedTest
    @EnumSource(ArkivmeldingVersion.class)
    void tenDocuments(ArkivmeldingVersion v) throws Exception {
        ArchiveRequest req = ArchiveFixtures.request(10);
        exporter(v).export(req);
        Path folder = root.resolve("eksport").resolve(req.item().id().toString());
        assertThat(listing(folder)).hasSize(11);
        for (int i = 0; i < 10; i++) {
            assertThat(Files.readAllBytes(folder.resolve(ArchiveFixtures.name(i)))).isEqualTo(ArchiveFixtures.content(i));
        }
        String xml = Files.readString(folder.resolve("arkivmelding.xml"), StandardCharsets.UTF_8);
        assertThat(xml).contains("<referanseDokumentfil>Vedlegg 9 – Åsgårdstrand.pdf</referanseDokumentfil>");
        try (InputStream in = Files.newInputStream(folder.resolve("arkivmelding.xml"))) {
            ArkivmeldingSchemas.validate(v, in);
        }
        assertThat(listing(root.resolve("eksport"))).containsExactly(req.item().id().toString());
    }

    @Test
    void streamFailingMidwayLeavesNothingAndRetrySucceeds() throws Exception {
        UUID id = UUID.randomUUID();
        FilesystemExporter ex = exporter(ArkivmeldingVersion.EFORMIDLING);
        assertThatThrownBy(() -> ex.export(ArchiveFixtures.request(id, 3, 1)))
                .isInstanceOfSatisfying(ArchiveException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.reason()).isEqualTo(ArchiveException.Reason.UNAVAILABLE);
                });
        assertThat(listing(root.resolve("eksport"))).isEmpty();

        ex.export(ArchiveFixtures.request(id, 3, -1));
        assertThat(listing(root.resolve("eksport"))).containsExactly(id.toString());
        assertThat(listing(root.resolve("eksport").resolve(id.toString()))).hasSize(4);
    }

    @Test
    void crashLeftoverIsCleanedOnRetry() throws Exception {
        UUID id = UUID.randomUUID();
        Path target = root.resolve("eksport");
        // what a killed JVM leaves: a temp folder with half a file, no arkivmelding.xml
        Path leftover = Files.createDirectories(target.resolve("." + id + ".tmp-" + UUID.randomUUID()));
        Files.write(leftover.resolve(ArchiveFixtures.name(0)), new byte[] {1, 2, 3});
        Path otherItems = Files.createDirectories(target.resolve("." + UUID.randomUUID() + ".tmp-x"));

        exporter(ArkivmeldingVersion.EFORMIDLING).export(ArchiveFixtures.request(id, 2, -1));

        assertThat(leftover).doesNotExist();
        assertThat(otherItems).exists(); // another item's export may still be running: not ours to remove
        assertThat(Files.readAllBytes(target.resolve(id.toString()).resolve(ArchiveFixtures.name(0))))
                .isEqualTo(ArchiveFixtures.content(0));
    }

    @Test
    void retryAfterSuccessGivesSameReceiptAndNoSecondFolder() throws Exception {
        UUID id = UUID.randomUUID();
        FilesystemExporter ex = exporter(ArkivmeldingVersion.V1);
        ArchiveReceipt first = ex.export(ArchiveFixtures.request(id, 2, -1));
        ArchiveReceipt second = ex.export(ArchiveFixtures.request(id, 2, -1));
        assertThat(second).isEqualTo(first);
        assertThat(listing(root.resolve("eksport"))).containsExactly(id.toString());
    }

    @Test
    void concurrentExportsOfOneItemGiveOneFolder() throws Exception {
        UUID id = UUID.randomUUID();
        FilesystemExporter ex = exporter(ArkivmeldingVersion.EFORMIDLING);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<ArchiveReceipt>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                all.add(pool.submit(() -> ex.export(ArchiveFixtures.request(id, 3, -1))));
            }
            for (var f : all) {
                assertThat(f.get().journalpostId()).isEqualTo(id.toString());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(listing(root.resolve("eksport"))).containsExactly(id.toString());
        assertThat(listing(root.resolve("eksport").resolve(id.toString()))).hasSize(4);
    }

    @Test
    void corruptedDocumentIsRejected() throws Exception {
        ArchiveRequest good = ArchiveFixtures.request(1);
        var doc = new ArchiveFixtures.BytesDocument(ArchiveFixtures.stored(0), "noe annet".getBytes(StandardCharsets.UTF_8), false);
        ArchiveRequest bad = new ArchiveRequest(good.item(), List.of(doc), null, good.progress());
        assertThatThrownBy(() -> exporter(ArkivmeldingVersion.EFORMIDLING).export(bad))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.reason()).isEqualTo(ArchiveException.Reason.REJECTED))
                .hasMessageContaining("SHA-256");
        assertThat(listing(root.resolve("eksport"))).isEmpty();
    }

    @Test
    void targetThatIsAFileIsNotAvailable() throws Exception {
        Files.writeString(root.resolve("eksport"), "not a folder");
        assertThatThrownBy(() -> exporter(ArkivmeldingVersion.EFORMIDLING).export(ArchiveFixtures.request(1)))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.reason()).isEqualTo(ArchiveException.Reason.TARGET_NOT_AVAILABLE));
    }

    @Test
    void componentReadsItsConfiguration() throws Exception {
        var config = Converters.standardConverter().convert(Map.of("target.folder", root.resolve("k").toString(),
                "schema.version", "v1")).to(FilesystemArchiveComponent.Config.class);
        ArchiveRequest req = ArchiveFixtures.request(1);
        new FilesystemArchiveComponent(config).archive(req);
        try (InputStream in = Files.newInputStream(root.resolve("k").resolve(req.item().id().toString())
                .resolve("arkivmelding.xml"))) {
            ArkivmeldingSchemas.validate(ArkivmeldingVersion.V1, in);
        }
        var relative = Converters.standardConverter().convert(Map.of("target.folder", "rel/ativ"))
                .to(FilesystemArchiveComponent.Config.class);
        assertThatThrownBy(() -> new FilesystemArchiveComponent(relative))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
    }
}
