package no.postmottak.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.Channel;
import no.postmottak.api.ItemState;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.eformidling.simulator.IntegrasjonspunktSimulator;
import no.postmottak.eformidling.simulator.Message;
import no.postmottak.eformidling.simulator.SentMessage;
import no.postmottak.eformidling.simulator.SimDocument;

/**
 * eFormidling in a real Karaf, configured only through ConfigAdmin: the production feature {@code postmottak} brings
 * the channel; an integrasjonspunkt configuration receives a letter from the IP simulator; the clerk sees it in the
 * web inbox with channel eFormidling and archives it into WebSak (its simulator); the sender's IP gets the receipt OK
 * with WebSak's journal post number.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EformidlingIT extends KarafTestSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String FJORDVIK = "921123450";
    private static final String IP_PASSWORD = "ip-hemmelig-passord";

    @Inject
    private Inbox inbox;

    @Configuration
    public Option[] configuration() {
        return options(karaf("postmottak", "postmottak-simulators"),
                editConfigurationFilePut("etc/users.properties", "kari", "kari-passord,postmottak-org-" + FJORDVIK),
                editConfigurationFilePut("etc/users.properties", "driftsansvarlig", "drift-passord,postmottak-admin"));
    }

    @Test
    public void aLetterFromAStateAgencyIsReceivedShownArchivedAndAcknowledged() throws Exception {
        assertEquals("the production feature brings the channel", Bundle.ACTIVE,
                bundle("no.postmottak.eformidling").getState());
        assertTrue(executeCommand("feature:list -i"), executeCommand("feature:list -i")
                .contains("postmottak-eformidling"));

        int ipPort = FreePort.next();
        putConfiguration("no.postmottak.eformidling.simulator", Map.of("port", Integer.toString(ipPort),
                "username", "postmottak", ".password", IP_PASSWORD));
        IntegrasjonspunktSimulator ip = await().atMost(TIMEOUT).until(this::integrasjonspunkt, s -> s != null);
        Message letter = Message.builder().receiver(FJORDVIK).sender("910076787", "Statsforvalteren i Vestland")
                .title("Vedtak i klagesak – Ærøy").senderCase(2026, 1184, 6)
                .document(SimDocument.of("vedtak.pdf", "application/pdf", "Vedtak",
                        "%PDF-1.4\n% vedtak\n%%EOF\n".getBytes(StandardCharsets.UTF_8)))
                .build();
        assertTrue(ip.add(letter));

        int websakPort = FreePort.next();
        putConfiguration("no.postmottak.archive.websak.simulator", Map.of("port", Integer.toString(websakPort),
                "client.id", "postmottak", ".client.secret", "it-secret"));
        putFactoryConfiguration("no.postmottak.archive.websak", "it", Map.of("name", "fjordvik-websak",
                "base.url", "http://127.0.0.1:" + websakPort + "/api/websak",
                "token.url", "http://127.0.0.1:" + websakPort + "/connect/token", "client.id", "postmottak",
                ".client.secret", "it-secret", "journalpost.template.id", "1000", "fallback.case.id", "1001"));
        putFactoryConfiguration("no.postmottak.inbox.organisation", "fjordvik", Map.of("orgnr", FJORDVIK,
                "displayName", "Fjordvik kommune", "archive.target", "fjordvik-websak"));
        putFactoryConfiguration("no.postmottak.eformidling.integrasjonspunkt", "kommune", Map.of(
                "base.url", "http://127.0.0.1:" + ipPort, "username", "postmottak", ".password", IP_PASSWORD,
                "orgnrs", FJORDVIK, "poll.interval.seconds", "1"));

        await().atMost(TIMEOUT).until(() -> inbox.isStored(Channel.EFORMIDLING, letter.messageId()));
        await().atMost(TIMEOUT).until(() -> ip.message(letter.messageId()).orElseThrow().deleted());
        InboxItem item = inbox.find(InboxQuery.all(Set.of(FJORDVIK), 10)).items().get(0);
        assertEquals("Statsforvalteren i Vestland", item.metadata().sender().name());

        HttpClient clerk = loggedIn("kari", "kari-passord");
        String list = get(clerk, httpBase() + "/postmottak/api/items").body();
        assertTrue(list, list.contains("\"channel\":\"EFORMIDLING\"") && list.contains("Vedtak i klagesak – Ærøy"));
        String view = get(clerk, httpBase() + "/postmottak/api/items/" + item.id()).body();
        assertTrue(view, view.contains("2026/1184-6"));

        HttpClient admin = loggedIn("driftsansvarlig", "drift-passord");
        String channels = await().atMost(TIMEOUT).until(() -> get(admin, httpBase()
                + "/postmottak/api/admin/channels").body(), body -> body.contains("\"channel\":\"eFormidling\""));
        assertFalse(channels, channels.contains(IP_PASSWORD));
        String status = executeCommand("postmottak:eformidling-status");
        assertTrue(status, status.contains("kommune") && status.contains("ACTIVE") && !status.contains(IP_PASSWORD));

        ArchiveReceipt receipt = inbox.archive(item.id(), null, "kari");
        assertEquals("websak", receipt.kind());
        assertNotNull(receipt.journalpostNumber());
        assertEquals(ItemState.ARCHIVED, inbox.get(item.id()).orElseThrow().state());
        SentMessage ok = await().atMost(TIMEOUT).until(() -> ip.sent().stream()
                .filter(s -> letter.messageId().equals(s.relatedToMessageId())).findFirst().orElse(null),
                s -> s != null);
        assertEquals("OK", ok.receiptType());
        assertEquals(List.of("journalpost: " + receipt.journalpostNumber()), ok.messages());
        assertEquals("0192:910076787", ok.receiverIdentifier());
    }

    private IntegrasjonspunktSimulator integrasjonspunkt() {
        var reference = bundleContext.getServiceReference(IntegrasjonspunktSimulator.class);
        return reference == null ? null : bundleContext.getService(reference);
    }

}
