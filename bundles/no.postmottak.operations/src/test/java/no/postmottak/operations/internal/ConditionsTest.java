package no.postmottak.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.postmottak.api.channel.ChannelAlert;
import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.api.keystore.KeyInfo;
import no.postmottak.operations.internal.Finding.Level;

class ConditionsTest {

    private final Fakes.MutableClock clock = new Fakes.MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final Conditions conditions = new Conditions(new Conditions.Limits(Duration.ofHours(2),
            Duration.ofMinutes(30), Duration.ofDays(30)), clock);

    @Test
    void anAccountIsRedOnlyAfterTwiceItsIntervalWithoutASuccessfulPoll() {
        Instant last = clock.instant();
        ChannelStatus s = Fakes.active("kommune", last, Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(10));
        assertThat(conditions.channels(List.of(s))).singleElement().extracting(Finding::level).isEqualTo(Level.OK);
        clock.advance(Duration.ofSeconds(1));
        assertThat(conditions.channels(List.of(s))).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(Level.CRITICAL);
            assertThat(f.key()).isEqualTo("kanal:SvarInn/kommune");
            assertThat(f.text()).contains("har ikke hentet post siden 01.06.2026 kl. 12:00 (grensen er 10 minutter)");
        });
    }

    @Test
    void withoutAnIntervalTheConfiguredSilenceApplies_andANewAccountGetsItsGraceFromFirstSight() {
        ChannelStatus never = new ChannelStatus("SvarInn", "ny", List.of(), ChannelStatus.State.ACTIVE, null, null,
                0, 0, List.of());
        assertThat(conditions.channels(List.of(never))).singleElement().extracting(Finding::level)
                .isEqualTo(Level.OK);
        clock.advance(Duration.ofMinutes(31));
        assertThat(conditions.channels(List.of(never))).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(Level.CRITICAL);
            assertThat(f.text()).contains("har ikke hentet post (grensen er 30 minutter)");
        });
    }

    @Test
    void standbyIsFineAndStoppedIsRedWithTheChannelsOwnReasonAndAdvice() {
        ChannelStatus standby = new ChannelStatus("SvarInn", "a", List.of(), ChannelStatus.State.STANDBY, null, null,
                0, 0, List.of());
        ChannelStatus stopped = new ChannelStatus("SvarInn", "b", List.of(), ChannelStatus.State.STOPPED, null, null,
                0, 0, List.of(new ChannelAlert(ChannelAlert.Kind.AUTHENTICATION_FAILED, ChannelAlert.Severity.ERROR,
                "SvarUt avviste brukernavn eller passord (HTTP 401)")));

        assertThat(conditions.channels(List.of(standby, stopped))).extracting(Finding::level, Finding::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Level.OK,
                                "SvarInn-kontoen «a»: en annen node henter for denne kontoen"),
                        org.assertj.core.groups.Tuple.tuple(Level.CRITICAL, "SvarInn-kontoen «b» henter ikke post: "
                                + "SvarUt avviste brukernavn eller passord (HTTP 401)"));
        assertThat(conditions.channels(List.of(stopped)).get(0).advice()).contains("postmottak:svarinn-poll");
    }

    @Test
    void untouchedMailTurnsRedWhenTheClockPassesTheLimit() throws Exception {
        Fakes.SmallInbox inbox = new Fakes.SmallInbox();
        inbox.receive("f-1", clock.instant());

        assertThat(conditions.untouched(inbox.inbox())).singleElement().extracting(Finding::level)
                .isEqualTo(Level.OK);
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        assertThat(conditions.untouched(inbox.inbox())).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(Level.CRITICAL);
            assertThat(f.text()).contains("1 element(er) har ventet ubehandlet i mer enn 2 timer",
                    "organisasjonsnummer 921123450 (SVARINN f-1)").doesNotContain("Brev");
        });
        inbox.untouched.clear();
        assertThat(conditions.untouched(inbox.inbox())).singleElement().extracting(Finding::level)
                .isEqualTo(Level.OK);
    }

    @Test
    void missingKeysAndExpiringCertificatesButNotARolledOverOne() {
        Instant now = clock.instant();
        KeyInfo old = key("2025", now.plus(Duration.ofDays(10)), null);
        KeyInfo successor = key("2026", now.plus(Duration.ofDays(400)), null);
        KeyInfo lonely = new KeyInfo("annen", "a", "CN=x", "CN=x", "0B", now.minus(Duration.ofDays(1)), "annen",
                List.of("974123456"), null);
        KeyInfo broken = key("ødelagt", null, "feil passord");
        ChannelStatus noKey = new ChannelStatus("SvarInn", "kommune", List.of(Fakes.ORGNR), ChannelStatus.State.ACTIVE,
                null, null, 0, 0, List.of(new ChannelAlert(ChannelAlert.Kind.NO_KEY_FOR_RECIPIENT,
                ChannelAlert.Severity.ERROR, "Ingen brukbar nøkkel er satt opp for organisasjonsnummer 921123450")));

        assertThat(conditions.certificates(List.of(old, successor, lonely, broken)))
                .extracting(Finding::key, Finding::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sertifikat:annen", Level.CRITICAL));
        assertThat(conditions.certificates(List.of(old))).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(Level.WARN);
            assertThat(f.text()).isEqualTo("Sertifikatet til nøkkelen «2025» (serienummer 0A) går ut 11.06.2026");
        });
        assertThat(conditions.keys(List.of(noKey), List.of(broken))).extracting(Finding::key, Finding::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nøkkel:SvarInn/kommune", Level.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple("nøkkel:ødelagt", Level.WARN));
    }

    @Test
    void anOrganisationWithoutItsArchiveTargetIsRed() {
        List<Finding> findings = Conditions.archiveTargets(List.of(
                Fakes.SmallInbox.organisation("921123450", true, null),
                Fakes.SmallInbox.organisation("974123456", false, "Arkivmål er ikke tilgjengelig for Fjordvik kommune "
                        + "(974123456): arkivmålet «fjordvik-arkiv» finnes ikke")));

        assertThat(findings).extracting(Finding::level).containsExactly(Level.OK, Level.CRITICAL);
        assertThat(findings.get(1).text()).contains("arkivmålet «fjordvik-arkiv» finnes ikke");
    }

    private static KeyInfo key(String name, Instant notAfter, String problem) {
        return new KeyInfo(name, "a", "CN=Postmottak", "CN=Postmottak", "0A", notAfter, "kommune",
                List.of(Fakes.ORGNR), problem);
    }
}
