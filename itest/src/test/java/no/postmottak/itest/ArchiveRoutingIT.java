package no.postmottak.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.Channel;
import no.postmottak.api.DocumentDescriptor;
import no.postmottak.api.DocumentRole;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.ItemState;
import no.postmottak.api.Party;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;
import no.postmottak.api.inbox.OrganisationView;

/**
 * A kommune and its KF, each with its own WebSak: two simulator instances, two provider configurations, two
 * organisations. Each organisation's mail lands in its own archive and never in the other's; when one provider goes
 * away only that organisation's archiving is refused; an organisation that names only the kind is refused while two
 * providers of that kind run.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ArchiveRoutingIT extends KarafTestSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String KOMMUNE = "921123450";
    private static final String KF = "921765436";
    private static final String LEGACY = "964000123";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    private Inbox inbox;

    @Configuration
    public Option[] configuration() {
        return options(karaf("postmottak-inbox", "postmottak-archive-websak", "postmottak-simulators"));
    }

    @Test
    public void eachOrganisationArchivesIntoItsOwnWebsakAndNeverIntoTheOther() throws Exception {
        int kommunePort = websakSimulator("kommune");
        int kfPort = websakSimulator("kf");
        org.osgi.service.cm.Configuration kfProvider = websakProvider("kf-websak", kfPort);
        websakProvider("kommune-websak", kommunePort);
        putFactoryConfiguration("no.postmottak.inbox.organisation", "kommune", Map.of("orgnr", KOMMUNE,
                "displayName", "Nordre Øyane kommune", "archive.target", "kommune-websak"));
        putFactoryConfiguration("no.postmottak.inbox.organisation", "kf", Map.of("orgnr", KF,
                "displayName", "Øyane hamn KF", "archive.target", "kf-websak"));
        putFactoryConfiguration("no.postmottak.inbox.organisation", "legacy", Map.of("orgnr", LEGACY,
                "displayName", "Solberg kommune", "archive.kind", "websak"));
        await().atMost(TIMEOUT).until(() -> inbox.organisation(KOMMUNE).map(OrganisationView::archiveAvailable)
                .orElse(false) && inbox.organisation(KF).map(OrganisationView::archiveAvailable).orElse(false));

        ArchiveReceipt toKommune = inbox.archive(receive(KOMMUNE, "Byggesak – Storgata 1"), null, "kari");
        ArchiveReceipt toKf = inbox.archive(receive(KF, "Kaileie – Øyane kai"), null, "ola");

        assertEquals("kommune-websak", toKommune.target());
        assertEquals("kf-websak", toKf.target());
        String inKommune = journalposts(kommunePort);
        String inKf = journalposts(kfPort);
        assertTrue(inKommune, inKommune.contains("Byggesak – Storgata 1"));
        assertFalse("the KF's mail must never reach the kommune's archive", inKommune.contains("Kaileie"));
        assertTrue(inKf, inKf.contains("Kaileie – Øyane kai"));
        assertFalse("the kommune's mail must never reach the KF's archive", inKf.contains("Byggesak"));

        // Two WebSak providers run: an organisation that names only the kind is refused, not given "the best" one.
        UUID legacy = receive(LEGACY, "Skjenkeløyve");
        InboxException ambiguous = assertThrows(InboxException.class, () -> inbox.archive(legacy, null, "ola"));
        assertTrue(ambiguous.getMessage(), ambiguous.getMessage().contains("archive.kind = websak er tvetydig"));
        assertTrue(inbox.organisation(LEGACY).orElseThrow().archiveProblem().isPresent());
        assertEquals(ItemState.RECEIVED, inbox.get(legacy).orElseThrow().state());

        // The KF's provider goes away: only the KF is refused, with the reason; the kommune keeps archiving.
        kfProvider.delete();
        await().atMost(TIMEOUT).until(() -> !inbox.organisation(KF).orElseThrow().archiveAvailable());
        UUID waiting = receive(KF, "Kaiavgift");
        InboxException missing = assertThrows(InboxException.class, () -> inbox.archive(waiting, null, "ola"));
        assertTrue(missing.getMessage(), missing.getMessage().contains("Øyane hamn KF (" + KF + ")")
                && missing.getMessage().contains("«kf-websak» finnes ikke"));
        assertEquals("kommune-websak", inbox.archive(receive(KOMMUNE, "Tilsyn"), null, "kari").target());
        assertFalse(journalposts(kommunePort).contains("Kaiavgift"));

        // With one WebSak left, the kind alone is unambiguous again (older configurations keep working).
        ArchiveReceipt legacyReceipt = await().atMost(TIMEOUT).ignoreExceptions()
                .until(() -> inbox.archive(legacy, null, "ola"), r -> r != null);
        assertEquals("kommune-websak", legacyReceipt.target());
        assertTrue(inbox.auditTrail(legacy).stream().anyMatch(a -> a.detail() != null
                && a.detail().startsWith("Arkivert i «kommune-websak» (websak)")));
    }

    /** Starts one WebSak simulator on a free port (a factory configuration each) and waits until it answers. */
    private int websakSimulator(String name) throws Exception {
        int port = FreePort.next();
        putFactoryConfiguration("no.postmottak.archive.websak.simulator", name, Map.of("port",
                Integer.toString(port), "client.id", "postmottak", ".client.secret", "demo-secret"));
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> journalposts(port) != null);
        return port;
    }

    private org.osgi.service.cm.Configuration websakProvider(String name, int port) throws Exception {
        return putFactoryConfiguration("no.postmottak.archive.websak", name, Map.of("name", name,
                "base.url", "http://127.0.0.1:" + port + "/api/websak",
                "token.url", "http://127.0.0.1:" + port + "/connect/token", "client.id", "postmottak",
                ".client.secret", "demo-secret", "journalpost.template.id", "1000", "fallback.case.id", "1001"));
    }

    private static String journalposts(int port) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/sim/journalposter")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return r.statusCode() == 200 ? r.body() : null;
    }

    private UUID receive(String orgnr, String title) throws InboxException {
        IncomingItem item = new IncomingItem(Channel.SVARINN, UUID.randomUUID().toString(), orgnr,
                Party.organisation("Statens vegvesen", "971032081"), null, title, null, 3, null, null, null, null,
                null, List.of(), Map.of());
        DocumentDescriptor pdf = new DocumentDescriptor("brev.pdf", "application/pdf", -1, null, DocumentRole.MAIN,
                title);
        return inbox.accept(item, IncomingDocuments.of(List.of(new IncomingDocument(pdf,
                new ByteArrayInputStream("%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII)))))).itemId();
    }
}
