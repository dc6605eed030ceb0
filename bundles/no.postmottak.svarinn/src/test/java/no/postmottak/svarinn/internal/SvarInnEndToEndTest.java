package no.postmottak.svarinn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.postmottak.api.Channel;
import no.postmottak.api.DocumentRole;
import no.postmottak.api.channel.ChannelAlert;
import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.api.inbox.FailedAttempts;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.channel.support.FailureCounts;
import no.postmottak.inbox.testing.TestInboxes;
import no.postmottak.svarinn.simulator.Dokument;
import no.postmottak.svarinn.simulator.Fault;
import no.postmottak.svarinn.simulator.ForsendelseSpec;
import no.postmottak.svarinn.simulator.ForsendelseState;
import no.postmottak.svarinn.simulator.ForsendelseStatus;
import no.postmottak.svarinn.simulator.Mottakersystem;
import no.postmottak.svarinn.simulator.PayloadMode;
import no.postmottak.svarinn.simulator.ServerKnobs.Operation;
import no.postmottak.svarinn.simulator.SvarInnSimulator;
import no.postmottak.testfixtures.SvarInnFixtures;

/**
 * The transport against the SvarInn simulator over real HTTP, with the real key store and inbox: every fault the
 * simulator knows, with the outcome the failure policy promises. Nothing is acknowledged that is not stored. Runs
 * over SvarInn V1 here and, unchanged, over V2 in {@link SvarInnV2EndToEndTest}.
 */
class SvarInnEndToEndTest {

    static final String FJORDVIK = "921123450";
    static final String HAVN = "921765436";
    static final String USER = "5f0c7a1e-3b8d-4c2a-9e61-7d4b2a9c0f13";
    static final String PASSWORD = "hemmelig";

    @TempDir
    Path dir;

    SvarInnSimulator sim;
    Receiver receiver;
    AccountPoller poller;

    /** The API version the account speaks. */
    String version() {
        return "v1";
    }

    @BeforeEach
    void start() throws Exception {
        sim = SvarInnSimulator.start(0);
        receiver = new Receiver(dir);
        sim.addMottakersystem(Mottakersystem.of("Arkiv", USER, PASSWORD, receiver.certificate, FJORDVIK, HAVN));
        poller = poller(true, FailurePolicy.DEFAULT);
    }

    @AfterEach
    void stop() {
        poller.stop(Duration.ofSeconds(5));
        sim.close();
    }

    AccountPoller poller(boolean strict, FailurePolicy policy) {
        SvarInnApi client = receiver.client(version(), sim.baseUri(), USER, PASSWORD);
        ForsendelseReceiver r = receiver.receiver(client, Set.of(FJORDVIK, HAVN), strict, policy);
        return receiver.poller(client, r);
    }

    String send(String orgnr, String title, PayloadMode mode, Fault... faults) {
        ForsendelseSpec.Builder spec = ForsendelseSpec.builder().mottaker(orgnr, "Fjordvik kommune").tittel(title)
                .date(Instant.now()).mode(mode).fault(faults)
                .dokument(Dokument.of("Vedtak.pdf", "application/pdf", "H", pdf(title)));
        if (mode == PayloadMode.ZIP) {
            spec.dokument(Dokument.of("Kart over området.pdf", "application/pdf", "V", pdf("kart " + title)));
        }
        return sim.addForsendelse(spec.build());
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    ForsendelseStatus status(String id) {
        return sim.forsendelse(id).orElseThrow().status();
    }

    List<InboxItem> inboxItems() throws Exception {
        return receiver.inbox.find(InboxQuery.all(Set.of(FJORDVIK, HAVN, "999888777"), 100)).items();
    }

    @Test
    void receivesEverythingForBothOrgNumbersThenAcknowledges() throws Exception {
        String a = send(FJORDVIK, "Vedtak om byggetillatelse – gnr 12 bnr 345", PayloadMode.ZIP);
        String b = send(HAVN, "Søknad om kaiplass", PayloadMode.ZIP);

        poller.poll();

        assertThat(status(a)).isEqualTo(ForsendelseStatus.LEST);
        assertThat(status(b)).isEqualTo(ForsendelseStatus.LEST);
        List<InboxItem> items = inboxItems();
        assertThat(items).extracting(i -> i.metadata().recipientOrgnr()).containsExactlyInAnyOrder(FJORDVIK, HAVN);
        InboxItem item = receiver.inbox.get(items.get(0).id()).orElseThrow();
        assertThat(item.documents()).extracting(d -> d.fileName())
                .containsExactly("Vedtak.pdf", "Kart over området.pdf");
        assertThat(item.documents().get(0).role()).isEqualTo(DocumentRole.MAIN);
        byte[] stored = Receiver.read(receiver.inbox.openDocument(item.id(), 1));
        assertThat(new String(stored, StandardCharsets.UTF_8)).startsWith("%PDF").contains("kart");
        assertThat(poller.status().received()).isEqualTo(2);
        assertThat(poller.status().lastOutcome()).isEqualTo(ChannelStatus.Outcome.SUCCEEDED);
        assertThat(poller.status().lastPollEnded()).isAfterOrEqualTo(poller.status().lastPoll());
        ChannelStatus monitored = poller.withMonitoring(new ChannelStatus("SvarInn", "arkiv", List.of(),
                ChannelStatus.State.ACTIVE, null, null, 0, 0, List.of()));
        assertThat(monitored.counters().downloadedBytes()).as("both encrypted payloads, as the simulator sent them")
                .isEqualTo(sim.forsendelse(a).orElseThrow().bytesSendt() + sim.forsendelse(b).orElseThrow().bytesSendt())
                .isPositive();
    }

    @Test
    void aBarePdfPayloadAndDerAndSenderQuirksAreReceived() throws Exception {
        String pdf = send(FJORDVIK, "Én sammenslått PDF", PayloadMode.BARE_PDF);
        String der = send(FJORDVIK, "DER", PayloadMode.ZIP, Fault.DEFINITE_LENGTH_DER);
        String quirks = send(FJORDVIK, "Rare felt", PayloadMode.ZIP, Fault.UNKNOWN_JSON_FIELDS,
                Fault.NULL_METADATA_NUMBERS, Fault.DATES_AS_ISO, Fault.IMPORT_DATE_AS_MILLIS, Fault.CP437_ENTRY_NAMES);

        poller.poll();

        assertThat(List.of(status(pdf), status(der), status(quirks))).containsOnly(ForsendelseStatus.LEST);
        assertThat(inboxItems()).hasSize(3);
        InboxItem cp437 = inboxItems().stream().filter(i -> i.metadata().title().equals("Rare felt")).findFirst()
                .orElseThrow();
        assertThat(receiver.inbox.get(cp437.id()).orElseThrow().documents()).extracting(d -> d.fileName())
                .contains("Kart over området.pdf");
    }

    @Test
    void aPayloadForAnotherCertificateIsNeverAcknowledgedNorReportedAndRaisesAnAlert() throws Exception {
        String id = send(FJORDVIK, "Til feil sertifikat", PayloadMode.ZIP, Fault.WRONG_RECIPIENT_CERTIFICATE);

        poller.poll();

        ForsendelseState state = sim.forsendelse(id).orElseThrow();
        assertThat(state.status()).isEqualTo(ForsendelseStatus.KLAR_FOR_MOTTAK);
        assertThat(state.feil()).as("our configuration problem, not the sender's").isEmpty();
        assertThat(inboxItems()).isEmpty();
        assertThat(poller.status().failedItems()).anySatisfy(r -> assertThat(r.outcome())
                .isEqualTo(ItemResult.Outcome.NO_KEY));
        ChannelStatus channel = AccountAlerts.channelStatus(poller.status(), Set.of(FJORDVIK),
                receiver.keyStore.keys(), Instant.now());
        assertThat(channel.lastPoll().outcome()).isEqualTo(ChannelStatus.Outcome.PARTLY_FAILED);
        assertThat(channel.alerts()).anySatisfy(a -> {
            assertThat(a.kind()).isEqualTo(ChannelAlert.Kind.NO_KEY_FOR_RECIPIENT);
            assertThat(a.severity()).isEqualTo(ChannelAlert.Severity.ERROR);
        });
    }

    @Test
    void corruptContentIsReportedTemporarilyThenPermanentlyAfterThreeAttempts() throws Exception {
        String corrupt = send(FJORDVIK, "Skadet", PayloadMode.ZIP, Fault.CORRUPT_CIPHERTEXT);
        String truncated = send(FJORDVIK, "Avkortet", PayloadMode.ZIP, Fault.TRUNCATED_CIPHERTEXT);

        poller.poll();
        poller.poll();
        assertThat(status(corrupt)).isEqualTo(ForsendelseStatus.KLAR_FOR_MOTTAK);
        assertThat(sim.forsendelse(corrupt).orElseThrow().feil()).hasSize(2)
                .allSatisfy(f -> assertThat(f.permanent()).isFalse());
        poller.poll();

        for (String id : List.of(corrupt, truncated)) {
            ForsendelseState state = sim.forsendelse(id).orElseThrow();
            assertThat(state.status()).isEqualTo(ForsendelseStatus.SENDT_ANNEN_KANAL);
            assertThat(state.feil().get(state.feil().size() - 1).permanent()).isTrue();
            assertThat(state.feil().get(0).feilmelding()).contains("Postmottak kunne ikke ta imot forsendelsen");
        }
        assertThat(inboxItems()).as("nothing partial is stored").isEmpty();
    }

    @Test
    void theAttemptsLiveInTheDatabaseSoARestartAndAnotherNodeCountOnAndRetryClearsThem() throws Exception {
        String corrupt = send(FJORDVIK, "Skadet", PayloadMode.ZIP, Fault.CORRUPT_CIPHERTEXT);
        FailedAttempts stored = TestInboxes.failedAttempts(receiver.inbox);

        poller.poll();
        poller.stop(Duration.ofSeconds(5));
        assertThat(stored.attempts(Receiver.LEASE, corrupt).count()).isEqualTo(1);
        assertThat(stored.attempts(Receiver.LEASE, corrupt).last()).isNotNull();

        // A restart: new receiver and poller objects on the same database.
        poller = poller(true, FailurePolicy.DEFAULT);
        poller.poll();
        assertThat(sim.forsendelse(corrupt).orElseThrow().feil()).hasSize(2)
                .allSatisfy(f -> assertThat(f.permanent()).isFalse());
        // An operator's retry clears the row (and polls at once): the count starts over, nothing is permanent yet.
        poller.retry(corrupt);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                sim.forsendelse(corrupt).orElseThrow().feil().size() == 3
                        && poller.status().lastPollEnded() != null);
        assertThat(stored.attempts(Receiver.LEASE, corrupt).count()).isEqualTo(1);
        poller.poll();
        assertThat(stored.attempts(Receiver.LEASE, corrupt).count()).isEqualTo(2);
        assertThat(status(corrupt)).isEqualTo(ForsendelseStatus.KLAR_FOR_MOTTAK);
        poller.stop(Duration.ofSeconds(5));

        // ...and another node, with its own inbox instance on the same database, makes the third attempt permanent.
        Inbox nodeB = TestInboxes.create(Receiver.h2(dir));
        SvarInnApi client = receiver.client(version(), sim.baseUri(), USER, PASSWORD);
        ForsendelseReceiver onB = new ForsendelseReceiver("arkiv", client, receiver.keyStore, nodeB,
                new ForsendelseMapper("arkiv", Set.of(FJORDVIK, HAVN)), PayloadReader.Limits.DEFAULT, true,
                FailurePolicy.DEFAULT, Set.of(), FailureCounts.in(TestInboxes.failedAttempts(nodeB), Receiver.LEASE));
        poller = new AccountPoller("arkiv", Receiver.LEASE, "node-2", client, onB, null, Duration.ofMinutes(15),
                java.time.Clock.systemUTC());
        poller.poll();

        ForsendelseState state = sim.forsendelse(corrupt).orElseThrow();
        assertThat(state.status()).isEqualTo(ForsendelseStatus.SENDT_ANNEN_KANAL);
        assertThat(state.feil()).extracting(f -> f.permanent()).containsExactly(false, false, false, false, true);
        assertThat(stored.attempts(Receiver.LEASE, corrupt).count()).as("reported permanently: done").isZero();
    }

    @Test
    void integrityFailuresFailUnderStrictAndAreReceivedUnderWarnOnly() throws Exception {
        String hash = send(FJORDVIK, "Feil hash", PayloadMode.ZIP, Fault.HASH_MISMATCH);
        String missing = send(FJORDVIK, "Mangler fil", PayloadMode.ZIP, Fault.MISSING_ZIP_ENTRY);
        String extra = send(FJORDVIK, "Ekstra fil", PayloadMode.ZIP, Fault.EXTRA_ZIP_ENTRY);
        String empty = send(FJORDVIK, "Tom", PayloadMode.ZIP, Fault.EMPTY_ZIP);

        poller.poll();
        assertThat(List.of(status(hash), status(missing), status(extra), status(empty)))
                .containsOnly(ForsendelseStatus.KLAR_FOR_MOTTAK);
        assertThat(sim.forsendelse(hash).orElseThrow().feil()).singleElement()
                .satisfies(f -> assertThat(f.feilmelding()).contains("SHA-256"));
        assertThat(inboxItems()).isEmpty();

        poller.stop(Duration.ofSeconds(5));
        poller = poller(false, FailurePolicy.DEFAULT);
        poller.poll();
        assertThat(List.of(status(hash), status(missing), status(extra))).containsOnly(ForsendelseStatus.LEST);
        assertThat(status(empty)).as("an empty zip is never a delivery").isEqualTo(ForsendelseStatus.KLAR_FOR_MOTTAK);
    }

    @Test
    void aRefusedForsendelseTypeIsReportedPermanentlyAtOnce() throws Exception {
        String id = sim.addForsendelse(ForsendelseSpec.builder().mottaker(FJORDVIK, "Fjordvik").tittel("Ikke for oss")
                .forsendelseType("ks.ikkeForOss").dokument(Dokument.of("a.pdf", "application/pdf", null, pdf("a")))
                .build());
        poller.poll();
        assertThat(status(id)).isEqualTo(ForsendelseStatus.SENDT_ANNEN_KANAL);
        assertThat(sim.forsendelse(id).orElseThrow().feil()).singleElement()
                .satisfies(f -> assertThat(f.feilmelding()).contains("ks.ikkeForOss"));
    }

    @Test
    void anAcknowledgementLostAfterApplyingDoesNotDuplicateAndAFailedOneIsRepeated() throws Exception {
        String applied = send(FJORDVIK, "Kvittering 500 etter utført", PayloadMode.ZIP);
        sim.knobs().failAfterApplying(Operation.KVITTER_MOTTAK, 1);
        poller.poll();
        assertThat(status(applied)).isEqualTo(ForsendelseStatus.LEST);
        assertThat(inboxItems()).hasSize(1);

        String notApplied = send(FJORDVIK, "Kvittering feilet", PayloadMode.ZIP);
        sim.knobs().failNext(Operation.KVITTER_MOTTAK, 500, 1);
        poller.poll();
        assertThat(status(notApplied)).as("stored, but SvarUt never heard").isEqualTo(ForsendelseStatus.KLAR_FOR_MOTTAK);
        poller.poll();
        assertThat(status(notApplied)).isEqualTo(ForsendelseStatus.LEST);
        assertThat(inboxItems()).as("stored once").hasSize(2);
        assertThat(sim.forsendelse(notApplied).orElseThrow().nedlastinger()).as("not downloaded again").isEqualTo(1);
    }

    @Test
    void unavailableRateLimitedAndUnauthorisedAreHandledWithoutLosingAnything() throws Exception {
        String id = send(FJORDVIK, "Venter", PayloadMode.ZIP);

        sim.knobs().failNext(Operation.LIST, 503, 1);
        assertThat(poller.poll()).as("backs off").isLessThan(Duration.ofMinutes(15));
        sim.knobs().rateLimitNext(Operation.LIST, 1, Duration.ofSeconds(120));
        assertThat(poller.poll()).isEqualTo(Duration.ofSeconds(120));
        sim.knobs().failNext(Operation.DOWNLOAD, 503, 1);
        poller.poll();
        assertThat(status(id)).isEqualTo(ForsendelseStatus.KLAR_FOR_MOTTAK);
        poller.poll();
        assertThat(status(id)).isEqualTo(ForsendelseStatus.LEST);

        poller.stop(Duration.ofSeconds(5));
        SvarInnApi wrong = receiver.client(version(), sim.baseUri(), USER, "feil-passord");
        poller = receiver.poller(wrong, receiver.receiver(wrong, Set.of(FJORDVIK), true, FailurePolicy.DEFAULT));
        assertThat(poller.poll()).as("stops polling").isNull();
        AccountStatus status = poller.status();
        assertThat(status.state()).isEqualTo(AccountStatus.State.AUTHENTICATION_FAILED);
        assertThat(status.message()).contains("avviste brukernavn eller passord");
        ChannelStatus channel = AccountAlerts.channelStatus(status, Set.of(FJORDVIK), List.of(), Instant.now());
        assertThat(channel.state()).isEqualTo(ChannelStatus.State.STOPPED);
        assertThat(channel.alerts()).extracting(ChannelAlert::kind).contains(ChannelAlert.Kind.AUTHENTICATION_FAILED);
    }

    @Test
    void mailVisibleThroughTwoAccountsIsStoredOnce() throws Exception {
        String other = "c3d9e2b4-8a17-4f5e-b6c0-1e2f3a4b5c6d";
        sim.addMottakersystem(Mottakersystem.of("Fagsystem", other, PASSWORD, receiver.certificate, "964000123"));
        String id = sim.addForsendelse(ForsendelseSpec.builder().mottaker(FJORDVIK, "Fjordvik").tittel("Dobbel")
                .synligOgsaFor(other).dokument(Dokument.of("a.pdf", "application/pdf", null, pdf("a"))).build());
        SvarInnApi second = receiver.client(version(), sim.baseUri(), other, PASSWORD);
        AccountPoller secondPoller = receiver.poller(second,
                receiver.receiver(second, Set.of("964000123"), true, FailurePolicy.DEFAULT));
        try {
            poller.poll();
            secondPoller.poll();
        } finally {
            secondPoller.stop(Duration.ofSeconds(5));
        }
        assertThat(inboxItems()).hasSize(1);
        assertThat(status(id)).isEqualTo(ForsendelseStatus.LEST);
        assertThat(receiver.inbox.isStored(Channel.SVARINN, id)).isTrue();
    }

    @Test
    void theRealFixtureServedAsSvarUtServedItIsReceivedIntact() throws Exception {
        receiver.addPemKey(SvarInnFixtures.path("svarut-sak-mottak/sp-key.pem"),
                SvarInnFixtures.path("svarut-sak-mottak/sp-cert.pem"));
        String json = """
            {"id":"0d5f5e3c-7e0a-4a51-9f3c-5a1b2c3d4e5f","tittel":"Dokumenter fra KS","date":1418800000000,
             "niva":"3","status":"Klar for mottak","mottaker":{"navn":"Fjordvik kommune","orgnr":"921123450"},
             "avsender":{"navn":"KS","adresselinje1":"Postboks 1378 Vika","postnr":"0114","poststed":"Oslo"},
             "filmetadata":[
               {"filnavn":"small.pdf","mimetype":"application/pdf","size":3151,
                "sha256hash":"8b628fc6410a8617083a6a265c4d9ac6c8f501aa378d8137e9aae0403db95d39"},
               {"filnavn":"text.txt","mimetype":"text/plain","size":11,
                "sha256hash":"38b48620a3ecaef150d40c44530b28962f2a0a0976365db07f5bfbaa241bef42"}]}""";
        String id = sim.addForsendelse(ForsendelseSpec.builder().rawJson(json)
                .preEncrypted(SvarInnFixtures.path("svarut-sak-mottak/dokumenter.crypt"), "application/zip",
                        "dokumenter-0d5f5e3c.zip").build());

        poller.poll();

        assertThat(status(id)).isEqualTo(ForsendelseStatus.LEST);
        InboxItem item = receiver.inbox.get(inboxItems().get(0).id()).orElseThrow();
        assertThat(item.documents()).extracting(d -> d.fileName() + ":" + d.sha256()).containsExactly(
                "small.pdf:8b628fc6410a8617083a6a265c4d9ac6c8f501aa378d8137e9aae0403db95d39",
                "text.txt:38b48620a3ecaef150d40c44530b28962f2a0a0976365db07f5bfbaa241bef42");
        assertThat(item.metadata().channelAttributes()).doesNotContainKey(ForsendelseMapper.ORGNR_NOT_LISTED);
    }
}
