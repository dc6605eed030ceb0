package no.postmottak.eformidling.internal.component;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import no.postmottak.channel.support.InFlight;

@ObjectClassDefinition(name = "Postmottak: integrasjonspunkt (eFormidling)",
        description = "Ett integrasjonspunkt som Postmottak henter eFormidling-post fra, for organisasjonsnumrene"
                + " det betjener.")
public @interface IntegrasjonspunktConfig {

    @AttributeDefinition(name = "Adresse", description = "Integrasjonspunktets REST-API (fagsystem-API-et), f.eks."
            + " http://localhost:9093")
    String base_url() default "http://localhost:9093";

    @AttributeDefinition(name = "Brukernavn", required = false, description = "Brukeren integrasjonspunktet krever"
            + " (difi.security.user.name); v4 har innlogging på som standard. Tomt: uten innlogging")
    String username() default "";

    @AttributeDefinition(name = "Passord", type = AttributeType.PASSWORD, required = false,
            description = "Helst som $[secret:navn] eller $[env:NAVN]. Punktumet foran holder det utenfor"
                    + " tjenesteegenskapene")
    String _password() default "";

    @AttributeDefinition(name = "Organisasjonsnummer", description = "Organisasjonsnumrene integrasjonspunktet tar"
            + " imot for (mottaker 0192:<orgnr>). Hver henting filtrerer på dem.")
    String[] orgnrs();

    @AttributeDefinition(name = "Tjenester", description = "Hvilke meldingstjenester som hentes: DPO"
            + " (eFormidling) som standard; DPF (SvarUt gjennom integrasjonspunktet) bare når integrasjonspunktet"
            + " tar imot SvarUt-post og ingen SvarInn-konto her henter for de samme organisasjonsnumrene")
    String[] service_identifiers() default {"DPO"};

    @AttributeDefinition(name = "Prosesser", required = false, description = "Hvilke prosesser som hentes;"
            + " tom liste: alle. Standard: arkivmelding-prosessene, taushetsbelagt og svar (kvitteringer)")
    String[] processes() default {
        "urn:no:difi:profile:arkivmelding:administrasjon:ver1.0",
        "urn:no:difi:profile:arkivmelding:helseSosialOgOmsorg:ver1.0",
        "urn:no:difi:profile:arkivmelding:kulturIdrettOgFritid:ver1.0",
        "urn:no:difi:profile:arkivmelding:naturOgMiljoe:ver1.0",
        "urn:no:difi:profile:arkivmelding:naeringsutvikling:ver1.0",
        "urn:no:difi:profile:arkivmelding:oppvekstOgUtdanning:ver1.0",
        "urn:no:difi:profile:arkivmelding:planByggOgGeodata:ver1.0",
        "urn:no:difi:profile:arkivmelding:skatterOgAvgifter:ver1.0",
        "urn:no:difi:profile:arkivmelding:tekniskeTjenester:ver1.0",
        "urn:no:difi:profile:arkivmelding:trafikkReiserOgSamferdsel:ver1.0",
        "urn:no:difi:profile:arkivmelding:taushetsbelagt:ver1.0",
        "urn:no:difi:profile:arkivmelding:response:ver1.0"};

    @AttributeDefinition(name = "Hente-intervall (sekunder)", description = "Hvor ofte køen sjekkes")
    long poll_interval_seconds() default 60;

    @AttributeDefinition(name = "Nye forsøk etter tapt lås", description = "Når låsen fra peek er gått ut før"
            + " nedlasting eller sletting (HTTP 400), hentes meldingen på nytt så mange ganger i samme henting")
    int lock_retries() default 3;

    @AttributeDefinition(name = "Forsøk på uleselige meldinger", description = "En melding som ikke kan leses,"
            + " blir liggende i integrasjonspunktet og varsles; etter så mange forsøk lastes den ikke ned igjen før"
            + " noen velger «hent nå». 0: prøv ved hver henting")
    int failure_max_attempts() default 3;

    @AttributeDefinition(name = "Varighet for nodens hentelås (sekunder)", description = "Med flere noder henter"
            + " bare den som har låsen. Den fornyes mens noden lever; stopper noden, overtar en annen etter så lang tid"
            + " (pluss en firedel). Minst 4")
    long lease_ttl_seconds() default 60;

    @AttributeDefinition(name = "Tidsavbrudd for tilkobling (sekunder)")
    long connect_timeout_seconds() default 10;

    @AttributeDefinition(name = "Tidsavbrudd for svar (sekunder)", description = "Venting på at et svar begynner")
    long read_timeout_seconds() default 60;

    @AttributeDefinition(name = "Største melding (byte)", description = "eFormidling tillater 1 GB per melding")
    long max_message_bytes() default 1_200_000_000L;

    @AttributeDefinition(name = "Største utpakkede innhold (byte)", description = "Grense mot zip-bomber")
    long max_unpacked_bytes() default 4_000_000_000L;

    @AttributeDefinition(name = "Kvittering ved arkivering", description = "Send arkivmelding_kvittering OK med"
            + " journalpostnummeret til avsenderen når saksbehandleren arkiverer (avsenderen ser LEST)")
    boolean receipt_on_archive() default true;

    @AttributeDefinition(name = "Kvittering ved sletting", description = "Hva avsenderen får når meldingen slettes"
            + " eller videresendes her (avsenderen ser FEIL ved NOTSUPPORTED og ERROR)", options = {
            @Option(label = "NOTSUPPORTED: ikke støttet her", value = "NOTSUPPORTED"),
            @Option(label = "ERROR: feil", value = "ERROR"),
            @Option(label = "Ingen kvittering", value = "NONE")})
    String receipt_on_delete() default "NOTSUPPORTED";

    @AttributeDefinition(name = "Kvittering ved uleselig melding", description = "Send arkivmelding_kvittering ERROR"
            + " til avsenderen når en melding ikke kan leses etter siste forsøk (avsenderen ser FEIL og kan sende på"
            + " nytt); meldingen blir liggende i integrasjonspunktet uansett")
    boolean receipt_on_unreadable() default true;

    @AttributeDefinition(name = "Mellomlager", required = false, description = "Mappe der en nedlastet melding"
            + " ligger mens den leses. Tomt: ${karaf.data}/postmottak/eformidling/<navn>")
    String spool_folder() default "";

    @AttributeDefinition(name = "Meldinger som hentes samtidig", description = "Hvor mange meldinger kontoen laster"
            + " ned og lagrer på én gang. Hver melding behandles for seg og slettes fra integrasjonspunktet først når"
            + " den er lagret. 4 passer for en maskin med 2 kjerner. Hver melding bruker høyst 4 MiB minne til"
            + " mellomlagring (i tillegg til mellomlageret på disk) og en forbindelse til databasen mens den lagres")
    int items_in_flight() default InFlight.DEFAULT;

    String webconsole_configurationFactory_nameHint() default "Integrasjonspunkt {base.url} ({orgnrs})";
}
