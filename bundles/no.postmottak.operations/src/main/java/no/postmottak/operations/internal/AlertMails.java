package no.postmottak.operations.internal;

import java.time.Instant;

/**
 * The alert mails, in Norwegian: what is wrong, since when, and what to do. They carry what the findings carry
 * (org numbers, forsendelse ids, account and key names) and nothing else: no passwords, no names of people.
 */
final class AlertMails {

    /** A subject and a body. */
    record Mail(String subject, String body) {
    }

    private static final String FOOTER = "\n\nDu får én e-post når et problem oppstår og én når det er løst, aldri "
            + "flere om det samme. Helsesjekkene finnes også i Karaf-konsollet (postmottak:health) og på "
            + "administrasjonssiden.\n";

    private AlertMails() {
    }

    static Mail started(AlertTracker.Event e, String installation) {
        Finding f = e.finding();
        String severity = f.level() == Finding.Level.CRITICAL ? "Feil" : "Advarsel";
        String body = "Postmottaket " + installation + " har oppdaget et problem som krever handling.\n\n"
                + "Hva: " + f.text() + "\n"
                + "Siden: " + Texts.time(e.since()) + "\n"
                + "Helsesjekk: " + f.area().checkName + "\n"
                + (f.advice().isEmpty() ? "" : "\nDette gjør du: " + f.advice() + "\n")
                + FOOTER;
        return new Mail("[Postmottak " + installation + "] " + severity + ": " + f.title(), body);
    }

    static Mail ended(AlertTracker.Event e, Instant now, String installation) {
        Finding f = e.finding();
        String body = "Problemet er løst: " + f.title() + ".\n\n"
                + "Det varte fra " + Texts.time(e.since()) + " til " + Texts.time(now) + ".\n"
                + "Sist sett: " + f.text() + "\n"
                + FOOTER;
        return new Mail("[Postmottak " + installation + "] Løst: " + f.title(), body);
    }

    static Mail permanentFailures(String channel, String account, long count, String installation) {
        String body = "Postmottaket " + installation + " har meldt " + count + " forsendelse(r) til " + channel
                + "-kontoen «" + account + "» som permanent feilet. Avsenderen får dem da levert på annen måte "
                + "(for SvarUt: Altinn eller brev), ikke gjennom postmottaket.\n\n"
                + "Dette gjør du: postmottak:svarinn-failed og loggen (no.postmottak.svarinn) viser hvilke "
                + "forsendelser og hvorfor. Gjentar det seg, se feilsøkingstabellen i README.\n"
                + "\nDu får én slik e-post hver gang nye forsendelser blir meldt som permanent feilet.\n";
        return new Mail("[Postmottak " + installation + "] " + count + " forsendelse(r) permanent feilet ("
                + channel + " «" + account + "»)", body);
    }
}
