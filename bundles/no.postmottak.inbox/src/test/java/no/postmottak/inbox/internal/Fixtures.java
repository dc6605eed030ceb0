package no.postmottak.inbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.Channel;
import no.postmottak.api.DocumentDescriptor;
import no.postmottak.api.DocumentRole;
import no.postmottak.api.ImportSuggestion;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.Link;
import no.postmottak.api.Party;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;

/** Items, documents and organisations for tests. */
final class Fixtures {

    static final String ORGNR = "910000001";

    /** Organisations a test can change while the inbox runs. */
    static final class Orgs implements Organisations {
        final Map<String, Organisation> byOrgnr = new ConcurrentHashMap<>();

        @Override
        public Optional<Organisation> find(String orgnr) {
            return Optional.ofNullable(byOrgnr.get(orgnr));
        }

        @Override
        public List<Organisation> all() {
            return List.copyOf(byOrgnr.values());
        }

        Orgs put(Organisation o) {
            byOrgnr.put(o.orgnr(), o);
            return this;
        }
    }

    private Fixtures() {
    }

    static Organisation org(String orgnr, String archiveKind, CaseNumber fallback, Organisation.Smtp smtp) {
        return new Organisation(orgnr, "Testkommune " + orgnr, archiveKind, fallback, smtp, Duration.ZERO);
    }

    static JdbcInbox inbox(DataSource ds, Orgs orgs, ArchiveProviders providers) throws InboxException {
        return new JdbcInbox(ds, orgs, providers, Clock.systemUTC());
    }

    static IncomingItem item(String channelId, String orgnr, String title, String senderName,
                             ImportSuggestion suggestion) {
        return new IncomingItem(Channel.SVARINN, channelId, orgnr, Party.organisation(senderName, "999888777"),
                null, title, null, 3, "brev", "ref-" + channelId, null, null, suggestion,
                List.of(new Link("Les mer", "https://example.org/" + channelId, "lenke")), Map.of("niva", "3"));
    }

    static IncomingItem item(String channelId) {
        return item(channelId, ORGNR, "Søknad om byggetillatelse " + channelId, "Byggmester Hansen AS", null);
    }

    static DocumentDescriptor pdf(String name) {
        return new DocumentDescriptor(name, "application/pdf", -1, null, DocumentRole.MAIN, "brev");
    }

    static IncomingDocuments docs(byte[]... contents) {
        IncomingDocument[] docs = new IncomingDocument[contents.length];
        for (int i = 0; i < contents.length; i++) {
            docs[i] = new IncomingDocument(pdf("dokument-" + i + ".pdf"), new java.io.ByteArrayInputStream(contents[i]));
        }
        return IncomingDocuments.of(List.of(docs));
    }

    /** Deterministic pseudo-random bytes, generated while read: any size, no memory. */
    static InputStream generated(long size, long seed) {
        return new InputStream() {
            private final Random random = new Random(seed);
            private long left = size;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                byte[] chunk = new byte[n];
                random.nextBytes(chunk);
                System.arraycopy(chunk, 0, b, off, n);
                left -= n;
                return n;
            }
        };
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest md = DocumentStore.sha256();
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String sha256(byte[] bytes) throws IOException {
        return sha256(new java.io.ByteArrayInputStream(bytes));
    }
}
