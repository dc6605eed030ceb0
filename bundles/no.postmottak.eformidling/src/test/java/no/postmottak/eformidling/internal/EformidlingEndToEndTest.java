package no.postmottak.eformidling.internal;

import static no.postmottak.eformidling.internal.Installation.ORGNR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.api.Channel;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.Party;
import no.postmottak.api.channel.ChannelAlert;
import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.api.inbox.IncomingDocuments;
import no.postmottak.channel.support.PollLoop;
import no.postmottak.eformidling.internal.MessageResult.Outcome;
import no.postmottak.eformidling.simulator.Call;
import no.postmottak.eformidling.simulator.Message;
import no.postmottak.eformidling.simulator.MessageFault;
import no.postmottak.eformidling.simulator.SimDocument;
import no.postmottak.inbox.testing.TestInboxes;

/** The channel against the integrasjonspunkt simulator over real HTTP, storing in a real inbox (H2). */
class EformidlingEndToEndTest {

    /** Long enough for peek → pop → store, short enough to wait for: faults that clear when a lock runs out. */
    private static final Duration SHORT_LOCK = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private Installation it;

    @BeforeEach
    void start() throws Exception {
        it = new Installation(dir);
    }

    @AfterEach
    void stop() {
        it.close();
    }

    private List<InboxItem> items() throws Exception {
        return it.inbox.find(InboxQuery.all(Set.of(ORGNR, "910075919"), 100)).items();
    }

    private InboxItem only() throws Exception {
        assertThat(items()).hasSize(1);
        return it.inbox.get(items().get(0).id()).orElseThrow();
    }

    private List<String> calls(String messageId) {
        return it.ip.calls().stream().filter(c -> messageId.equals(c.messageId()))
                .map(c -> c.kind() + " " + c.status()).toList();
    }

    /** Downloads that succeeded (a pop whose lock had run out is no read). */
    private long reads(String messageId) {
        return calls(messageId).stream().filter(c -> c.equals("POP 200")).count();
    }

    private long spoolFiles() throws IOException {
        Path spool = dir.resolve("spool");
        if (!java.nio.file.Files.exists(spool)) {
            return 0;
        }
        try (var files = java.nio.file.Files.list(spool)) {
            return files.count();
        }
    }

    private boolean deleted(String messageId) {
        return it.ip.message(messageId).orElseThrow().deleted();
    }

    /** Polls until the condition holds: for faults that clear when a lock runs out. */
    private void pollUntil(IpPoller poller, java.util.concurrent.Callable<Boolean> done) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            poller.poll();
            return done.call();
        });
    }

    @Test
    void storesTheLetterThenDeletesItNeverBefore() throws Exception {
        Message m = AsicReaderTest.letter().build();
        it.ip.add(m);
        IpPoller poller = it.poller();

        assertThat(poller.poll()).isEqualTo(Duration.ofMinutes(15));

        InboxItem item = only();
        assertThat(item.metadata().channel()).isEqualTo(Channel.EFORMIDLING);
        assertThat(item.metadata().channelId()).isEqualTo(m.messageId());
        assertThat(item.metadata().title()).isEqualTo("Vedtak om løyve – Ærøy");
        assertThat(item.metadata().sender().name()).isEqualTo("Statsforvalteren i Vestland");
        assertThat(item.documents()).extracting(d -> d.fileName() + "|" + d.role())
                .containsExactly("vedtak.pdf|MAIN", "kart å se.png|ATTACHMENT");
        try (InputStream in = it.inbox.openDocument(item.id(), 0)) {
            assertThat(in.readAllBytes()).isEqualTo("%PDF-1.4 vedtak".getBytes());
        }
        assertThat(deleted(m.messageId())).isTrue();
        Instant delete = it.ip.calls().stream().filter(c -> c.kind() == Call.Kind.DELETE).findFirst()
                .orElseThrow().at();
        assertThat(delete).as("DELETE only after the commit").isAfterOrEqualTo(it.committed.get(m.messageId()));
        IpPoller.PollerStatus s = poller.status();
        assertThat(s.received()).isEqualTo(1);
        assertThat(s.poll().lastOutcome()).isEqualTo(ChannelStatus.Outcome.SUCCEEDED);
        assertThat(s.poll().lastResult()).isEqualTo("1 mottatt, 0 feilet");
        ChannelStatus monitored = poller.withMonitoring(new ChannelStatus("eFormidling", "ip", List.of(),
                ChannelStatus.State.ACTIVE, null, null, 0, 0, List.of()));
        assertThat(monitored.pollInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(monitored.lastSucceeded()).isNotNull();
        assertThat(monitored.backlog().waiting()).as("the one letter this poll found").isEqualTo(1);
        assertThat(monitored.counters().acknowledged()).isEqualTo(1);
        assertThat(monitored.counters().polls()).isEqualTo(1);
        assertThat(monitored.counters().downloadedBytes()).as("the ASiC package").isGreaterThan(100);
        assertThat(IpClient.USER_AGENT).matches("Postmottak/\\S+ \\(eFormidling\\)");
    }

    @Test
    void aLockLostBeforePopMeansPeekAgainAndFinish() throws Exception {
        Message m = AsicReaderTest.letter().build();
        it.ip.add(m);
        it.ip.knobs().expireLockAfterPeek(1);

        it.poller(1).poll();

        assertThat(calls(m.messageId())).containsExactly("PEEK 200", "POP 400", "PEEK 200", "POP 200",
                "DELETE 200");
        assertThat(only().metadata().channelId()).isEqualTo(m.messageId());
    }

    @Test
    void aLockLostWhileSeveralAreInFlightIsStillStoredOnceAndDeleted() throws Exception {
        Message m = AsicReaderTest.letter().build();
        it.ip.add(m);
        it.ip.knobs().expireLockAfterPeek(1);

        // The poll thread peeks the next message while the first is in flight; it may take the expired lock anew.
        IpPoller poller = it.poller(3);
        poller.poll();
        poller.poll();

        assertThat(calls(m.messageId())).endsWith("DELETE 200").filteredOn(c -> c.startsWith("DELETE")).hasSize(1);
        assertThat(only().metadata().channelId()).isEqualTo(m.messageId());
    }

    @Test
    void aLockLostBeforeDeleteIsFinishedByPeekingAgainStoredOnce() throws Exception {
        Message m = AsicReaderTest.letter().build();
        it.ip.add(m);
        it.ip.knobs().expireLockBeforeDelete(1);

        it.poller().poll();

        assertThat(calls(m.messageId())).containsExactly("PEEK 200", "POP 200", "DELETE 400", "PEEK 200",
                "DELETE 200");
        assertThat(only()).isNotNull();
        assertThat(deleted(m.messageId())).isTrue();
    }

    @Test
    void popFailingWithServerErrorIsRetriedLaterAndNeverDeletedBeforeStored() throws Exception {
        Message m = AsicReaderTest.letter().build();
        it.ip.add(m);
        it.ip.knobs().failPops(2).lockTimeout(SHORT_LOCK);
        IpPoller poller = it.poller();

        poller.poll();
        assertThat(items()).isEmpty();
        assertThat(poller.status().failedMessages()).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.WILL_RETRY));
        assertThat(deleted(m.messageId())).isFalse();

        pollUntil(poller, () -> deleted(m.messageId()));
        assertThat(calls(m.messageId())).filteredOn(c -> c.equals("POP 500") || c.equals("POP 200"))
                .containsExactly("POP 500", "POP 500", "POP 200");
        assertThat(only()).isNotNull();
        assertThat(poller.status().failedMessages()).isEmpty();
    }

    @Test
    void aTruncatedPopIsFetchedAgainAndStoredIntact() throws Exception {
        byte[] content = new byte[300_000];
        new java.util.Random(7).nextBytes(content);
        Message m = Message.builder().receiver(ORGNR).title("Stor fil")
                .document(SimDocument.of("skann.pdf", "application/pdf", "Skann", content)).build();
        it.ip.add(m);
        it.ip.knobs().truncatePops(1).lockTimeout(SHORT_LOCK);
        IpPoller poller = it.poller();

        poller.poll();
        assertThat(items()).isEmpty();
        assertThat(poller.status().failedMessages()).singleElement().satisfies(r ->
                assertThat(r.message()).startsWith("Nedlastingen ble avbrutt"));

        pollUntil(poller, () -> deleted(m.messageId()));
        try (InputStream in = it.inbox.openDocument(only().id(), 0)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void anUnreadableMessageStaysInTheIntegrasjonspunktWithAnAlertAndIsLeftAloneAfterTheAttempts()
            throws Exception {
        Message m = AsicReaderTest.letter().fault(MessageFault.CORRUPT_ZIP).build();
        it.ip.add(m);
        it.ip.knobs().lockTimeout(SHORT_LOCK);
        IpPoller poller = it.poller();

        poller.poll();
        assertThat(items()).isEmpty();
        assertThat(deleted(m.messageId())).isFalse();
        List<ChannelAlert> alerts = AccountAlerts.alerts(new AccountStatus("ip", "http://ip", List.of(ORGNR), true,
                null, poller.status()), Map.of());
        assertThat(alerts).first().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(ChannelAlert.Kind.ITEMS_FAILED);
            assertThat(a.severity()).isEqualTo(ChannelAlert.Severity.ERROR);
            assertThat(a.text()).contains("kan ikke leses og ligger igjen i integrasjonspunktet", m.messageId());
        });
        pollUntil(poller, () -> reads(m.messageId()) == 3);
        // The third failed read was the last: it is peeked but no longer downloaded.
        poller.poll();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            poller.poll();
            return it.ip.message(m.messageId()).orElseThrow().peeks() >= 6;
        });
        assertThat(reads(m.messageId())).isEqualTo(3);
        assertThat(calls(m.messageId()).stream().filter(c -> c.startsWith("DELETE"))).isEmpty();
        assertThat(poller.status().failedMessages()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.UNREADABLE);
            assertThat(r.message()).contains("etter 3 forsøk");
        });
        // After the last read, the sender was told once: the only failure status the API allows.
        assertThat(it.ip.sent()).singleElement().satisfies(r -> {
            assertThat(r.receiptType()).isEqualTo("ERROR");
            assertThat(r.relatedToMessageId()).isEqualTo(m.messageId());
            assertThat(r.messages()).singleElement().asString().startsWith("uleselig: Mottakeren kunne ikke lese");
        });
    }

    @Test
    void theFailedReadsCountOnAfterARestartAndPollNowClearsThem() throws Exception {
        Message m = AsicReaderTest.letter().fault(MessageFault.CORRUPT_ZIP).build();
        it.ip.add(m);
        it.ip.knobs().lockTimeout(SHORT_LOCK);
        IpPoller first = it.poller();
        pollUntil(first, () -> reads(m.messageId()) == 2);
        first.stop(Duration.ofSeconds(5));

        // A restart: new receiver and poller objects on the same database; the third read is the last.
        IpPoller second = it.poller();
        pollUntil(second, () -> reads(m.messageId()) == 3);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            second.poll();
            return it.ip.message(m.messageId()).orElseThrow().peeks() >= 6;
        });
        assertThat(reads(m.messageId())).as("no fourth download after the restart").isEqualTo(3);
        assertThat(it.ip.sent()).as("the ERROR receipt once").hasSize(1);
        assertThat(TestInboxes.failedAttempts(it.inbox).attempts(Installation.LEASE, m.messageId()).count())
                .isEqualTo(3);

        // "Poll now" forgets the failed reads (then polls; stopped first, so that only the reset runs here).
        second.stop(Duration.ofSeconds(5));
        second.pollNow();
        assertThat(TestInboxes.failedAttempts(it.inbox).attempts(Installation.LEASE, m.messageId()).count())
                .isZero();
        IpPoller third = it.poller();
        pollUntil(third, () -> reads(m.messageId()) == 4);
        third.stop(Duration.ofSeconds(5));
    }

    @Test
    void withoutArkivmeldingTheDocumentsAreReceivedAndFlagged() throws Exception {
        Message m = AsicReaderTest.letter().fault(MessageFault.NO_ARKIVMELDING).build();
        it.ip.add(m);

        it.poller().poll();

        InboxItem item = only();
        assertThat(item.metadata().title()).as("the main document's name").isEqualTo("vedtak.pdf");
        assertThat(item.metadata().sender().orgnr()).isEqualTo("910076787");
        assertThat(item.documents()).extracting(d -> d.fileName()).containsExactly("vedtak.pdf", "kart å se.png");
        assertThat(item.metadata().channelAttributes().get(MessageMapper.WARNINGS)).contains("ingen arkivmelding");
        assertThat(deleted(m.messageId())).isTrue();
    }

    @Test
    void aReferencedFileThatIsMissingIsReceivedWithAWarning() throws Exception {
        Message m = AsicReaderTest.letter().fault(MessageFault.MISSING_FILE).build();
        it.ip.add(m);

        it.poller().poll();

        InboxItem item = only();
        assertThat(item.documents()).extracting(d -> d.fileName()).containsExactly("vedtak.pdf");
        assertThat(item.metadata().channelAttributes().get(MessageMapper.WARNINGS))
                .contains("«kart å se.png» som arkivmeldingen viser til, finnes ikke");
    }

    @Test
    void oneItemPerMessageIdAlsoWhenTheSameMessageComesAgain() throws Exception {
        Message m = AsicReaderTest.letter().build();
        it.ip.add(m);
        IpPoller poller = it.poller();
        poller.poll();
        assertThat(it.ip.add(m)).as("delivered again, as after a lost DELETE").isTrue();

        poller.poll();

        assertThat(only()).isNotNull();
        assertThat(calls(m.messageId())).containsExactly("PEEK 200", "POP 200", "DELETE 200", "PEEK 200",
                "DELETE 200");
    }

    @Test
    void unknownServicesAreLeftToTheirConsumerUnlessEveryServiceIsAsked() throws Exception {
        Message dph = AsicReaderTest.letter().serviceIdentifier("DPH").title("Helsemelding").build();
        Message dpo = AsicReaderTest.letter().build();
        Message otherOrg = AsicReaderTest.letter().receiver("999888777").build();
        it.ip.add(dph);
        it.ip.add(dpo);
        it.ip.add(otherOrg);

        it.poller().poll();

        assertThat(items()).extracting(i -> i.metadata().channelId()).containsExactly(dpo.messageId());
        assertThat(calls(dph.messageId())).isEmpty();
        assertThat(calls(otherOrg.messageId())).as("another consumer's org number").isEmpty();

        it.poller(it.receiving(List.of(), List.of(), 1_000_000L), it.client()).poll();
        assertThat(it.inbox.isStored(Channel.EFORMIDLING, dph.messageId())).as("unknown identifiers are data")
                .isTrue();
        assertThat(calls(otherOrg.messageId())).isEmpty();
    }

    @Test
    void aMessageOverTheLimitIsKeptInTheIntegrasjonspunkt() throws Exception {
        Message tooBig = Message.builder().receiver(ORGNR).title("For stor")
                .document(SimDocument.generated("for-stor.pdf", 3L * 1024 * 1024, 1)).build();
        it.ip.add(tooBig);
        IpPoller limited = it.poller(it.receiving(List.of("DPO"), List.of(), 2L * 1024 * 1024), it.client());

        limited.poll();

        assertThat(limited.status().failedMessages()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.UNREADABLE);
            assertThat(r.message()).contains("større enn grensen");
        });
        assertThat(deleted(tooBig.messageId())).isFalse();
        assertThat(items()).isEmpty();
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void aHugeMessageStreamsThroughInBoundedMemory() throws Exception {
        // 150 MB through a test JVM of -Xmx256m: spooled to disk, streamed into the inbox.
        SimDocument big = SimDocument.generated("skannet-arkiv.pdf", 150L * 1024 * 1024, 42);
        Message huge = Message.builder().receiver(ORGNR).title("Stort arkiv").document(big).build();
        it.ip.add(huge);

        it.poller().poll();

        assertThat(deleted(huge.messageId())).isTrue();
        InboxItem item = only();
        assertThat(item.documents().get(0).size()).isEqualTo(big.size());
        assertThat(item.documents().get(0).sha256()).isEqualTo(sha256(big.content().get()));
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void aSlowIntegrasjonspunktIsRetriedWithBackOff() throws Exception {
        Message m = AsicReaderTest.letter().build();
        it.ip.add(m);
        it.ip.knobs().delay(Duration.ofSeconds(3)).lockTimeout(SHORT_LOCK);
        IpPoller poller = it.poller(it.receiving(), it.client(
                no.postmottak.eformidling.simulator.SimulatorOptions.DEFAULT_PASSWORD, Duration.ofMillis(500)));

        assertThat(poller.poll()).as("back-off").isEqualTo(Duration.ofSeconds(30));
        assertThat(poller.status().poll().lastOutcome()).isEqualTo(ChannelStatus.Outcome.FAILED);
        assertThat(AccountAlerts.alerts(new AccountStatus("ip", "x", List.of(ORGNR), true, null, poller.status()),
                Map.of())).extracting(ChannelAlert::kind).containsExactly(ChannelAlert.Kind.UNREACHABLE);

        it.ip.knobs().delay(Duration.ZERO);
        pollUntil(poller, () -> deleted(m.messageId()));
        assertThat(only()).isNotNull();
    }

    @Test
    void aRefusedLoginStopsPolling() {
        IpPoller poller = it.poller(it.receiving(), it.client("feil", Duration.ofSeconds(5)));

        assertThat(poller.poll()).as("no next poll").isNull();

        PollLoop.Status s = poller.status().poll();
        assertThat(s.state()).isEqualTo(PollLoop.State.AUTHENTICATION_FAILED);
        assertThat(AccountAlerts.channelStatus(new AccountStatus("ip", "x", List.of(ORGNR), true, null,
                poller.status()), Map.of()).alerts()).first()
                .satisfies(a -> assertThat(a.text()).startsWith("Integrasjonspunktet avviste brukernavn eller passord"));
    }

    @Test
    void receiptsAreConsumedAndDeletedNeverShownAsMail() throws Exception {
        Message receipt = Message.builder().receiver(ORGNR).receipt().build();
        it.ip.add(receipt);
        IpPoller poller = it.poller();

        poller.poll();

        assertThat(items()).isEmpty();
        assertThat(calls(receipt.messageId())).containsExactly("PEEK 200", "POP 204", "DELETE 200");
        assertThat(poller.status().receipts()).isEqualTo(1);
    }

    @Test
    void receiptsTellTheSenderWhatTheClerkDidAndAreRetriedUntilSent() throws Exception {
        Message archived = AsicReaderTest.letter().title("Arkiveres").build();
        Message deleted = AsicReaderTest.letter().title("Slettes").build();
        it.ip.add(archived);
        it.ip.add(deleted);
        IpPoller poller = it.poller();
        poller.poll();
        assertThat(it.ip.sent()).as("nothing decided yet").isEmpty();
        InboxItem a = items().stream().filter(i -> i.metadata().title().equals("Arkiveres")).findFirst().orElseThrow();
        InboxItem d = items().stream().filter(i -> i.metadata().title().equals("Slettes")).findFirst().orElseThrow();

        it.inbox.archive(a.id(), null, "kari");
        it.inbox.delete(d.id(), "Sendt til feil kommune", "kari");
        it.ip.knobs().failSends(1);
        poller.poll();

        assertThat(it.ip.sent()).hasSize(1);
        IpPoller.PollerStatus s = poller.status();
        assertThat(s.lastReceipts().failed()).isEqualTo(1);
        assertThat(AccountAlerts.alerts(new AccountStatus("ip", "x", List.of(ORGNR), true, null, s), Map.of()))
                .anySatisfy(alert -> assertThat(alert.text()).contains("kvittering(er) til avsendere kunne ikke"));

        poller.poll();

        assertThat(it.ip.sent()).hasSize(2).anySatisfy(r -> {
            assertThat(r.receiptType()).isEqualTo("OK");
            assertThat(r.relatedToMessageId()).isEqualTo(archived.messageId());
            assertThat(r.messages()).containsExactly("journalpost: " + Installation.JOURNALPOST);
            assertThat(r.receiverIdentifier()).isEqualTo("0192:910076787");
            assertThat(r.conversationId()).isEqualTo(archived.conversationId());
        }).anySatisfy(r -> {
            assertThat(r.receiptType()).isEqualTo("NOTSUPPORTED");
            assertThat(r.relatedToMessageId()).isEqualTo(deleted.messageId());
            assertThat(r.json()).as("the clerk's reason stays here").doesNotContain("feil kommune");
        });
        assertThat(poller.status().lastReceipts().failed()).isZero();
        assertThat(poller.status().receiptsSent()).isEqualTo(2);
        assertThat(it.inbox.auditTrail(a.id()).stream().map(e -> e.action()).toList()).as("visible on the item")
                .containsSubsequence("archive", "outcome-failed", "outcome-reported");
        assertThat(it.inbox.auditTrail(d.id())).extracting(e -> e.action()).contains("outcome-reported");

        poller.poll();
        assertThat(it.ip.sent()).as("each sent once").hasSize(2);
    }

    @Test
    void theConfidentialProcessMarksTheItem() throws Exception {
        it.ip.add(AsicReaderTest.letter().process(Message.PROCESS_CONFIDENTIAL).misspeltScope(true)
                .typeVersion("1.0").build());

        it.poller().poll();

        InboxItem item = only();
        assertThat(item.metadata().confidential()).isTrue();
        assertThat(item.metadata().channelAttributes()).containsEntry(MessageMapper.PROCESS,
                Message.PROCESS_CONFIDENTIAL);
    }

    @Test
    void svarUtMailThatSvarInnAlreadyFetchedIsStoredOnceAndTheDoubleFetchIsAlerted() throws Exception {
        // Digdir's own DPF test forsendelse, as the IP passes it on: message id = forsendelse id.
        JsonNode f;
        try (InputStream in = getClass().getResourceAsStream("nextmove_receive_dpf.hentNyeForsendelser.json")) {
            f = new ObjectMapper().readTree(in).get(0);
        }
        String id = f.get("id").asText();
        String receiver = f.at("/mottaker/orgnr").asText();
        // The SvarInn poller stored it first.
        it.inbox.accept(new IncomingItem(Channel.SVARINN, id, receiver, Party.organisation("Difi", null),
                null, f.get("tittel").asText(), null, 3, null, null, null, null, null, null, null),
                IncomingDocuments.of(List.of()));
        Message dpf = Message.builder().messageId(id).conversationId(id).serviceIdentifier("DPF")
                .receiver(receiver).sender(f.at("/svarSendesTil/orgnr").asText(), f.at("/svarSendesTil/navn").asText())
                .title(f.get("tittel").asText())
                .document(SimDocument.of("primary.html", "text/html", "primary.html", "<p>x</p>".getBytes()))
                .build();
        it.ip.add(dpf);
        Receiving receiving = new Receiving("ip", List.of(receiver), List.of("DPO", "DPF"), List.of(),
                dir.resolve("spool"), 1_000_000L, 1_000_000L, 3, 3);
        IpPoller poller = it.poller(receiving, it.client());

        poller.poll();

        assertThat(it.inbox.find(InboxQuery.all(Set.of(receiver), 10)).items()).singleElement()
                .satisfies(i -> assertThat(i.metadata().channel()).isEqualTo(Channel.SVARINN));
        assertThat(deleted(id)).isTrue();
        assertThat(calls(id)).containsExactly("PEEK 200", "DELETE 200");
        List<ChannelAlert> alerts = AccountAlerts.alerts(new AccountStatus("ip", "x", List.of(receiver), true,
                null, poller.status()), Map.of(receiver, "kommune"));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(ChannelAlert.Kind.CONFIGURATION);
            assertThat(a.text()).contains("To systemer henter SvarUt-post for organisasjonsnummer " + receiver,
                    "«kommune»");
        });
    }

    private static String sha256(InputStream in) throws Exception {
        try (in) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        }
    }
}
