package no.postmottak.inbox.internal;

import static no.postmottak.inbox.internal.Fixtures.ORGNR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import no.postmottak.api.ItemState;
import no.postmottak.api.inbox.AuditEntry;
import no.postmottak.api.inbox.ForwardRequest;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;
import no.postmottak.inbox.internal.TestDatabases.Kind;

/** Forwarding through a real SMTP server (GreenMail) and the zip download. */
class ForwardAndZipTest {

    @TempDir
    Path dir;

    private GreenMail smtp;
    private JdbcInbox inbox;
    private final Fixtures.Orgs orgs = new Fixtures.Orgs();
    private final byte[] main = "%PDF-1.7 hoveddokument æøå".getBytes(StandardCharsets.UTF_8);
    private final byte[] attachment = new byte[300_000];

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        smtp.setUser("postmottak@kommune.no", "postmottak", "hemmelig");
        orgs.put(Fixtures.org(ORGNR, null, null, new Organisation.Smtp("127.0.0.1", smtp.getSmtp().getPort(),
                "postmottak", "hemmelig", false, "postmottak@kommune.no")));
        inbox = Fixtures.inbox(TestDatabases.create(Kind.H2, dir), orgs, new ArchiveProviders());
        new java.util.Random(3).nextBytes(attachment);
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private UUID receive(String channelId) throws Exception {
        return inbox.accept(Fixtures.item(channelId), IncomingDocuments.of(List.of(
                new IncomingDocument(Fixtures.pdf("søknad.pdf"), new ByteArrayInputStream(main)),
                new IncomingDocument(Fixtures.pdf("vedlegg.pdf"), new ByteArrayInputStream(attachment)),
                new IncomingDocument(Fixtures.pdf("vedlegg.pdf"), new ByteArrayInputStream(new byte[] {1}))))).itemId();
    }

    @Test
    void forwardsDocumentsWithTheNoteAndMovesTheItemToForwarded() throws Exception {
        UUID id = receive("fw-1");

        inbox.forward(id, new ForwardRequest("saksbehandler@kommune.no", "Til orientering"), "kari");

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("saksbehandler@kommune.no");
        assertThat(message.getSubject()).startsWith("Videresendt: Søknad om byggetillatelse fw-1");
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(4);
        assertThat(GreenMailUtil.getBody(parts.getBodyPart(0))).contains("Til orientering");
        assertThat(attachmentBytes(parts.getBodyPart(1))).isEqualTo(main);
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("søknad.pdf");
        assertThat(parts.getBodyPart(1).getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachmentBytes(parts.getBodyPart(2))).isEqualTo(attachment);

        assertThat(inbox.get(id).orElseThrow().state()).isEqualTo(ItemState.FORWARDED);
        assertThat(inbox.auditTrail(id)).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("forward");
            assertThat(e.actor()).isEqualTo("kari");
            assertThat(e.detail()).contains("saksbehandler@kommune.no", "Til orientering");
        });
        assertThatThrownBy(() -> inbox.forward(id, new ForwardRequest("a@b.no", ""), "kari"))
                .hasMessage("Elementet er allerede videresendt");
    }

    @Test
    void failedSendingLeavesTheItemInTheInboxAndIsAudited() throws Exception {
        UUID id = receive("fw-2");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        orgs.put(Fixtures.org(ORGNR, null, null, new Organisation.Smtp("127.0.0.1", closedPort, "postmottak",
                "hemmelig", false, "postmottak@kommune.no")));

        assertThatThrownBy(() -> inbox.forward(id, new ForwardRequest("a@b.no", ""), "kari"))
                .hasMessageStartingWith("Videresending feilet").hasMessageNotContaining("hemmelig");

        assertThat(inbox.get(id).orElseThrow().state()).isEqualTo(ItemState.RECEIVED);
        assertThat(inbox.auditTrail(id)).extracting(AuditEntry::action).containsExactly("received", "forward-failed");
        assertThat(orgs.find(ORGNR).orElseThrow().smtp().toString()).doesNotContain("hemmelig");
    }

    @Test
    void writesTheDocumentsAsAZipWithUniqueNames() throws Exception {
        UUID id = receive("zip-1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        inbox.writeZip(id, out);

        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries.keySet()).containsExactly("søknad.pdf", "vedlegg.pdf", "vedlegg (2).pdf");
        assertThat(entries.get("søknad.pdf")).isEqualTo(main);
        assertThat(entries.get("vedlegg.pdf")).isEqualTo(attachment);
        assertThat(ZipWriter.uniqueName("../../etc/passwd", new java.util.HashSet<>())).isEqualTo("passwd");
    }

    private static byte[] attachmentBytes(BodyPart part) throws Exception {
        return part.getInputStream().readAllBytes();
    }
}
