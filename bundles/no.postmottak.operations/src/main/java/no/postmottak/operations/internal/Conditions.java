package no.postmottak.operations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import no.postmottak.api.channel.ChannelAlert;
import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.OrganisationView;
import no.postmottak.api.keystore.KeyInfo;
import no.postmottak.operations.internal.Finding.Area;
import no.postmottak.operations.internal.Finding.Level;

/**
 * The rules of Postmottak's health checks, on plain inputs and a clock, so each rule has a unit test. The same
 * findings feed the Felix health checks, the alert mails and the health metric.
 */
final class Conditions {

    /**
     * @param untouched          open mail older than this, that nobody acted on, is a problem
     * @param maxSilence         how long an account may go without a successful poll when its channel does not tell
     *                           its poll interval (otherwise twice the interval)
     * @param certificateWarning certificates expiring within this are flagged
     */
    record Limits(Duration untouched, Duration maxSilence, Duration certificateWarning) {
    }

    private static final int UNTOUCHED_SCAN = 1000;

    private volatile Limits limits;
    private final Clock clock;
    /** When each account was first seen, the baseline for one that has never polled successfully. */
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    /** The last success seen per account, for channels that report only their last poll. */
    private final Map<String, Instant> lastSeenSuccess = new ConcurrentHashMap<>();

    Conditions(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** New limits take effect at the next evaluation; nothing restarts. */
    void limits(Limits limits) {
        this.limits = limits;
    }

    Instant now() {
        return clock.instant();
    }

    /** Each account polled successfully within twice its interval, or is on standby while another node polls. */
    List<Finding> channels(Collection<ChannelStatus> statuses) {
        Instant now = clock.instant();
        List<Finding> findings = new ArrayList<>();
        for (ChannelStatus s : statuses) {
            String key = "kanal:" + s.channel() + "/" + s.account();
            String label = s.channel() + "-kontoen «" + s.account() + "»";
            Instant seen = firstSeen.computeIfAbsent(key, k -> now);
            ChannelAlert worst = s.alerts().isEmpty() ? null : s.alerts().get(0);
            switch (s.state()) {
                case STOPPED -> findings.add(new Finding(Area.CHANNELS, Level.CRITICAL, key, s.account(),
                        label + " henter ikke post", label + " henter ikke post" + (worst == null ? "."
                        : ": " + worst.text()), Texts.advice(worst == null ? null : worst.kind())));
                case STANDBY -> findings.add(Finding.ok(Area.CHANNELS, key,
                        label + ": en annen node henter for denne kontoen"));
                case ACTIVE -> findings.add(active(s, key, label, seen, worst, now));
            }
        }
        firstSeen.keySet().retainAll(statuses.stream().map(s -> "kanal:" + s.channel() + "/" + s.account()).toList());
        return findings;
    }

    private Finding active(ChannelStatus s, String key, String label, Instant seen, ChannelAlert worst, Instant now) {
        Duration allowed = s.pollInterval() == null ? limits.maxSilence() : s.pollInterval().multipliedBy(2);
        Instant success = lastSuccess(s);
        if (success != null) {
            lastSeenSuccess.put(key, success);
        } else {
            success = lastSeenSuccess.get(key);
        }
        Instant since = success == null ? seen : success;
        if (Duration.between(since, now).compareTo(allowed) <= 0) {
            return Finding.ok(Area.CHANNELS, key, label + (success == null ? " har ikke hentet ennå"
                    : " hentet sist " + Texts.time(success)));
        }
        String last = s.lastPoll() == null ? "" : " Siste henting: " + s.lastPoll().summary() + ".";
        return new Finding(Area.CHANNELS, Level.CRITICAL, key, s.account(), label + " henter ikke post",
                label + (success == null ? " har ikke hentet post" : " har ikke hentet post siden "
                        + Texts.time(success)) + " (grensen er " + Texts.duration(allowed) + ")." + last
                        + (worst == null ? "" : " " + worst.text()),
                Texts.advice(worst == null ? ChannelAlert.Kind.UNREACHABLE : worst.kind()));
    }

    /** The channel's own word, else a last poll that ended well (channels before channel API 1.1). */
    private static Instant lastSuccess(ChannelStatus s) {
        if (s.lastSucceeded() != null) {
            return s.lastSucceeded();
        }
        ChannelStatus.Poll p = s.lastPoll();
        boolean ok = p != null && p.ended() != null && (p.outcome() == ChannelStatus.Outcome.SUCCEEDED
                || p.outcome() == ChannelStatus.Outcome.PARTLY_FAILED);
        return ok ? p.ended() : null;
    }

    /** No account lacks a usable key for its org numbers; every configured key loads. */
    List<Finding> keys(Collection<ChannelStatus> statuses, List<KeyInfo> keys) {
        List<Finding> findings = new ArrayList<>();
        for (ChannelStatus s : statuses) {
            String label = s.channel() + "-kontoen «" + s.account() + "»";
            s.alerts().stream().filter(a -> a.kind() == ChannelAlert.Kind.NO_KEY_FOR_RECIPIENT).findFirst()
                    .ifPresent(a -> findings.add(new Finding(Area.KEYS,
                            a.severity() == ChannelAlert.Severity.ERROR ? Level.CRITICAL : Level.WARN,
                            "nøkkel:" + s.channel() + "/" + s.account(), s.account(),
                            label + " mangler nøkkel", label + ": " + a.text(),
                            Texts.advice(ChannelAlert.Kind.NO_KEY_FOR_RECIPIENT))));
        }
        for (KeyInfo k : keys) {
            if (!k.usable()) {
                findings.add(new Finding(Area.KEYS, Level.WARN, "nøkkel:" + k.name(), null,
                        "Nøkkelen «" + k.name() + "» kan ikke brukes",
                        "Nøkkelen «" + k.name() + "» kan ikke brukes: " + k.problem(),
                        "Rett filen, passordet eller aliaset i nøkkelens konfigurasjon (postmottak:key-list)."));
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.ok(Area.KEYS, "nøkler", keys.size() + " nøkkel(er) er satt opp, og alle kontoer har"
                    + " nøkkel for sine organisasjonsnumre"));
        }
        return findings;
    }

    /** No usable certificate expires within the warning period, unless a newer key for the same use outlasts it. */
    List<Finding> certificates(List<KeyInfo> keys) {
        Instant now = clock.instant();
        Instant soon = now.plus(limits.certificateWarning());
        List<Finding> findings = new ArrayList<>();
        for (KeyInfo k : keys) {
            if (!k.usable() || !k.expiresBefore(soon) || supersededBy(k, keys, soon)) {
                continue;
            }
            boolean expired = k.expiresBefore(now);
            String text = "Sertifikatet til nøkkelen «" + k.name() + "» (serienummer " + k.serialHex() + ") "
                    + (expired ? "gikk ut " : "går ut ") + Texts.date(k.notAfter());
            findings.add(new Finding(Area.CERTIFICATES, expired ? Level.CRITICAL : Level.WARN,
                    "sertifikat:" + k.name(), k.account() == null || k.account().isBlank() ? null : k.account(),
                    text, text, Texts.certificateAdvice()));
        }
        if (findings.isEmpty()) {
            findings.add(Finding.ok(Area.CERTIFICATES, "sertifikater", "Ingen sertifikater går ut de neste "
                    + limits.certificateWarning().toDays() + " dagene"));
        }
        return findings;
    }

    /** A rollover: another usable key for the same account or org numbers lasts beyond the warning period. */
    private static boolean supersededBy(KeyInfo k, List<KeyInfo> keys, Instant soon) {
        return keys.stream().anyMatch(o -> o != k && o.usable() && !o.expiresBefore(soon)
                && (java.util.Objects.equals(o.account(), k.account())
                || o.orgnrs().stream().anyMatch(k.orgnrs()::contains)));
    }

    /** No open mail has waited untouched longer than the limit. */
    List<Finding> untouched(Inbox inbox) throws InboxException {
        Instant now = clock.instant();
        List<InboxItem> waiting = inbox.untouchedSince(now.minus(limits.untouched()), UNTOUCHED_SCAN);
        if (waiting.isEmpty()) {
            return List.of(Finding.ok(Area.UNTOUCHED, "ubehandlet", "Ingen post har ventet ubehandlet i mer enn "
                    + Texts.duration(limits.untouched())));
        }
        InboxItem oldest = waiting.stream().min(Comparator.comparing(InboxItem::receivedAt)).orElseThrow();
        String count = (waiting.size() >= UNTOUCHED_SCAN ? "Minst " : "") + waiting.size();
        String title = count + " element(er) har ventet ubehandlet i mer enn " + Texts.duration(limits.untouched());
        return List.of(new Finding(Area.UNTOUCHED, Level.CRITICAL, "ubehandlet", null, title, title
                + ". Eldste: mottatt " + Texts.time(oldest.receivedAt()) + " til organisasjonsnummer "
                + oldest.metadata().recipientOrgnr() + " (" + oldest.metadata().channel() + " "
                + oldest.metadata().channelId() + ").",
                "Be arkivtjenesten arkivere, videresende eller slette posten i innboksen. Post til organisasjoner "
                        + "uten konfigurasjon vises bare for administratoren: sett opp organisasjonen."));
    }

    /** Every configured organisation's archive target is there (exactly one provider with its name). */
    static List<Finding> archiveTargets(List<OrganisationView> organisations) {
        List<Finding> findings = new ArrayList<>();
        for (OrganisationView o : organisations) {
            String who = o.displayName().isBlank() ? o.orgnr() : o.displayName() + " (" + o.orgnr() + ")";
            if (o.archiveAvailable()) {
                findings.add(Finding.ok(Area.ARCHIVE_TARGETS, "arkivmål:" + o.orgnr(), who + " arkiverer i «"
                        + o.archiveTarget().or(o::archiveKind).orElse("?") + "»"));
            } else {
                String problem = o.archiveProblem().orElse("Arkivmålet er ikke tilgjengelig for " + who);
                findings.add(new Finding(Area.ARCHIVE_TARGETS, Level.CRITICAL, "arkivmål:" + o.orgnr(), null,
                        "Arkivmålet for " + who + " er ikke tilgjengelig", problem,
                        "Sjekk at arkivleverandøren med dette navnet er konfigurert og startet (bundle:list, "
                                + "loggen), og at bare én har navnet. Posten blir liggende i innboksen til da."));
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.ok(Area.ARCHIVE_TARGETS, "arkivmål", "Ingen organisasjoner er satt opp ennå"));
        }
        return findings;
    }
}
