package no.postmottak.svarinn.internal.component;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import no.postmottak.channel.support.InFlight;

@ObjectClassDefinition(name = "Postmottak: SvarInn-konto",
        description = "Ett mottakersystem i KS SvarUt, som hentes for alle organisasjonsnumrene det har.")
public @interface SvarInnAccountConfig {

    @AttributeDefinition(name = "API-versjon", description = "v2 er SvarInn-API-et KS anbefaler; v1 (Mottaksservice)"
            + " er merket som utfaset. Endres uten omstart, og post som alt er lagret, hentes ikke på nytt", options = {
            @Option(label = "SvarInn V2", value = "v2"), @Option(label = "SvarInn V1 (utfaset)", value = "v1")})
    String api_version() default "v2";

    @AttributeDefinition(name = "Adresse", description = "Rotadressen til SvarUt-tjenestene i miljøet (samme for"
            + " v1 og v2; en v1-adresse som slutter på /svarinn, virker også)", options = {
            @Option(label = "Produksjon", value = "https://svarut.ks.no/tjenester"),
            @Option(label = "Test", value = "https://test.svarut.ks.no/tjenester")})
    String base_url() default "https://svarut.ks.no/tjenester";

    @AttributeDefinition(name = "Brukernavn", description = "Mottakersystemets brukernavn fra fanen «Tjenester» i"
            + " SvarUt")
    String username();

    @AttributeDefinition(name = "Tjenestepassord", type = AttributeType.PASSWORD,
            description = "Generert i SvarUt; oppgi det helst som $[secret:navn] eller $[env:NAVN]. Punktumet foran"
                    + " holder det utenfor tjenesteegenskapene")
    String _password();

    @AttributeDefinition(name = "Organisasjonsnumre", description = "Organisasjonsnumrene som er registrert på"
            + " mottakersystemet. Hvert organisasjonsnummer kan bare hentes av én konto.")
    String[] orgnrs();

    @AttributeDefinition(name = "Henteintervall (sekunder)", description = "KS anbefaler 15 minutter")
    long poll_interval_seconds() default 900;

    @AttributeDefinition(name = "Varighet for nodens hentelås (sekunder)", description = "Med flere noder henter"
            + " bare den som har låsen. Den fornyes mens noden lever; stopper noden, overtar en annen etter så lang tid"
            + " (pluss en firedel). Minst 4")
    long lease_ttl_seconds() default 60;

    @AttributeDefinition(name = "Tidsavbrudd for tilkobling (sekunder)")
    long connect_timeout_seconds() default 10;

    @AttributeDefinition(name = "Tidsavbrudd for svar (sekunder)", description = "Venting på at et svar begynner")
    long read_timeout_seconds() default 60;

    @AttributeDefinition(name = "Kontroll av sjekksum", description = "strict: avvik i størrelse eller SHA-256, eller"
            + " en fil som mangler eller er i tillegg, gjør at forsendelsen feiler; warn: den tas imot og avviket"
            + " logges", options = {
            @Option(label = "Streng", value = "strict"), @Option(label = "Bare advarsel", value = "warn")})
    String hash_verification() default "strict";

    @AttributeDefinition(name = "Permanent feil etter forsøk", description = "En forsendelse som ikke kan tas imot,"
            + " meldes som permanent feil (SvarUt sender den da via Altinn eller post) etter så mange forsøk;"
            + " 0 = aldri, en driftsansvarlig avgjør")
    int failure_permanent_after_attempts() default 3;

    @AttributeDefinition(name = "Meld midlertidige feil", description = "Fortell SvarUt om mislykte forsøk før det"
            + " permanente (vises i avsenderens logg)")
    boolean failure_report_temporary() default true;

    @AttributeDefinition(name = "Forsendelsestyper som avvises", required = false,
            description = "Forsendelsestyper (V1 forsendelseType, V2 type) denne installasjonen ikke tar imot")
    String[] refused_forsendelse_types() default {};

    @AttributeDefinition(name = "Største utpakkede størrelse per forsendelse (byte)", description = "Vern mot"
            + " zip-bomber")
    long max_unpacked_bytes() default 53687091200L;

    @AttributeDefinition(name = "Forsendelser som hentes samtidig", description = "Hvor mange forsendelser kontoen"
            + " laster ned og lagrer på én gang. Hver forsendelse behandles for seg og kvitteres først når den er"
            + " lagret. 4 passer for en maskin med 2 kjerner; mer kan gi raskere mottak av mange små forsendelser"
            + " på flere kjerner. Hver forsendelse bruker høyst 4 MiB minne til mellomlagring og en forbindelse til"
            + " databasen mens den lagres")
    int items_in_flight() default InFlight.DEFAULT;

    String webconsole_configurationFactory_nameHint() default "SvarInn {username} ({orgnrs}) {api.version}";
}
