package no.postmottak.api.archive.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import no.postmottak.api.DocumentRole;
import no.postmottak.api.archive.ArchiveDocument;
import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.inbox.StoredDocument;

class VerifiedContentTest {

    private static final byte[] BYTES = "Søknad om løyve – blåbær".repeat(5000).getBytes(StandardCharsets.UTF_8);

    @Test
    void copiesContentThatIsAsRecorded() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VerifiedContent.copy(document(BYTES, BYTES.length, sha(BYTES)), out);
        assertThat(out.toByteArray()).isEqualTo(BYTES);
    }

    @Test
    void changedContentIsRejectedForTheClerk() {
        byte[] changed = BYTES.clone();
        changed[100] ^= 1;
        assertThatThrownBy(() -> VerifiedContent.copy(document(changed, BYTES.length, sha(BYTES)),
                new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(ArchiveException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("brev.pdf er endret eller skadet");
    }

    @Test
    void wrongSizeFailsTheLastReadAndIsVisibleAfterwards() throws Exception {
        VerifiedContent in = VerifiedContent.open(document(BYTES, BYTES.length + 1, null));
        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
        assertThat(in.mismatched()).isTrue();
    }

    @Test
    void reportsTheDigestOfWhatWasRead() throws Exception {
        try (VerifiedContent in = VerifiedContent.open(document(BYTES, -1, null))) {
            assertThat(in.actualSha256()).isNull();
            in.readAllBytes();
            assertThat(in.actualSha256()).isEqualTo(sha(BYTES));
            assertThat(in.mismatched()).isFalse();
        }
    }

    private static ArchiveDocument document(byte[] content, long size, String sha256) {
        StoredDocument meta = new StoredDocument(0, "brev.pdf", "application/pdf", size, sha256, DocumentRole.MAIN,
                false);
        return new ArchiveDocument() {
            @Override
            public StoredDocument metadata() {
                return meta;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(content);
            }
        };
    }

    private static String sha(byte[] b) {
        return HexFormat.of().formatHex(VerifiedContent.sha256().digest(b));
    }
}
