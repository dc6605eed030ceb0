package no.postmottak.svarinn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.postmottak.api.channel.ChannelAlert;
import no.postmottak.api.channel.ChannelAlert.Kind;
import no.postmottak.api.channel.ChannelAlert.Severity;
import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.api.channel.ChannelStatus.Outcome;
import no.postmottak.api.keystore.KeyInfo;

class AccountAlertsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String ORG = "964965226";
    private static final Set<String> ORGS = Set.of(ORG);
    private static final KeyInfo GOOD = key("key-2026", "kommune", List.of(), NOW.plus(Duration.ofDays(400)), null);

    @Test
    void aHealthyAccountHasNoAlertsAndShowsItsLastPoll() {
        ChannelStatus s = AccountAlerts.channelStatus(status(AccountStatus.State.ACTIVE, Outcome.SUCCEEDED,
                List.of()), ORGS, List.of(GOOD), NOW);

        assertThat(s.channel()).isEqualTo("SvarInn");
        assertThat(s.account()).isEqualTo("kommune");
        assertThat(s.orgnrs()).containsExactly(ORG);
        assertThat(s.state()).isEqualTo(ChannelStatus.State.ACTIVE);
        assertThat(s.lastPoll().outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(s.lastPoll().ended()).isEqualTo(NOW.minusSeconds(5));
        assertThat(s.lastPoll().summary()).isEqualTo("2 mottatt, 0 feilet av 2 ventende");
        assertThat(s.received()).isEqualTo(2);
        assertThat(s.alerts()).isEmpty();
    }

    @Test
    void authenticationFailureStopsTheAccountWithARedAlert() {
        ChannelStatus s = AccountAlerts.channelStatus(status(AccountStatus.State.AUTHENTICATION_FAILED, Outcome.FAILED,
                List.of()), ORGS, List.of(GOOD), NOW);

        assertThat(s.state()).isEqualTo(ChannelStatus.State.STOPPED);
        assertThat(s.alerts()).extracting(ChannelAlert::kind).containsExactly(Kind.AUTHENTICATION_FAILED);
        assertThat(s.alerts().get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(s.alerts().get(0).text()).contains("avviste");
    }

    @Test
    void aFailedPollOfAnActiveAccountIsUnreachableAndAFailedItemIsListed() {
        List<ItemResult> failed = List.of(new ItemResult("f-1", ItemResult.Outcome.WILL_RETRY, "kunne ikke dekrypteres"),
                new ItemResult("f-2", ItemResult.Outcome.NO_KEY, "Ingen nøkkel for mottakeren; legg inn den private nøkkelen som hører til sertifikatet: issuer=CN=x, serial=1A"));
        List<ChannelAlert> alerts = AccountAlerts.alerts(status(AccountStatus.State.ACTIVE, Outcome.FAILED, failed),
                ORGS, List.of(GOOD), NOW);

        assertThat(alerts).extracting(ChannelAlert::kind)
                .containsExactly(Kind.NO_KEY_FOR_RECIPIENT, Kind.UNREACHABLE, Kind.ITEMS_FAILED);
        assertThat(alerts.get(0).severity()).as("errors first").isEqualTo(Severity.ERROR);
        assertThat(alerts.get(0).text()).contains("serial=1A");
        assertThat(alerts.get(2).text()).contains("1 forsendelse(r)", "f-1", "kunne ikke dekrypteres");
    }

    @Test
    void aRefusedConfigurationIsAConfigurationError() {
        AccountStatus refused = new AccountStatus("kommune", AccountStatus.State.REFUSED, "To systemer kan ikke hente",
                null, "To systemer kan ikke hente", null, null, null, 0, 0, List.of());
        ChannelStatus s = AccountAlerts.channelStatus(refused, ORGS, List.of(GOOD), NOW);

        assertThat(s.lastPoll()).isNull();
        assertThat(s.alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Kind.CONFIGURATION);
            assertThat(a.text()).isEqualTo("To systemer kan ikke hente");
        });
    }

    @Test
    void certificateExpiringSoonWarnsExpiredIsAnErrorAndARolloverSilencesBoth() {
        KeyInfo soon = key("key-2025", "kommune", List.of(), NOW.plus(Duration.ofDays(10)), null);
        KeyInfo expired = key("key-2024", null, List.of(ORG), NOW.minus(Duration.ofDays(1)), null);
        AccountStatus ok = status(AccountStatus.State.ACTIVE, Outcome.SUCCEEDED, List.of());

        List<ChannelAlert> warned = AccountAlerts.alerts(ok, ORGS, List.of(soon), NOW);
        assertThat(warned).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Kind.CERTIFICATE_EXPIRING);
            assertThat(a.severity()).isEqualTo(Severity.WARNING);
            assertThat(a.text()).contains("key-2025", "06.12.2026");
        });
        assertThat(AccountAlerts.alerts(ok, ORGS, List.of(expired), NOW))
                .anySatisfy(a -> assertThat(a.text()).contains("gikk ut"))
                .extracting(ChannelAlert::severity).contains(Severity.ERROR);
        assertThat(AccountAlerts.alerts(ok, ORGS, List.of(soon, expired, GOOD), NOW)).isEmpty();
    }

    @Test
    void keysForOtherAccountsDoNotCountAndAnOrgWithoutAKeyIsFlagged() {
        KeyInfo otherExpiring = key("other", "annen-konto", List.of("974123456"), NOW.plus(Duration.ofDays(3)), null);
        KeyInfo broken = key("broken", "kommune", List.of(), null, "wrong password");
        AccountStatus ok = status(AccountStatus.State.ACTIVE, Outcome.SUCCEEDED, List.of());

        List<ChannelAlert> alerts = AccountAlerts.alerts(ok, ORGS, List.of(otherExpiring, broken), NOW);

        assertThat(alerts).extracting(ChannelAlert::kind)
                .containsExactlyInAnyOrder(Kind.CONFIGURATION, Kind.NO_KEY_FOR_RECIPIENT);
        assertThat(alerts).allSatisfy(a -> assertThat(a.severity()).isEqualTo(Severity.WARNING));
        assertThat(alerts).anySatisfy(a -> assertThat(a.text()).contains("«broken»", "wrong password"));
        assertThat(AccountAlerts.alerts(ok, ORGS, List.of(), NOW)).singleElement()
                .satisfies(a -> assertThat(a.severity()).as("no usable key at all").isEqualTo(Severity.ERROR));
    }

    @Test
    void aKeyNamingOrgNumbersServesThoseOnly() {
        KeyInfo demo = key("key-demo", "demo", List.of("921123450", "964965226"), NOW.plus(Duration.ofDays(400)), null);
        AccountStatus ok = status(AccountStatus.State.ACTIVE, Outcome.SUCCEEDED, List.of());

        assertThat(AccountAlerts.alerts(ok, ORGS, List.of(demo), NOW)).isEmpty();
        assertThat(AccountAlerts.alerts(ok, Set.of("974123456"), List.of(demo), NOW)).extracting(ChannelAlert::kind)
                .containsExactly(Kind.NO_KEY_FOR_RECIPIENT);
    }

    private static AccountStatus status(AccountStatus.State state, Outcome outcome, List<ItemResult> failed) {
        String result = state == AccountStatus.State.AUTHENTICATION_FAILED ? "SvarUt avviste brukernavn eller passord"
                : outcome == Outcome.FAILED ? "SvarInn utilgjengelig" : "2 mottatt, 0 feilet av 2 ventende";
        return new AccountStatus("kommune", state, state == AccountStatus.State.AUTHENTICATION_FAILED ? result : null,
                NOW.minusSeconds(10), result, NOW.minusSeconds(5), outcome, NOW.plusSeconds(900), 2, failed.size(),
                failed);
    }

    private static KeyInfo key(String name, String account, List<String> orgnrs, Instant notAfter, String problem) {
        return new KeyInfo(name, "alias", problem == null ? "CN=Postmottak" : null, "CN=CA", problem == null ? "1A2B"
                : null, notAfter, account, orgnrs, problem);
    }
}
