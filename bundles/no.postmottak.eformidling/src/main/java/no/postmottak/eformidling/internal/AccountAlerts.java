package no.postmottak.eformidling.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import no.postmottak.api.channel.ChannelAlert;
import no.postmottak.api.channel.ChannelAlert.Kind;
import no.postmottak.api.channel.ChannelAlert.Severity;
import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.channel.support.PollAlerts;
import no.postmottak.channel.support.PollLoop;
import no.postmottak.eformidling.internal.MessageResult.Outcome;

/**
 * Turns an integrasjonspunkt configuration's status into the channel status the administration page shows: typed
 * alerts in Norwegian, most urgent first. Plain logic, so every rule has a unit test.
 */
public final class AccountAlerts {

    public static final String CHANNEL = "eFormidling";

    private AccountAlerts() {
    }

    /**
     * @param svarInnOrgnrs org numbers that a SvarInn account here fetches, with that account's name
     */
    public static ChannelStatus channelStatus(AccountStatus s, Map<String, String> svarInnOrgnrs) {
        IpPoller.PollerStatus p = s.poller();
        PollLoop.Status poll = p == null ? null : p.poll();
        return new ChannelStatus(CHANNEL, s.account(), s.orgnrs(),
                PollAlerts.state(poll == null ? null : poll.state(), s.refusal() != null),
                poll == null ? null : PollAlerts.lastPoll(poll.lastPoll(), poll.lastPollEnded(), poll.lastOutcome(),
                        poll.lastResult()),
                poll == null ? null : poll.nextPoll(), p == null ? 0 : p.received(), p == null ? 0 : p.failed(),
                alerts(s, svarInnOrgnrs));
    }

    static List<ChannelAlert> alerts(AccountStatus s, Map<String, String> svarInnOrgnrs) {
        List<ChannelAlert> alerts = new ArrayList<>();
        IpPoller.PollerStatus p = s.poller();
        PollLoop.Status poll = p == null ? null : p.poll();
        PollAlerts.stateAlert(poll == null ? null : poll.state(), poll == null ? null : poll.message(),
                s.refusal(), poll == null ? null : poll.lastOutcome(), poll == null ? null : poll.lastResult())
                .ifPresent(alerts::add);
        List<MessageResult> unreadable = s.failedMessages().stream()
                .filter(r -> r.outcome() == Outcome.UNREADABLE).toList();
        if (!unreadable.isEmpty()) {
            alerts.add(new ChannelAlert(Kind.ITEMS_FAILED, Severity.ERROR, unreadable.size() + " melding(er) kan"
                    + " ikke leses og ligger igjen i integrasjonspunktet (postmottak:eformidling-failed viser alle)."
                    + " Første: " + unreadable.get(0).messageId() + ": " + unreadable.get(0).message()));
        }
        List<MessageResult> retried = s.failedMessages().stream()
                .filter(r -> r.outcome() != Outcome.UNREADABLE).toList();
        if (!retried.isEmpty()) {
            alerts.add(new ChannelAlert(Kind.ITEMS_FAILED, Severity.WARNING, retried.size() + " melding(er) ble"
                    + " ikke mottatt og prøves igjen. Første: " + retried.get(0).messageId() + ": "
                    + retried.get(0).message()));
        }
        if (p != null && p.lastReceipts().failed() > 0) {
            alerts.add(new ChannelAlert(Kind.ITEMS_FAILED, Severity.WARNING, p.lastReceipts().failed()
                    + " kvittering(er) til avsendere kunne ikke sendes og prøves igjen ved hver henting. Første: "
                    + p.lastReceipts().firstError()));
        }
        if (p != null) {
            Map<String, String> both = new TreeMap<>();
            p.dpfOrgnrs().stream().filter(svarInnOrgnrs::containsKey)
                    .forEach(orgnr -> both.put(orgnr, svarInnOrgnrs.get(orgnr)));
            both.forEach((orgnr, svarInnAccount) -> alerts.add(new ChannelAlert(Kind.CONFIGURATION,
                    Severity.WARNING, "To systemer henter SvarUt-post for organisasjonsnummer " + orgnr
                    + ": SvarInn-kontoen «" + svarInnAccount + "» og integrasjonspunktet «" + s.account()
                    + "» (DPF). Post lagres bare én gang, men de to tar hverandres post. Skru av DPF-mottak i"
                    + " integrasjonspunktet (difi.move.fiks.inn.enable=false) eller fjern organisasjonsnummeret"
                    + " fra SvarInn-kontoen.")));
        }
        if (!s.authenticated()) {
            alerts.add(new ChannelAlert(Kind.CONFIGURATION, Severity.WARNING, "Integrasjonspunktet brukes uten"
                    + " brukernavn og passord. Integrasjonspunkt v4 krever innlogging; sett username og .password."));
        }
        return PollAlerts.mostUrgentFirst(alerts);
    }
}
