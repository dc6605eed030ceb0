package no.postmottak.archive.websak.internal.acos;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import no.postmottak.api.archive.ArchiveDocument;
import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.api.archive.support.VerifiedContent;
import no.postmottak.arkivmelding.ArkivmeldingFile;
import no.postmottak.arkivmelding.ArkivmeldingWriter;

/** The arkivmelding package: {@code arkivmelding.xml} first, then every file it references, by that name. */
final class ArkivmeldingZip {

    private static final FileTime EPOCH = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

    private ArkivmeldingZip() {
    }

    static void write(ArkivmeldingWriter writer, ArchiveRequest request, OutputStream out)
            throws IOException, ArchiveException {
        List<ArkivmeldingFile> files = ArkivmeldingFile.of(
                request.documents().stream().map(ArchiveDocument::metadata).toList());
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(entry(ArkivmeldingFile.ARKIVMELDING_XML));
            writer.write(request.item(), request.targetCase(), files, zip);
            zip.closeEntry();
            for (int i = 0; i < files.size(); i++) {
                zip.putNextEntry(entry(files.get(i).fileName()));
                VerifiedContent.copy(request.documents().get(i), zip);
                zip.closeEntry();
            }
        }
    }

    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(EPOCH); // fixed times: the same item gives the same bytes and the same hash
        return e;
    }
}
