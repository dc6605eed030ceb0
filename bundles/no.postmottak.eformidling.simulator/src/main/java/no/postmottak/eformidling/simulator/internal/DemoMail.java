package no.postmottak.eformidling.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import no.postmottak.eformidling.simulator.Message;
import no.postmottak.eformidling.simulator.SimDocument;
import no.postmottak.simulator.content.PdfWriter;

/**
 * Demo mail from state agencies, as their archives send it through eFormidling: letters with their case numbers, a
 * main document and attachments. The senders' organisation numbers are made up (9 digits in the
 * range Digdir's test organisations use).
 */
final class DemoMail {

    private record Letter(String senderOrgnr, String sender, String process, String title, int year, int seq, int jp,
                          String mainTitle, List<String> lines, String attachment) {
    }

    private static final List<Letter> LETTERS = List.of(
            new Letter("910076787", "Statsforvalteren i Vestland", Message.PROCESS_PLAN,
                    "Vedtak i klagesak – dispensasjon for tilbygg, gnr. 12 bnr. 34", 2026, 1184, 6,
                    "Vedtak i klagesak", List.of("Statsforvalteren stadfester kommunens vedtak om dispensasjon.",
                            "", "Klagen frå nabo er vurdert, men gir ikkje grunnlag for å endre vedtaket.",
                            "Vedtaket er endeleg og kan ikkje påklagast, jf. forvaltningslova § 28 tredje ledd."),
                    "Kart over eigedommen"),
            new Letter("910075935", "Statens vegvesen", "urn:no:difi:profile:arkivmelding:trafikkReiserOgSamferdsel:ver1.0",
                    "Uttale til reguleringsplan for fv. 57 ved Storehaugen", 2026, 20417, 2,
                    "Uttale til reguleringsplan", List.of("Statens vegvesen har ingen merknader til planforslaget",
                            "utover krav om frisikt i avkjørselen til fylkesvegen.", "",
                            "Vi ber om å få planen til ny høring dersom avkjørselen blir flytta."), null),
            new Letter("910075951", "Mattilsynet", "urn:no:difi:profile:arkivmelding:naturOgMiljoe:ver1.0",
                    "Varsel om tilsyn med vassverket – drikkevassforskrifta", 2026, 5512, 1,
                    "Varsel om tilsyn", List.of("Mattilsynet varslar tilsyn med kommunen sitt vassverk",
                            "tysdag 14. april kl. 09.00.", "",
                            "Ha klar beredskapsplanen og siste prøvesvar for E. coli og intestinale enterokokkar."),
                    "Sjekkliste for tilsynet"));

    private DemoMail() {
    }

    /** Three letters for each organisation, spread over the last days. */
    static List<Message> messages(List<String> orgnrs) {
        List<Message> messages = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        int n = 0;
        for (String orgnr : orgnrs) {
            for (int i = 0; i < 3; i++) {
                Letter l = LETTERS.get((n + i) % LETTERS.size());
                Message.Builder b = Message.builder().receiver(orgnr).sender(l.senderOrgnr(), l.sender())
                        .process(l.process()).title(l.title()).senderCase(l.year(), l.seq(), l.jp())
                        .created(now.minus(Duration.ofHours(5L * (n * 3 + i) + 1)))
                        .document(SimDocument.of(slug(l.mainTitle()) + ".pdf", "application/pdf", l.mainTitle(),
                                PdfWriter.onePage(l.mainTitle(), letterLines(l))));
                if (l.attachment() != null) {
                    b.document(SimDocument.of(slug(l.attachment()) + ".pdf", "application/pdf", l.attachment(),
                            PdfWriter.onePage(l.attachment(), List.of("Vedlegg til " + l.title()))));
                }
                messages.add(b.build());
            }
            n++;
        }
        return messages;
    }

    private static List<String> letterLines(Letter l) {
        List<String> lines = new ArrayList<>();
        lines.add(l.sender() + "  –  vår referanse " + l.year() + "/" + l.seq() + "-" + l.jp());
        lines.add("");
        lines.add(l.title());
        lines.add("");
        lines.addAll(l.lines());
        lines.add("");
        lines.add("Med helsing");
        lines.add(l.sender());
        lines.add("");
        lines.add("Dokumentet er elektronisk godkjent og har derfor ikkje handskriven signatur.");
        return lines;
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("å", "a")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
