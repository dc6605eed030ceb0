package no.postmottak.archive.websak.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.util.converter.Converters;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;
import no.postmottak.api.archive.ArchiveProgress;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.api.archive.CaseInfo;
import no.postmottak.arkivmelding.testing.ArchiveFixtures;
import no.postmottak.archive.simulator.WebsakSimulator;
import no.postmottak.archive.simulator.WebsakSimulator.Journalpost;

class WebsakArchiverTest {

    private static final String SECRET = "hemmelig-ÆØÅ-s3cr3t";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private WebsakSimulator sim;
    private int template;
    private int fallback;
    private int chosen;
    private MutableClock clock;

    @BeforeEach
    void start() throws Exception {
        sim = WebsakSimulator.start(0, "postmottak", SECRET);
        template = sim.addTemplate("Inngående brev");
        fallback = sim.addCase("2026/1", "Fordelingssak");
        chosen = sim.addCase("2025/77", "Byggesak – Ærøy");
        clock = new MutableClock(Instant.parse("2026-03-14T10:00:00Z"));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private WebsakArchiver archiver(String secret, Duration timeout, Integer fallbackCase) {
        TokenSource tokens = new TokenSource(sim.tokenUrl(), "postmottak", secret, "integration", http, timeout, clock);
        return new WebsakArchiver(new WebsakApi(sim.apiBase(), tokens, http, timeout), template, fallbackCase);
    }

    private WebsakArchiver archiver() {
        return archiver(SECRET, Duration.ofSeconds(30), fallback);
    }

    private static ArchiveRequest withProgress(ArchiveRequest r, ArchiveProgress p, CaseInfo target) {
        return new ArchiveRequest(r.item(), r.documents(), target, p);
    }

    private void assertOneCompleteJournalpost(int documents) {
        assertThat(sim.journalposts()).singleElement().satisfies(jp -> {
            assertThat(jp.documents()).hasSize(documents);
            assertThat(jp.documents().get(0).dokumentType()).isEqualTo("Hoveddokument");
            for (int i = 0; i < documents; i++) {
                assertThat(jp.documents().get(i).navn()).isEqualTo(ArchiveFixtures.name(i));
                assertThat(jp.documents().get(i).content()).isEqualTo(ArchiveFixtures.content(i));
                if (i > 0) {
                    assertThat(jp.documents().get(i).dokumentType()).isEqualTo("Vedlegg");
                }
            }
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10})
    void filesOnTheFallbackCase(int documents) throws Exception {
        ArchiveReceipt receipt = archiver().archive(ArchiveFixtures.request(documents));
        assertOneCompleteJournalpost(documents);
        Journalpost jp = sim.journalposts().get(0);
        assertThat(jp.sakId()).isEqualTo(fallback);
        assertThat(jp.malJpId()).isEqualTo(template);
        assertThat(jp.tittel()).isEqualTo("Svar på søknad – Æsøy bru");
        assertThat(jp.contacts()).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("navn", "Bærum kommune – Økonomi").containsEntry("offentligNummer", "974760673")
                    .containsEntry("adresse1", "Postboks 700").containsEntry("postnr", "1304")
                    .containsEntry("erPerson", false).containsEntry("referanse", "2024/1234-7");
        });
        assertThat(receipt.kind()).isEqualTo("websak");
        assertThat(receipt.journalpostId()).isEqualTo(Integer.toString(jp.id()));
        assertThat(receipt.journalpostNumber()).isEqualTo("2026/1-1");
        assertThat(receipt.caseNumber()).isEqualTo("2026/1");
    }

    @Test
    void filesOnTheChosenCase() throws Exception {
        ArchiveRequest r = ArchiveFixtures.request(2);
        CaseInfo target = new CaseInfo(Integer.toString(chosen), new CaseNumber(2025, 77), "Byggesak – Ærøy");
        ArchiveReceipt receipt = archiver().archive(withProgress(r, r.progress(), target));
        assertThat(sim.journalposts()).singleElement().satisfies(jp -> assertThat(jp.sakId()).isEqualTo(chosen));
        assertThat(receipt.caseNumber()).isEqualTo("2025/77");
    }

    @Test
    void aCaseNumberWithoutWebsakIdGoesOnTheFallbackCaseWithAWarning() throws Exception {
        ArchiveRequest r = ArchiveFixtures.request(1);
        ArchiveReceipt receipt = archiver().archive(withProgress(r, r.progress(),
                new CaseInfo(null, new CaseNumber(2025, 77), "")));
        assertThat(sim.journalposts()).singleElement().satisfies(jp -> assertThat(jp.sakId()).isEqualTo(fallback));
        assertThat(receipt.caseNumber()).isEqualTo("2026/1");
        assertThat(receipt.details().get("advarsel")).contains("2025/77", "fordelingssaken", "flyttes");
    }

    @Test
    void noCaseAndNoFallbackNeedsAnAdministrator() {
        assertThatThrownBy(() -> archiver(SECRET, Duration.ofSeconds(5), null).archive(ArchiveFixtures.request(1)))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TARGET_NOT_AVAILABLE));
        assertThat(sim.journalposts()).isEmpty();
    }

    @Test
    void unknownCaseIsRejected() {
        ArchiveRequest r = ArchiveFixtures.request(1);
        CaseInfo target = new CaseInfo("424242", new CaseNumber(2020, 1), "");
        assertThatThrownBy(() -> archiver().archive(withProgress(r, r.progress(), target)))
                .isInstanceOfSatisfying(ArchiveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED))
                .hasMessageContaining("404").hasMessageContaining("Fant ikke sak 424242");
    }

    @Test
    void failedUploadResumesOnTheSameJournalpost() throws Exception {
        ArchiveRequest r = ArchiveFixtures.request(10);
        WebsakArchiver a = archiver();
        sim.failUpload(4, 500);
        assertThatThrownBy(() -> a.archive(r)).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.isRetryable()).isTrue());
        assertThat(r.progress().load()).containsEntry(WebsakArchiver.UPLOADED, "3");
        assertThat(sim.journalposts().get(0).documents()).hasSize(3);

        a.archive(r);
        assertOneCompleteJournalpost(10);
        assertThat(sim.journalposts().get(0).contacts()).hasSize(1);
    }

    @Test
    void lostProgressAfterUploadDoesNotDuplicate() throws Exception {
        // The upload succeeds but the inbox fails to note it: WebSak's own count decides on retry.
        HookedProgress p = new HookedProgress(notes -> {
            if ("2".equals(notes.get(WebsakArchiver.UPLOADED))) {
                throw new IllegalStateException("database borte");
            }
        });
        ArchiveRequest r = withProgress(ArchiveFixtures.request(5), p, null);
        WebsakArchiver a = archiver();
        assertThatThrownBy(() -> a.archive(r)).isInstanceOf(IllegalStateException.class);
        assertThat(sim.journalposts().get(0).documents()).hasSize(2); // noted: 1
        a.archive(r);
        assertOneCompleteJournalpost(5);
    }

    @Test
    void lostAnswerToCreateMakesANewJournalpostAndWarns() throws Exception {
        ArchiveRequest r = ArchiveFixtures.request(2);
        WebsakArchiver a = archiver();
        sim.loseCreateAnswer(); // WebSak makes the journalpost, then answers 502
        assertThatThrownBy(() -> a.archive(r)).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.isRetryable()).isTrue());
        ArchiveReceipt receipt = a.archive(r);
        // never guess which journalpost was ours: a new one, and the clerk is told about the empty one
        assertThat(sim.journalposts()).hasSize(2);
        assertThat(sim.journalposts().get(0).documents()).isEmpty();
        assertThat(sim.journalposts().get(1).documents()).hasSize(2);
        assertThat(receipt.details().get("advarsel")).contains("tom journalpost", "Svar på søknad – Æsøy bru");
    }

    @Test
    void rejectedCreateLeavesNoWarning() throws Exception {
        ArchiveRequest r = ArchiveFixtures.request(1);
        WebsakArchiver a = archiver();
        a.archive(ArchiveFixtures.request(1)); // token cached: the 400 below hits journalpost/ny
        sim.knobs().failNext(400, 1);
        assertThatThrownBy(() -> a.archive(r)).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
        assertThat(a.archive(r).details()).doesNotContainKey("advarsel");
    }

    @Test
    void tokenRevokedMidRunIsRenewed() throws Exception {
        HookedProgress p = new HookedProgress(notes -> {
            if ("2".equals(notes.get(WebsakArchiver.UPLOADED))) {
                sim.revokeTokens(); // mid-run, after the second upload: the archive forgets our token
            }
        });
        archiver().archive(withProgress(ArchiveFixtures.request(4), p, null));
        assertOneCompleteJournalpost(4);
        assertThat(sim.tokensIssued()).isEqualTo(2);
    }

    @Test
    void tokenIsRefreshedBeforeExpiry() throws Exception {
        WebsakArchiver a = archiver();
        a.archive(ArchiveFixtures.request(1));
        assertThat(sim.tokensIssued()).isEqualTo(1);
        a.archive(ArchiveFixtures.request(1));
        assertThat(sim.tokensIssued()).isEqualTo(1); // cached
        clock.advance(Duration.ofMinutes(59).plusSeconds(30)); // 30 s left of the hour: too close
        a.archive(ArchiveFixtures.request(1));
        assertThat(sim.tokensIssued()).isEqualTo(2);
        assertThat(sim.journalposts()).hasSize(3);
    }

    @Test
    void wrongSecretIsRejectedWithoutShowingIt() {
        assertThatThrownBy(() -> archiver("feil-" + SECRET, Duration.ofSeconds(5), fallback)
                .archive(ArchiveFixtures.request(1))).isInstanceOfSatisfying(ArchiveException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REJECTED);
                    assertThat(e.getMessage()).contains("postmottak").doesNotContain(SECRET);
                });
    }

    @Test
    void serverErrorsAreRetryable() throws Exception {
        WebsakArchiver a = archiver();
        ArchiveRequest r = ArchiveFixtures.request(2);
        sim.knobs().failNext(500, 1); // the token request
        assertThatThrownBy(() -> a.archive(r)).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
        assertThat(r.progress().load()).isEmpty(); // nothing reached journalpost/ny: no duplicate to fear
        a.archive(ArchiveFixtures.request(1)); // token cached now
        sim.knobs().failNext(503, 1); // journalpost/ny fails
        assertThatThrownBy(() -> a.archive(r)).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE)).hasMessageContaining("503");
        a.archive(r);
        assertThat(sim.journalposts()).hasSize(2);
        assertThat(sim.journalposts().get(1).documents()).hasSize(2);
    }

    @Test
    void timeoutIsRetryable() throws Exception {
        Duration patient = Duration.ofSeconds(30);
        TokenSource tokens = new TokenSource(sim.tokenUrl(), "postmottak", SECRET, "integration", http, patient, clock);
        WebsakArchiver slow = new WebsakArchiver(new WebsakApi(sim.apiBase(), tokens, http, patient), template,
                fallback);
        WebsakArchiver hasty = new WebsakArchiver(new WebsakApi(sim.apiBase(), tokens, http,
                Duration.ofMillis(700)), template, fallback);
        slow.archive(ArchiveFixtures.request(1)); // token cached, so the held request below is an API call
        ArchiveRequest r = ArchiveFixtures.request(2);
        sim.knobs().holdNext(1);
        assertThatThrownBy(() -> hasty.archive(r)).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE)).hasMessageContaining("i tide");
        sim.knobs().releaseHeld();
        slow.archive(r);
        assertThat(sim.journalposts()).hasSize(2);
        assertThat(sim.journalposts().get(1).documents()).hasSize(2);
    }

    @Test
    void componentConfiguration() throws Exception {
        Map<String, Object> props = new HashMap<>(Map.of("base.url", sim.apiBase().toString(),
                "token.url", sim.tokenUrl().toString(), "client.id", "postmottak", ".client.secret", SECRET,
                "journalpost.template.id", template, "fallback.case.id", fallback));
        var config = Converters.standardConverter().convert(props).to(WebsakArchiveComponent.Config.class);
        new WebsakArchiveComponent(config).archive(ArchiveFixtures.request(3));
        assertOneCompleteJournalpost(3);
        props.put("journalpost.template.id", 0);
        var missing = Converters.standardConverter().convert(props).to(WebsakArchiveComponent.Config.class);
        assertThatThrownBy(() -> new WebsakArchiveComponent(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("template");
    }

    /** Progress that runs a hook before each save: to fail or to change the world mid-run. */
    static final class HookedProgress implements ArchiveProgress {
        private final Consumer<Map<String, String>> hook;
        private Map<String, String> notes = Map.of();

        HookedProgress(Consumer<Map<String, String>> hook) {
            this.hook = hook;
        }

        @Override
        public synchronized Map<String, String> load() {
            return notes;
        }

        @Override
        public synchronized void save(Map<String, String> newNotes) {
            hook.accept(newNotes);
            notes = Map.copyOf(newNotes);
        }
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

}
