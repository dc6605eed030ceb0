package no.postmottak.svarinn.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import no.postmottak.api.channel.ChannelAlert;
import no.postmottak.api.channel.ChannelAlert.Kind;
import no.postmottak.api.channel.ChannelAlert.Severity;
import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.api.keystore.KeyInfo;
import no.postmottak.channel.support.PollAlerts;
import no.postmottak.channel.support.PollLoop;

/**
 * Turns a SvarInn account's status and the key store's keys into the channel status the administration page shows:
 * typed alerts in Norwegian, most urgent first. Plain logic, so every alert rule has a unit test.
 */
public final class AccountAlerts {

    public static final String CHANNEL = "SvarInn";
    /** Certificates expiring within this long are flagged, as {@code postmottak:key-list} does. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy")
            .withZone(ZoneId.of("Europe/Oslo"));

    private AccountAlerts() {
    }

    /** The channel status of one account; {@code keys} are all configured keys, {@code now} the current time. */
    public static ChannelStatus channelStatus(AccountStatus s, Collection<String> orgnrs, List<KeyInfo> keys,
                                              Instant now) {
        return new ChannelStatus(CHANNEL, s.account(), List.copyOf(orgnrs),
                PollAlerts.state(loopState(s.state()), s.state() == AccountStatus.State.REFUSED),
                PollAlerts.lastPoll(s.lastPoll(), s.lastPollEnded(), s.lastOutcome(), s.lastResult()), s.nextPoll(),
                s.received(), s.failed(), alerts(s, orgnrs, keys, now));
    }

    static List<ChannelAlert> alerts(AccountStatus s, Collection<String> orgnrs, List<KeyInfo> keys, Instant now) {
        List<ChannelAlert> alerts = new ArrayList<>();
        boolean refused = s.state() == AccountStatus.State.REFUSED;
        PollAlerts.stateAlert(loopState(s.state()), s.message(), refused ? s.message() : null, s.lastOutcome(),
                s.lastResult()).ifPresent(alerts::add);
        List<ItemResult> noKey = s.failedItems().stream()
                .filter(r -> r.outcome() == ItemResult.Outcome.NO_KEY).toList();
        if (!noKey.isEmpty()) {
            alerts.add(error(Kind.NO_KEY_FOR_RECIPIENT, noKey.size() + " forsendelse(r) er kryptert til et"
                    + " sertifikat vi ikke har nøkkel for: " + noKey.get(0).message()));
        }
        long otherFailures = s.failedItems().size() - noKey.size();
        if (otherFailures > 0) {
            ItemResult first = s.failedItems().stream().filter(r -> r.outcome() != ItemResult.Outcome.NO_KEY)
                    .findFirst().orElseThrow();
            alerts.add(new ChannelAlert(Kind.ITEMS_FAILED, Severity.WARNING, otherFailures
                    + " forsendelse(r) kunne ikke mottas (postmottak:svarinn-failed viser alle). Første: "
                    + first.forsendelseId() + ": " + first.message()));
        }
        keyAlerts(s.account(), orgnrs, keys, now, alerts);
        return PollAlerts.mostUrgentFirst(alerts);
    }

    /** Certificate expiry and unusable keys among the keys that serve this account, and org numbers without one. */
    private static void keyAlerts(String account, Collection<String> orgnrs, List<KeyInfo> keys, Instant now,
                                  List<ChannelAlert> alerts) {
        List<KeyInfo> serving = keys.stream().filter(k -> serves(k, account, orgnrs)).toList();
        Instant soon = now.plus(EXPIRY_WARNING);
        // A rolled-over key (a newer usable one that lasts) makes the old one's expiry expected, not a problem.
        boolean lastingKey = serving.stream().anyMatch(k -> k.usable() && !k.expiresBefore(soon));
        for (KeyInfo k : serving) {
            if (!k.usable()) {
                alerts.add(new ChannelAlert(Kind.CONFIGURATION, Severity.WARNING,
                        "Nøkkelen «" + k.name() + "» kan ikke brukes: " + k.problem()));
            } else if (k.expiresBefore(soon) && !lastingKey) {
                boolean expired = k.expiresBefore(now);
                alerts.add(new ChannelAlert(Kind.CERTIFICATE_EXPIRING, expired ? Severity.ERROR : Severity.WARNING,
                        "Sertifikatet til nøkkelen «" + k.name() + "» (serienummer " + k.serialHex() + ") "
                                + (expired ? "gikk ut " : "går ut ") + DATE.format(k.notAfter())
                                + ". Lag en ny nøkkel, last opp sertifikatet i SvarUt og behold begge nøklene"
                                + " til gammel post er hentet."));
            }
        }
        boolean anyUsable = keys.stream().anyMatch(KeyInfo::usable);
        for (String orgnr : orgnrs) {
            if (serving.stream().noneMatch(k -> k.usable() && servesOrg(k, account, orgnr))) {
                alerts.add(new ChannelAlert(Kind.NO_KEY_FOR_RECIPIENT, anyUsable ? Severity.WARNING : Severity.ERROR,
                        "Ingen brukbar nøkkel er satt opp for organisasjonsnummer " + orgnr
                                + " (se postmottak:key-list)."));
            }
        }
    }

    /** A key serves the account when it names the account or one of its org numbers, or names neither (any). */
    static boolean serves(KeyInfo k, String account, Collection<String> orgnrs) {
        return orgnrs.stream().anyMatch(o -> servesOrg(k, account, o))
                || account.equals(k.account()) && k.orgnrs().isEmpty();
    }

    private static boolean servesOrg(KeyInfo k, String account, String orgnr) {
        List<String> keyOrgnrs = k.orgnrs();
        if (!keyOrgnrs.isEmpty()) {
            return keyOrgnrs.contains(orgnr);
        }
        return k.account() == null || k.account().isBlank() || k.account().equals(account);
    }

    private static PollLoop.State loopState(AccountStatus.State state) {
        return state == AccountStatus.State.REFUSED ? PollLoop.State.STOPPED : PollLoop.State.valueOf(state.name());
    }

    private static ChannelAlert error(Kind kind, String text) {
        return new ChannelAlert(kind, Severity.ERROR, text == null ? kind.name() : text);
    }
}
