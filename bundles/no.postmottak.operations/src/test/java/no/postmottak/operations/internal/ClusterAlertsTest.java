package no.postmottak.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.Leases;
import no.postmottak.inbox.testing.TestInboxes;

/**
 * Two nodes alert over one SMTP server (GreenMail): what every node sees alike is mailed once, by the holder of the
 * alert lease; the node that takes over mails the end of an ongoing condition, not its start again.
 */
class ClusterAlertsTest {

    private static final Finding OLD_MAIL = new Finding(Finding.Area.UNTOUCHED, Finding.Level.CRITICAL, "ubehandlet",
            null, "Post har ventet for lenge", "1 forsendelse har ventet ubehandlet i over 2 timer.", "Behandle den.");
    private static final Finding ACCOUNT_DOWN = new Finding(Finding.Area.CHANNELS, Finding.Level.CRITICAL,
            "kanal:SvarInn/kommune", "kommune", "SvarInn-kontoen «kommune» henter ikke post", "SvarInn svarer ikke.",
            "Sjekk nettet.");

    private final Fakes.MutableClock clock = new Fakes.MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final List<Finding> seenByBoth = new ArrayList<>();
    private GreenMail smtp;
    private AlertMonitor nodeA;
    private AlertMonitor nodeB;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.start();
        nodeA = monitor();
        nodeB = monitor();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private AlertMonitor monitor() {
        SmtpMailer mailer = new SmtpMailer(new SmtpMailer.Smtp("127.0.0.1", ServerSetupTest.SMTP.getPort(), "", "",
                false, "postmottak@kommune.no"));
        return new AlertMonitor(() -> List.copyOf(seenByBoth), List::of, mailer, new AlertMonitor.Settings(
                List.of("drift@kommune.no"), Map.of(), Duration.ofMinutes(15), "Fjordvik"), clock);
    }

    @Test
    void aSharedConditionIsMailedOnceAndItsEndByTheNodeThatTookOver() {
        seenByBoth.add(OLD_MAIL);
        for (int minute = 0; minute < 10; minute++) {
            nodeA.evaluate(true);
            nodeB.evaluate(false);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(subjects()).containsExactly("[Postmottak Fjordvik] Feil: Post har ventet for lenge");

        // A dies; B takes the lease over while the condition lasts: no second start mail.
        for (int minute = 0; minute < 10; minute++) {
            nodeB.evaluate(true);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(subjects()).hasSize(1);

        seenByBoth.clear();
        nodeB.evaluate(true);
        assertThat(subjects()).containsExactly("[Postmottak Fjordvik] Feil: Post har ventet for lenge",
                "[Postmottak Fjordvik] Løst: Post har ventet for lenge");
    }

    @Test
    void whatOnlyOneNodeSeesIsMailedByThatNodeWithoutTheLease() {
        seenByBoth.add(ACCOUNT_DOWN); // only node B evaluates: its account, its view
        for (int minute = 0; minute <= 16; minute++) {
            nodeB.evaluate(false);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(subjects()).containsExactly("[Postmottak Fjordvik] Feil: SvarInn-kontoen «kommune» henter ikke post");
    }

    @Test
    void oneNodeHoldsTheAlertLeaseAndTheOtherMailsAllWhenTheDatabaseIsGone() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:cluster-alerts;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Inbox inbox = TestInboxes.create(dataSource);
        Leases leases = TestInboxes.leases(inbox);
        AlertLease a = new AlertLease(leases, AlertsComponent.LEASE, "a", Duration.ofMinutes(3));
        AlertLease b = new AlertLease(leases, AlertsComponent.LEASE, "b", Duration.ofMinutes(3));

        assertThat(a.mailsShared()).isTrue();
        assertThat(b.mailsShared()).isFalse();
        assertThat(a.mailsShared()).isTrue();

        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("DROP ALL OBJECTS");
        }
        assertThat(b.mailsShared()).as("without the database every node mails").isTrue();
        assertThat(new AlertLease(null, AlertsComponent.LEASE, "c", Duration.ofMinutes(3)).mailsShared()).isTrue();
    }

    private List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                subjects.add(m.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return subjects;
    }
}
