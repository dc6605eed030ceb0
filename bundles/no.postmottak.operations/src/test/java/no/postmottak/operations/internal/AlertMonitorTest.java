package no.postmottak.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import no.postmottak.api.channel.ChannelAlert;
import no.postmottak.api.channel.ChannelStatus;

/** Alerts over real SMTP (GreenMail) with a clock the test moves: one mail when it starts, one when it ends. */
class AlertMonitorTest {

    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final String PASSWORD = "smtp-hemmelig-123";

    private final Fakes.MutableClock clock = new Fakes.MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final Conditions conditions = new Conditions(new Conditions.Limits(Duration.ofHours(2),
            Duration.ofMinutes(30), Duration.ofDays(30)), clock);
    private final Watch watch = new Watch(conditions);
    private final Fakes.Account account = new Fakes.Account(Fakes.active("kommune", clock.instant(), INTERVAL));
    private GreenMail smtp;
    private AlertMonitor monitor;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.setUser("drift@kommune.no", "varsler", PASSWORD);
        smtp.start();
        watch.addChannelAccount(account, Map.of("service.id", 7L));
        SmtpMailer mailer = new SmtpMailer(new SmtpMailer.Smtp("127.0.0.1", ServerSetupTest.SMTP.getPort(),
                "varsler", PASSWORD, false, "postmottak@kommune.no"));
        monitor = new AlertMonitor(() -> watch.findings(Finding.Area.CHANNELS), watch::statuses, mailer,
                new AlertMonitor.Settings(List.of("drift@kommune.no"), Map.of("kommune", List.of("arkiv@kommune.no")),
                        Duration.ofMinutes(15), "Fjordvik"), clock);
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void aFailingAccountGivesOneAlertWhileItLastsAndOneWhenItRecovers() throws Exception {
        Instant lastGood = clock.instant();
        for (int minute = 0; minute < 30; minute++) { // fine for twice the interval: nothing
            monitor.evaluate();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();

        // Unreachable from now on: the check turns red after 2 × 15 minutes, the mail waits 15 more.
        account.status = unreachable(lastGood);
        clock.advance(Duration.ofMinutes(1));
        monitor.evaluate();
        assertThat(watch.findings(Finding.Area.CHANNELS)).singleElement()
                .satisfies(f -> assertThat(f.level()).isEqualTo(Finding.Level.CRITICAL));
        assertThat(smtp.getReceivedMessages()).isEmpty();
        clock.advance(Duration.ofMinutes(15));
        monitor.evaluate();
        for (int minute = 0; minute < 120; minute++) { // it lasts two hours: no more mail
            clock.advance(Duration.ofMinutes(1));
            monitor.evaluate();
        }
        MimeMessage[] started = smtp.getReceivedMessages();
        assertThat(started).hasSize(2); // one message, two recipients: everyone's and the account's
        assertThat(started[0].getSubject()).isEqualTo("[Postmottak Fjordvik] Feil: SvarInn-kontoen «kommune» henter "
                + "ikke post");
        assertThat(started[0].getAllRecipients()).extracting(Object::toString)
                .containsExactly("drift@kommune.no", "arkiv@kommune.no");
        String body = (String) started[0].getContent();
        assertThat(body).contains("har ikke hentet post siden 02.03.2026 kl. 09:00", "SvarInn utilgjengelig",
                "Dette gjør du:", "Sjekk at Karaf når SvarUt").doesNotContain(PASSWORD);

        account.status = Fakes.active("kommune", clock.instant(), INTERVAL);
        monitor.evaluate();
        for (int minute = 0; minute < 30; minute++) {
            clock.advance(Duration.ofMinutes(1));
            account.status = Fakes.active("kommune", clock.instant(), INTERVAL);
            monitor.evaluate();
        }
        MimeMessage[] all = smtp.getReceivedMessages();
        assertThat(all).hasSize(4);
        List<MimeMessage> ended = java.util.Arrays.stream(all).filter(m -> !java.util.Arrays.asList(started)
                .contains(m)).toList();
        assertThat(ended).hasSize(2).allSatisfy(m -> {
            assertThat(m.getSubject()).isEqualTo("[Postmottak Fjordvik] Løst: SvarInn-kontoen «kommune» henter "
                    + "ikke post");
            assertThat((String) m.getContent()).contains("Det varte fra 02.03.2026 kl. 09:31")
                    .doesNotContain(PASSWORD);
        });
    }

    @Test
    void aProblemThatClearsBeforeTheDelayIsNeverMailed() {
        account.status = stopped();
        monitor.evaluate();
        clock.advance(Duration.ofMinutes(10));
        monitor.evaluate();
        account.status = Fakes.active("kommune", clock.instant(), INTERVAL);
        clock.advance(Duration.ofMinutes(10));
        monitor.evaluate();

        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void newPermanentFailuresAreMailedOnceEach() throws Exception {
        monitor.evaluate(); // baseline
        account.status = withPermanentFailures(2);
        monitor.evaluate();
        monitor.evaluate();
        account.status = withPermanentFailures(3);
        monitor.evaluate();

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "[Postmottak Fjordvik] 2 forsendelse(r) permanent feilet (SvarInn «kommune»)",
                "[Postmottak Fjordvik] 2 forsendelse(r) permanent feilet (SvarInn «kommune»)",
                "[Postmottak Fjordvik] 1 forsendelse(r) permanent feilet (SvarInn «kommune»)",
                "[Postmottak Fjordvik] 1 forsendelse(r) permanent feilet (SvarInn «kommune»)");
    }

    @Test
    void aMailThatCannotBeSentIsTriedAgainInTheNextRound() {
        smtp.stop();
        account.status = stopped();
        monitor.evaluate();
        clock.advance(Duration.ofMinutes(16));
        monitor.evaluate(); // started, but SMTP is down

        smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.setUser("drift@kommune.no", "varsler", PASSWORD);
        smtp.start();
        monitor.evaluate();

        assertThat(smtp.getReceivedMessages()).hasSize(2).allSatisfy(m ->
                assertThat(m.getSubject()).contains("Feil: SvarInn-kontoen «kommune» henter ikke post"));
    }

    private ChannelStatus unreachable(Instant lastGood) {
        return new ChannelStatus("SvarInn", "kommune", List.of(Fakes.ORGNR), ChannelStatus.State.ACTIVE,
                new ChannelStatus.Poll(clock.instant(), clock.instant(), ChannelStatus.Outcome.FAILED,
                        "0 mottatt, 0 feilet; SvarInn utilgjengelig: Connection refused"), null, 1, 0,
                List.of(new ChannelAlert(ChannelAlert.Kind.UNREACHABLE, ChannelAlert.Severity.WARNING,
                        "Siste henting feilet og prøves igjen"))).withMonitoring(INTERVAL, lastGood, null, null);
    }

    private ChannelStatus stopped() {
        return new ChannelStatus("SvarInn", "kommune", List.of(Fakes.ORGNR), ChannelStatus.State.STOPPED, null, null,
                0, 0, List.of(new ChannelAlert(ChannelAlert.Kind.AUTHENTICATION_FAILED, ChannelAlert.Severity.ERROR,
                "SvarUt avviste brukernavn eller passord (HTTP 401)")));
    }

    private ChannelStatus withPermanentFailures(long n) {
        return Fakes.active("kommune", clock.instant(), INTERVAL).withMonitoring(INTERVAL, clock.instant(), null,
                new ChannelStatus.Counters(0, n, 0, 1, Duration.ofSeconds(1)));
    }
}
