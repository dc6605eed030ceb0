package no.postmottak.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import no.postmottak.api.ItemState;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.svarinn.simulator.Dokument;
import no.postmottak.svarinn.simulator.ForsendelseSpec;
import no.postmottak.svarinn.simulator.ForsendelseStatus;
import no.postmottak.svarinn.simulator.Mottakersystem;
import no.postmottak.svarinn.simulator.ServerKnobs.Operation;
import no.postmottak.svarinn.simulator.SvarInnSimulator;

/**
 * The whole path in a real Karaf, configured only through ConfigAdmin: SvarInn simulator → SvarInn account → key store →
 * inbox on the default embedded H2 → archive, with two organisations on two different archive providers, one of which
 * goes away and comes back. Also: a second account claiming an org number that is already fetched is refused.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReceiveAndArchiveIT extends KarafTestSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String FJORDVIK = "921123450";
    private static final String SOLBERG = "964000123";
    private static final String USER = "5f0c7a1e-3b8d-4c2a-9e61-7d4b2a9c0f13";

    @Inject
    private Inbox inbox;

    @Configuration
    public Option[] configuration() {
        return options(karaf("postmottak-svarinn", "postmottak-archive-filesystem", "postmottak-archive-websak",
                "postmottak-web", "postmottak-simulators"),
                editConfigurationFilePut("etc/users.properties", "kari", "kari-passord,postmottak-org-" + FJORDVIK),
                editConfigurationFilePut("etc/users.properties", "driftsansvarlig", "drift-passord,postmottak-admin"));
    }

    @Test
    public void mailIsReceivedStoredAcknowledgedAndArchivedToEachOrganisationsTarget() throws Exception {
        Path dir = Files.createTempDirectory("receive-it");
        // Our key, made with our own command; its certificate is what SvarUt would encrypt to.
        executeCommand("postmottak:key-generate --subject \"CN=Postmottak IT, O=Fjordvik kommune\" --password pw-it"
                + " --certificate " + dir.resolve("mottak.pem") + " " + dir.resolve("mottak.p12"));
        putFactoryConfiguration("no.postmottak.keystore.key", "it", Map.of(
                "keystore.file", dir.resolve("mottak.p12").toString(), ".keystore.password", "pw-it"));

        int simPort = FreePort.next();
        putConfiguration("no.postmottak.svarinn.simulator", Map.of("port", Integer.toString(simPort),
                "seed.demo", "false"));
        SvarInnSimulator sim = await().atMost(TIMEOUT).until(this::simulator, s -> s != null);
        sim.addMottakersystem(Mottakersystem.of("Arkiv", USER, "hemmelig", certificate(dir.resolve("mottak.pem")),
                FJORDVIK, SOLBERG));
        String toFjordvik = send(sim, FJORDVIK, "Vedtak om byggetillatelse – gnr 12 bnr 345");
        String toSolberg = send(sim, SOLBERG, "Søknad om skjenkebevilling");
        String secondToFjordvik = send(sim, FJORDVIK, "Tilsynsrapport");

        // Two organisations on two different archive targets.
        Path exportFolder = dir.resolve("eksport");
        Files.createDirectories(exportFolder);
        putFactoryConfiguration("no.postmottak.archive.filesystem", "it", Map.of("target.folder",
                exportFolder.toString()));
        int acosPort = FreePort.next();
        putFactoryConfiguration("no.postmottak.archive.acosmottak.simulator", "it", Map.of("port", Integer.toString(acosPort),
                ".tenant", "solberg"));
        putFactoryConfiguration("no.postmottak.archive.acosmottak", "it", Map.of(
                "base.url", "http://127.0.0.1:" + acosPort, ".tenant", "solberg"));
        putFactoryConfiguration("no.postmottak.inbox.organisation", "fjordvik", Map.of("orgnr", FJORDVIK,
                "displayName", "Fjordvik kommune", "archive.kind", "filesystem"));
        putFactoryConfiguration("no.postmottak.inbox.organisation", "solberg", Map.of("orgnr", SOLBERG,
                "displayName", "Solberg kommune", "archive.kind", "acos-mottak"));

        putFactoryConfiguration("no.postmottak.svarinn.account", "arkiv", Map.of(
                "base.url", sim.baseUri().toString(), "username", USER, ".password", "hemmelig",
                "orgnrs", new String[] {FJORDVIK, SOLBERG}, "poll.interval.seconds", "3600"));

        await().atMost(TIMEOUT).until(() -> items().size() == 3);
        await().atMost(TIMEOUT).until(() -> List.of(toFjordvik, toSolberg, secondToFjordvik).stream()
                .allMatch(id -> sim.forsendelse(id).orElseThrow().status() == ForsendelseStatus.LEST));

        InboxItem fjordvik = item("Vedtak om byggetillatelse – gnr 12 bnr 345");
        ArchiveReceipt toFolder = inbox.archive(fjordvik.id(), null, "kari");
        assertEquals("filesystem", toFolder.kind());
        assertTrue(Files.isRegularFile(exportFolder.resolve(toFolder.journalpostId()).resolve("arkivmelding.xml")));
        ArchiveReceipt toAcos = inbox.archive(item("Søknad om skjenkebevilling").id(), null, "ola");
        assertEquals("acos-mottak", toAcos.kind());

        clerkOfOneOrganisationSeesOnlyItsMailOverHttp(fjordvik.id(), item("Søknad om skjenkebevilling").id());

        // The filesystem provider goes away: archiving fails cleanly and the item stays; it comes back: retry works.
        Bundle filesystem = bundle("no.postmottak.archive.filesystem");
        filesystem.stop();
        UUID waiting = item("Tilsynsrapport").id();
        InboxException unavailable = assertThrows(InboxException.class, () -> inbox.archive(waiting, null, "kari"));
        assertTrue(unavailable.getMessage(), unavailable.getMessage().contains("Arkivmål er ikke tilgjengelig"));
        assertTrue(ItemState.OPEN.contains(inbox.get(waiting).orElseThrow().state()));
        filesystem.start();
        ArchiveReceipt retried = await().atMost(TIMEOUT).ignoreExceptions()
                .until(() -> inbox.archive(waiting, null, "kari"), r -> r != null);
        assertEquals("filesystem", retried.kind());
        assertEquals(ItemState.ARCHIVED, inbox.get(waiting).orElseThrow().state());
        assertTrue(inbox.auditTrail(waiting).size() >= 2);

        // A second account for an org number that is already fetched is refused, naming both configurations.
        putFactoryConfiguration("no.postmottak.svarinn.account", "fagsystem", Map.of(
                "base.url", sim.baseUri().toString(), "username", "annen-bruker", ".password", "x",
                "orgnrs", new String[] {FJORDVIK}, "poll.interval.seconds", "3600"));
        await().atMost(TIMEOUT).until(() -> executeCommand("postmottak:svarinn-status"),
                out -> out.contains("REFUSED") && out.contains("To systemer kan ikke hente for samme organisasjonsnummer"));
        String status = executeCommand("postmottak:svarinn-status");
        assertTrue(status, status.contains("«arkiv»") && status.contains("«fagsystem»"));
        assertTrue(status, !status.contains("hemmelig"));
        administratorSeesBothAccountsAndPollsOneOverHttp();
        configAdmin.getFactoryConfiguration("no.postmottak.svarinn.account", "fagsystem", "?").delete();

        reconfiguredLiveWhileMailKeepsComing(sim);
        movedFromV1ToV2WhileMailFlows(sim);
    }

    /**
     * The account moves from SvarInn V1 to V2 by changing only {@code api.version}, while mail keeps coming and some
     * of it is stored but not yet acknowledged: nothing is lost, nothing is stored twice.
     */
    private void movedFromV1ToV2WhileMailFlows(SvarInnSimulator sim) throws Exception {
        Map<String, Object> account = new java.util.HashMap<>(Map.of("api.version", "v1",
                "base.url", sim.baseUri().toString(), "username", USER, ".password", "hemmelig",
                "orgnrs", new String[] {FJORDVIK, SOLBERG}, "poll.interval.seconds", "1"));
        putFactoryConfiguration("no.postmottak.svarinn.account", "arkiv", account);
        int before = items().size();
        List<String> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(send(sim, i % 2 == 0 ? FJORDVIK : SOLBERG, "Før byttet " + i));
        }
        await().atMost(TIMEOUT).until(() -> items().size() >= before + 3);
        sim.knobs().failNext(Operation.KVITTER_MOTTAK, 503, 2); // stored here, still waiting in SvarUt
        for (int i = 0; i < 6; i++) {
            sent.add(send(sim, i % 2 == 0 ? FJORDVIK : SOLBERG, "Under byttet " + i));
        }
        account.put("api.version", "v2");
        putFactoryConfiguration("no.postmottak.svarinn.account", "arkiv", account);
        // The V1 poller is stopped before the V2 account starts: from now on only V2 fetches.
        await().atMost(TIMEOUT).until(() -> executeCommand("postmottak:svarinn-status"),
                out -> out.contains("arkiv") && out.contains("v2"));
        for (int i = 0; i < 6; i++) {
            sent.add(send(sim, i % 2 == 0 ? FJORDVIK : SOLBERG, "Etter byttet " + i));
        }

        await().atMost(TIMEOUT).until(() -> sent.stream()
                .allMatch(id -> sim.forsendelse(id).orElseThrow().status() == ForsendelseStatus.LEST));
        List<InboxItem> all = items();
        assertEquals("each stored once", before + 18, all.size());
        assertEquals("each stored once", all.size(), all.stream().map(i -> i.metadata().channelId()).distinct().count());
        assertTrue("the last ones came over V2", all.stream().filter(i -> i.metadata().title().startsWith("Etter byttet"))
                .allMatch(i -> "v2".equals(i.metadata().channelAttributes().get("svarinn.api"))));
    }

    /** Password changed (wrong, then right), account removed and re-added while mail arrives: nothing lost or doubled. */
    private void reconfiguredLiveWhileMailKeepsComing(SvarInnSimulator sim) throws Exception {
        Map<String, Object> account = new java.util.HashMap<>(Map.of("base.url", sim.baseUri().toString(),
                "username", USER, ".password", "feil-passord", "orgnrs", new String[] {FJORDVIK, SOLBERG},
                "poll.interval.seconds", "1"));
        putFactoryConfiguration("no.postmottak.svarinn.account", "arkiv", account);
        await().atMost(TIMEOUT).until(() -> executeCommand("postmottak:svarinn-status"),
                out -> out.contains("AUTHENTICATION_FAILED"));
        List<String> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(send(sim, i % 2 == 0 ? FJORDVIK : SOLBERG, "Under omkonfigurering " + i));
        }
        account.put(".password", "hemmelig");
        putFactoryConfiguration("no.postmottak.svarinn.account", "arkiv", account);
        await().atMost(TIMEOUT).until(() -> items().size() == 8);

        configAdmin.getFactoryConfiguration("no.postmottak.svarinn.account", "arkiv", "?").delete();
        await().atMost(TIMEOUT).until(() -> !executeCommand("postmottak:svarinn-status").contains("arkiv"));
        waiting.add(send(sim, FJORDVIK, "Mens kontoen var borte"));
        waiting.add(send(sim, SOLBERG, "Også mens kontoen var borte"));
        putFactoryConfiguration("no.postmottak.svarinn.account", "arkiv", account);

        await().atMost(TIMEOUT).until(() -> items().size() == 10);
        await().atMost(TIMEOUT).until(() -> waiting.stream()
                .allMatch(id -> sim.forsendelse(id).orElseThrow().status() == ForsendelseStatus.LEST));
        assertEquals("each stored once", 10, items().stream().map(i -> i.metadata().channelId()).distinct().count());
    }

    /** The web inbox in this Karaf: JAAS login, the clerk's list, and 403 for another organisation's item. */
    private void clerkOfOneOrganisationSeesOnlyItsMailOverHttp(UUID own, UUID foreign) throws Exception {
        java.net.http.HttpClient http = loggedIn("kari", "kari-passord");
        String base = httpBase() + "/postmottak";
        String list = get(http, base + "/api/items").body();
        assertTrue(list, list.contains(own.toString()) && !list.contains(foreign.toString()));
        assertEquals(403, get(http, base + "/api/items/" + foreign).statusCode());
        assertEquals(403, get(http, base + "/api/items/" + foreign + "/documents/0").statusCode());
    }

    /** The administration API in this Karaf: both SvarInn accounts with their state, and "poll now". */
    private void administratorSeesBothAccountsAndPollsOneOverHttp() throws Exception {
        java.net.http.HttpClient http = loggedIn("driftsansvarlig", "drift-passord");
        String base = httpBase() + "/postmottak/api";
        String channels = await().atMost(TIMEOUT).until(() -> get(http, base + "/admin/channels").body(),
                body -> body.contains("\"account\":\"arkiv\"") && body.contains("\"account\":\"fagsystem\""));
        assertTrue(channels, channels.contains("To systemer kan ikke hente") && !channels.contains("hemmelig"));
        java.util.regex.Matcher arkiv = java.util.regex.Pattern
                .compile("\\{\"id\":\"?([^\",]+)\"?,\"channel\":\"SvarInn\",\"account\":\"arkiv\"")
                .matcher(channels);
        assertTrue(channels, arkiv.find());
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("\"csrfToken\":\"([^\"]+)\"")
                .matcher(get(http, base + "/me").body());
        assertTrue(csrf.find());
        java.net.http.HttpResponse<String> poll = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/admin/channels/" + arkiv.group(1) + "/poll"))
                .header("Content-Type", "application/json").header("Origin", httpBase())
                .header("X-CSRF-Token", csrf.group(1)).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(poll.body(), 200, poll.statusCode());
    }

    private List<InboxItem> items() throws InboxException {
        return inbox.find(InboxQuery.all(Set.of(FJORDVIK, SOLBERG), 50)).items();
    }

    private InboxItem item(String title) throws InboxException {
        return items().stream().filter(i -> i.metadata().title().equals(title)).findFirst().orElseThrow();
    }

    private static String send(SvarInnSimulator sim, String orgnr, String title) {
        byte[] pdf = ("%PDF-1.4\n% " + title + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        return sim.addForsendelse(ForsendelseSpec.builder().mottaker(orgnr, "Kommunen").tittel(title)
                .date(Instant.now()).dokument(Dokument.of("Brev.pdf", "application/pdf", "H", pdf)).build());
    }
    /** The running SvarInn simulator, or null while it starts. */
    private SvarInnSimulator simulator() {
        var reference = bundleContext.getServiceReference(SvarInnSimulator.class);
        return reference == null ? null : bundleContext.getService(reference);
    }

}
