package no.postmottak.svarinn.simulator.internal;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import no.postmottak.simulator.content.PdfWriter;
import no.postmottak.svarinn.simulator.Adresse;
import no.postmottak.svarinn.simulator.AvleverendeMetadata;
import no.postmottak.svarinn.simulator.Avsender;
import no.postmottak.svarinn.simulator.Dokument;
import no.postmottak.svarinn.simulator.ForsendelseSpec;
import no.postmottak.svarinn.simulator.ImportMetadata;
import no.postmottak.svarinn.simulator.Lenke;
import no.postmottak.svarinn.simulator.Mottakersystem;
import no.postmottak.svarinn.simulator.SvarInnSimulator;

/**
 * Realistic demo mail for three receiving organisations in two mottakersystems. The credentials are fixed demo
 * values (documented, not secrets): Fjordvik {@value #FJORDVIK_USER} / {@value #FJORDVIK_PASSWORD}, Solberg
 * {@value #SOLBERG_USER} / {@value #SOLBERG_PASSWORD}. Organisation numbers are fictional but MOD11-valid.
 */
public final class DemoSeed {
    public static final String FJORDVIK_USER = "5f0c7a1e-3b8d-4c2a-9e61-7d4b2a9c0f13";
    public static final String FJORDVIK_PASSWORD = "demo-fjordvik-passord";
    public static final String SOLBERG_USER = "c3d9e2b4-8a17-4f5e-b6c0-1e2f3a4b5c6d";
    public static final String SOLBERG_PASSWORD = "demo-solberg-passord";
    public static final String FJORDVIK_KOMMUNE = "921123450";
    public static final String FJORDVIK_HAVN = "921765436";
    public static final String SOLBERG_KOMMUNE = "964000123";

    private static final Adresse FJORDVIK = Adresse.organisasjon("Fjordvik kommune", "Postboks 40", "6899", "Fjordvik", FJORDVIK_KOMMUNE);
    private static final Adresse HAVN = Adresse.organisasjon("Fjordvik havn KF", "Kaivegen 2", "6899", "Fjordvik", FJORDVIK_HAVN);
    private static final Adresse SOLBERG = Adresse.organisasjon("Solberg kommune", "Rådhusplassen 1", "2699", "Solberg", SOLBERG_KOMMUNE);

    private final X509Certificate cert;

    public DemoSeed(X509Certificate cert) {
        this.cert = cert;
    }

    public List<Mottakersystem> seed(SvarInnSimulator sim) {
        Mottakersystem fjordvik = Mottakersystem.of("Fjordvik kommune – Postmottak", FJORDVIK_USER, FJORDVIK_PASSWORD,
                cert, FJORDVIK_KOMMUNE, FJORDVIK_HAVN);
        Mottakersystem solberg = Mottakersystem.of("Solberg kommune – Postmottak", SOLBERG_USER, SOLBERG_PASSWORD,
                cert, SOLBERG_KOMMUNE);
        sim.addMottakersystem(fjordvik);
        sim.addMottakersystem(solberg);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime today = OffsetDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.DAYS);
        int year = today.getYear();

        sim.addForsendelse(base(now.minus(Duration.ofHours(30)), FJORDVIK, "Vedtak om byggetillatelse – gnr 12 bnr 345")
                .avsender(Avsender.of("Fjellbygd kommune, Plan og byggesak", "Postboks 100", "6800", "Fjellbygd"))
                .svarSendesTil(Adresse.organisasjon("Fjellbygd kommune", "Postboks 100", "6800", "Fjellbygd", "940012341"))
                .eksternRef(year + "/1234-7")
                .avleverende(new AvleverendeMetadata(1234, year, year, 20567, 7, "U", "E", now.minus(Duration.ofDays(2)),
                        now.minus(Duration.ofDays(2)), "Vedtak om byggetillatelse – gnr 12 bnr 345", "Kari Nordmann",
                        Map.of("fagsystemRef", "BYGG-98765")))
                .forImport(new ImportMetadata(412, year, "I", null, today.minusDays(2), null))
                .dokument(pdf("Vedtak.pdf", "H", "Vedtak om byggetillatelse – gnr 12 bnr 345",
                        "Fjellbygd kommune har behandlet søknaden om oppføring av garasje på gnr 12 bnr 345.",
                        "Søknaden er innvilget etter plan- og bygningsloven § 20-1. Tiltaket må være fullført innen tre år.",
                        "Vedtaket kan påklages innen tre uker fra det er mottatt. Klagen sendes til kommunen.",
                        "", "Med hilsen", "Kari Nordmann, saksbehandler"))
                .dokument(pdf("Situasjonskart.pdf", "V", "Situasjonskart – gnr 12 bnr 345",
                        "Kartutsnitt målestokk 1:500. Omsøkt garasje er markert med skravur.",
                        "Avstand til nabogrense: 4,2 meter mot nord, 5,0 meter mot øst."))
                .lenke(new Lenke("Se også", "https://www.fjellbygd.kommune.no/byggesak", "Byggesak i Fjellbygd"))
                .build());

        sim.addForsendelse(base(now.minus(Duration.ofHours(20)), FJORDVIK, "Høring – reguleringsplan for Sentrum nord")
                .avsender(Avsender.of("Statsforvalteren i Fjordfylket", "Postboks 7310", "5020", "Bergen"))
                .svarSendesTil(Adresse.organisasjon("Statsforvalteren i Fjordfylket", "Postboks 7310", "5020", "Bergen", "974011220"))
                .eksternRef(year + "/3310")
                .avleverende(new AvleverendeMetadata(3310, year, year, 8811, 2, "U", "F", now.minus(Duration.ofDays(1)),
                        now.minus(Duration.ofDays(1)), null, "Ola Normann", Map.of()))
                .dokument(pdf("Høringsbrev.pdf", "H", "Høring – reguleringsplan for Sentrum nord",
                        "Statsforvalteren sender med dette forslag til reguleringsplan for Sentrum nord på høring.",
                        "Frist for uttalelse er seks uker fra mottak. Merknader om støy og trafikksikkerhet ønskes særlig.",
                        "", "Vennlig hilsen", "Ola Normann, seniorrådgiver"))
                .dokument(pdf("Planbeskrivelse.pdf", "V", "Planbeskrivelse – Sentrum nord",
                        "Planområdet omfatter kvartalene nord for torget, til sammen om lag 38 dekar.",
                        "Formålet er å legge til rette for boliger, forretning og grøntområder langs elva."))
                .dokument(pdf("Plankart.pdf", "V", "Plankart – Sentrum nord", "Plankart i målestokk 1:1000."))
                .lenke(new Lenke("Høringsside", "https://www.example.no/horing/sentrum-nord", "Les mer om høringen"))
                .build());

        sim.addForsendelse(base(now.minus(Duration.ofHours(6)), FJORDVIK, "Svar på søknad om dispensasjon – gnr 45 bnr 7")
                .avsender(Avsender.of("Statens vegvesen", "Postboks 1010 Nordre Ål", "2605", "Lillehammer"))
                .svarSendesTil(Adresse.organisasjon("Statens vegvesen", "Postboks 1010 Nordre Ål", "2605", "Lillehammer", "971032081"))
                .svarPaForsendelse("a8b0d3e2-1c44-4f6e-8d2b-5a9e7f013c66")
                .eksternRef("24/118822-4")
                .forImport(new ImportMetadata(88, year, "I", "J", today.minusDays(1), "Dispensasjon fra byggegrense – gnr 45 bnr 7"))
                .dokument(pdf("Svarbrev.pdf", "H", "Svar på søknad om dispensasjon – gnr 45 bnr 7",
                        "Statens vegvesen har ingen merknader til dispensasjon fra byggegrensen mot fylkesveg 5710,",
                        "forutsatt at avkjørselen opparbeides med frisikt 4 x 45 meter i begge retninger."))
                .build());

        sim.addForsendelse(base(now.minus(Duration.ofHours(3)), HAVN, "Melding om tilsyn – kaianlegg Fjordvik havn")
                .avsender(Avsender.of("Kystverket", "Postboks 1502", "6025", "Ålesund"))
                .dokument(pdf("Tilsynsvarsel.pdf", "H", "Melding om tilsyn – kaianlegg Fjordvik havn",
                        "Kystverket varsler tilsyn med sikring av havneanlegget i uke 48.",
                        "Vi ber om at sikringsplan og avvikslogg for siste år er tilgjengelige ved tilsynet."))
                .build());

        // Confidential (V2 taushetsbelagtPost): kari has postmottak-taushet-921123450 in the demo, per has not.
        sim.addForsendelse(base(now.minus(Duration.ofHours(2)), FJORDVIK, "Bekymringsmelding – barn i Fjordvik skole")
                .avsender(Avsender.of("Fjordvik helsestasjon", "Helsevegen 3", "6899", "Fjordvik"))
                .taushetsbelagt(true).niva("4").avgivendeSystem("EDIALOG")
                .dokument(pdf("Bekymringsmelding.pdf", "H", "Bekymringsmelding",
                        "Helsestasjonen melder bekymring etter samtale med foreldre.",
                        "Opplysningene er taushetsbelagte etter forvaltningsloven § 13."))
                .build());

        sim.addForsendelse(base(now.minus(Duration.ofHours(28)), SOLBERG, "Tilskudd til kulturformål – melding om vedtak")
                .avsender(Avsender.of("Innlandet fylkeskommune", "Postboks 4404 Bedriftssenteret", "2325", "Hamar"))
                .svarSendesTil(Adresse.organisasjon("Innlandet fylkeskommune", "Postboks 4404", "2325", "Hamar", "998877660"))
                .avleverende(new AvleverendeMetadata(77, year, year, 501, 3, "U", "E", now.minus(Duration.ofDays(3)),
                        now.minus(Duration.ofDays(3)), "Tilskudd til kulturformål", "Åse Bråten", Map.of()))
                .dokument(pdf("Tilskuddsbrev.pdf", "H", "Tilskudd til kulturformål – melding om vedtak",
                        "Solberg kommune er tildelt kr 150 000 til kulturformål for året " + year + ".",
                        "Rapport om bruk av midlene sendes innen 1. mars neste år."))
                .build());

        sim.addForsendelse(base(now.minus(Duration.ofHours(1)), SOLBERG, "Matrikkelføring – oppretting av ny grunneiendom")
                .avsender(Avsender.of("Kartverket", "Postboks 600 Sentrum", "3507", "Hønefoss"))
                .forsendelseType("Geointegrasjon.Matrikkelføring")
                .niva("4")
                .dokument(pdf("Matrikkelbrev.pdf", "H", "Matrikkelføring – gnr 30 bnr 112",
                        "Ny grunneiendom gnr 30 bnr 112 er ført i matrikkelen.", "Arealet er beregnet til 812,4 m²."))
                .build());
        return List.of(fjordvik, solberg);
    }

    private static ForsendelseSpec.Builder base(Instant date, Adresse mottaker, String tittel) {
        return ForsendelseSpec.builder().date(date).mottaker(mottaker).tittel(tittel);
    }

    private static Dokument pdf(String filnavn, String dokumentType, String title, String... lines) {
        return Dokument.of(filnavn, "application/pdf", dokumentType, PdfWriter.onePage(title, List.of(lines)));
    }
}
