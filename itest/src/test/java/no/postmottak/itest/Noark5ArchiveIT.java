package no.postmottak.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

import no.postmottak.api.Channel;
import no.postmottak.api.DocumentDescriptor;
import no.postmottak.api.DocumentRole;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.Party;
import no.postmottak.api.archive.ArchiveProvider;
import no.postmottak.api.inbox.AcceptResult;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;

/**
 * The Noark 5 provider in a real Karaf with the web inbox and the N5WS simulator, configured only through
 * ConfigAdmin: a clerk archives an item over the web API and the simulator holds the journalpost with both files.
 * That the feature installs alone is {@link Noark5FeatureIT}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class Noark5ArchiveIT extends KarafTestSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String ORGNR = "921123450";
    private static final String SECRET = "n5-hemmelig-ÆØÅ";


    @Configuration
    public Option[] configuration() {
        return options(karaf("postmottak-archive-noark5", "postmottak-web", "postmottak-simulators"),
                editConfigurationFilePut("etc/users.properties", "kari", "kari-passord,postmottak-org-" + ORGNR));
    }

    @Test
    public void aClerkArchivesAnItemFromTheWebIntoTheNoark5Archive() throws Exception {
        int simPort = FreePort.next();
        putConfiguration("no.postmottak.archive.noark5.simulator", Map.of("port", Integer.toString(simPort),
                "path.segment", "it", ".client.secret", SECRET));
        String root = "http://127.0.0.1:" + simPort + "/n5/it/";
        HttpClient plain = HttpClient.newHttpClient();
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> get(plain, root).statusCode() == 200);

        putFactoryConfiguration("no.postmottak.archive.noark5", "it", Map.of("name", "it-noark5", "root.url", root,
                "client.id", "postmottak", ".client.secret", SECRET, "arkivdel", "Sakarkiv",
                "fallback.case", "2026/1"));
        ServiceReference<ArchiveProvider> registered = await().atMost(TIMEOUT).until(() -> bundleContext
                .getServiceReferences(ArchiveProvider.class, "(name=it-noark5)").stream().findFirst().orElse(null),
                r -> r != null);
        assertEquals("noark5", registered.getProperty(ArchiveProvider.KIND));
        assertEquals("the secret stays out of the service properties", null, registered.getProperty(".client.secret"));

        putFactoryConfiguration("no.postmottak.inbox.organisation", "it", Map.of("orgnr", ORGNR,
                "displayName", "Fjordvik kommune", "archive.target", "it-noark5"));
        Inbox inbox = await().atMost(TIMEOUT).until(() -> service(Inbox.class), i -> i != null);
        await().atMost(TIMEOUT).until(() -> inbox.organisation(ORGNR).map(o -> o.archiveAvailable()).orElse(false));
        UUID id = accept(inbox);

        HttpClient clerk = loggedIn("kari", "kari-passord");
        String csrf = match(get(clerk, httpBase() + "/postmottak/api/me").body(), "\"csrfToken\":\"([^\"]+)\"");
        HttpResponse<String> archived = clerk.send(HttpRequest.newBuilder(
                        URI.create(httpBase() + "/postmottak/api/items/" + id + "/archive"))
                .header("Content-Type", "application/json").header("Origin", httpBase())
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(archived.body(), 200, archived.statusCode());
        assertTrue(archived.body(), archived.body().contains("2026/1-1"));

        String journalposts = get(plain, "http://127.0.0.1:" + simPort + "/sim/journalposter").body();
        assertTrue(journalposts, journalposts.contains("\"saksnummer\":\"2026/1\"")
                && journalposts.contains("\"tilknyttetRegistreringSom\":\"H\"")
                && journalposts.contains("\"tilknyttetRegistreringSom\":\"V\"")
                && journalposts.contains("\"navn\":\"Bærum kommune\"")
                && journalposts.contains(sha256(content(0))) && journalposts.contains(sha256(content(1))));
        assertTrue(journalposts, !journalposts.contains(SECRET));
    }

    private UUID accept(Inbox inbox) throws Exception {
        IncomingItem item = new IncomingItem(Channel.SVARINN, "n5-it-" + UUID.randomUUID(), ORGNR,
                Party.organisation("Bærum kommune", "974760673"), null, "Søknad om ferdigattest – Ærøy",
                Instant.now(), 3, null, null, null, null, null, List.of(), Map.of());
        List<IncomingDocument> docs = List.of(
                document("Søknad.pdf", DocumentRole.MAIN, content(0)),
                document("Vedlegg – kart.pdf", DocumentRole.ATTACHMENT, content(1)));
        AcceptResult result = inbox.accept(item, IncomingDocuments.of(docs));
        assertNotNull(result.itemId());
        return result.itemId();
    }

    private static IncomingDocument document(String name, DocumentRole role, byte[] content) {
        return new IncomingDocument(new DocumentDescriptor(name, "application/pdf", content.length, null, role, null),
                new ByteArrayInputStream(content));
    }

    private static byte[] content(int i) {
        return ("%PDF-1.4\n% Noark 5 dokument " + i + " – blåbærsyltetøy\n%%EOF\n").repeat(50 + i)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    private <T> T service(Class<T> type) {
        ServiceReference<T> ref = bundleContext.getServiceReference(type);
        return ref == null ? null : bundleContext.getService(ref);
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(text, m.find());
        return m.group(1);
    }
}
