package no.postmottak.inbox.internal;

import static no.postmottak.inbox.internal.Fixtures.ORGNR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import no.postmottak.api.inbox.AcceptResult;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;
import no.postmottak.api.inbox.StoredDocument;
import no.postmottak.inbox.internal.TestDatabases.Kind;

/** A 300 MB document through accept and back, in a test JVM of 256 MB heap (surefire's -Xmx256m). */
class LargeDocumentTest {

    private static final long SIZE = 300L * 1024 * 1024;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void streamsThreeHundredMegabytesInBothDirectionsWithBoundedMemory(Kind kind) throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("the test must run with a small heap")
                .isLessThan(SIZE);
        JdbcInbox inbox = Fixtures.inbox(TestDatabases.create(kind, dir),
                new Fixtures.Orgs().put(Fixtures.org(ORGNR, null, null, null)), new ArchiveProviders());
        String expected;
        try (InputStream again = Fixtures.generated(SIZE, 42)) {
            expected = Fixtures.sha256(again);
        }

        AcceptResult result = inbox.accept(Fixtures.item("stor"), IncomingDocuments.of(List.of(
                new IncomingDocument(Fixtures.pdf("stor.pdf"), Fixtures.generated(SIZE, 42)))));

        StoredDocument stored = inbox.get(result.itemId()).orElseThrow().documents().get(0);
        assertThat(stored.size()).isEqualTo(SIZE);
        assertThat(stored.sha256()).isEqualTo(expected);
        try (InputStream in = inbox.openDocument(result.itemId(), 0)) {
            assertThat(Fixtures.sha256(in)).isEqualTo(expected);
        }
    }
}
