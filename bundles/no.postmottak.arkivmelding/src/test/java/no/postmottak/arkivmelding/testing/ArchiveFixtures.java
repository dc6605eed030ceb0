package no.postmottak.arkivmelding.testing;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import no.postmottak.api.Channel;
import no.postmottak.api.DocumentRole;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.ItemState;
import no.postmottak.api.Party;
import no.postmottak.api.SenderMetadata;
import no.postmottak.api.archive.ArchiveDocument;
import no.postmottak.api.archive.ArchiveProgress;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.StoredDocument;

/**
 * Shared by the archive providers' tests (published as this module's test-jar). Real API records for tests: items with Norwegian text, in-memory documents and progress. */
public final class ArchiveFixtures {

    private ArchiveFixtures() {
    }

    public static byte[] content(int i) {
        return ("%PDF-1.4 dokument " + i + " – blåbær, grønnsåpe og ærfugl\n").repeat(200 + i)
                .getBytes(StandardCharsets.UTF_8);
    }

    public static String name(int i) {
        return i == 0 ? "Søknad om løyve – Ærøy.pdf" : "Vedlegg " + i + " – Åsgårdstrand.pdf";
    }

    public static ArchiveRequest request(int documents) {
        return request(UUID.randomUUID(), documents, -1);
    }

    /** A request whose document {@code failAt} throws after half its bytes (-1: none fails). */
    public static ArchiveRequest request(UUID id, int documents, int failAt) {
        List<ArchiveDocument> docs = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            docs.add(new BytesDocument(stored(i), content(i), i == failAt));
        }
        InboxItem item = new InboxItem(id, metadata(), Instant.parse("2026-03-14T09:26:53Z"), ItemState.ARCHIVING,
                docs.stream().map(ArchiveDocument::metadata).toList(), null, true);
        return new ArchiveRequest(item, docs, null, new InMemoryProgress());
    }

    public static StoredDocument stored(int i) {
        byte[] c = content(i);
        return new StoredDocument(i, name(i), "application/pdf", c.length, sha256(c),
                i == 0 ? DocumentRole.MAIN : DocumentRole.ATTACHMENT, false);
    }

    public static IncomingItem metadata() {
        Party sender = new Party("Bærum kommune – Økonomi", "974760673", null, List.of("Postboks 700"), "1304",
                "Sandvika", null);
        SenderMetadata their = new SenderMetadata(2024, 1234, 2024, 5678, 7, "U", "F", null, null, "Vedtak",
                "Åse", Map.of());
        return new IncomingItem(Channel.SVARINN, "fs-" + UUID.randomUUID(), "910229028", sender, null,
                "Svar på søknad – Æsøy bru", Instant.parse("2026-03-13T12:00:00Z"), 4, null, null, null, their, null,
                List.of(), Map.of());
    }

    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document in memory; when {@code fail} is set its stream breaks half-way, like a crash mid-copy. */
    public record BytesDocument(StoredDocument metadata, byte[] bytes, boolean fail) implements ArchiveDocument {
        @Override
        public InputStream open() {
            InputStream in = new ByteArrayInputStream(bytes);
            if (!fail) {
                return in;
            }
            return new FilterInputStream(in) {
                private int read;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (read >= bytes.length / 2) {
                        throw new IOException("disk vanished mid-way");
                    }
                    int n = super.read(b, off, Math.min(len, bytes.length / 2 - read + 1));
                    read += Math.max(n, 0);
                    return n;
                }
            };
        }
    }

    public static final class InMemoryProgress implements ArchiveProgress {
        private Map<String, String> notes = new HashMap<>();

        @Override
        public synchronized Map<String, String> load() {
            return Map.copyOf(notes);
        }

        @Override
        public synchronized void save(Map<String, String> newNotes) {
            notes = new HashMap<>(newNotes);
        }
    }
}
