package no.postmottak.arkivmelding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.postmottak.api.DocumentRole;
import no.postmottak.api.inbox.StoredDocument;

class ArkivmeldingFileTest {

    private static StoredDocument doc(int i, String name) {
        return new StoredDocument(i, name, "application/pdf", 1, null, DocumentRole.ATTACHMENT, false);
    }

    @Test
    void namesAreMadeSafeAndUnique() {
        List<ArkivmeldingFile> files = ArkivmeldingFile.of(List.of(doc(0, "brev.pdf"), doc(1, "Brev.PDF"),
                doc(2, "../../etc/passwd"), doc(3, "C:\\tmp\\ø<>.pdf"), doc(4, "arkivmelding.xml"), doc(5, "..."),
                doc(6, "brev.pdf")));
        assertThat(files).extracting(ArkivmeldingFile::fileName).containsExactly("brev.pdf", "Brev-2.PDF",
                "passwd", "ø__.pdf", "arkivmelding-2.xml", "dokument-6", "brev-3.pdf");
    }

    @Test
    void longNamesKeepTheirExtension() {
        String name = ArkivmeldingFile.of(List.of(doc(0, "å".repeat(300) + ".pdf"))).get(0).fileName();
        assertThat(name).hasSize(100).endsWith(".pdf");
    }

    @Test
    void plainNameRequired() {
        assertThatThrownBy(() -> new ArkivmeldingFile(doc(0, "a"), "x/y"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
