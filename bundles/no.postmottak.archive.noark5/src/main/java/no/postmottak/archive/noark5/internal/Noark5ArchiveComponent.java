package no.postmottak.archive.noark5.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.CaseNumber;
import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveProvider;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.api.archive.CaseInfo;

/** One Noark 5 (N5WS) archive target per factory configuration. */
@Component(service = ArchiveProvider.class, configurationPid = Noark5ArchiveComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = ArchiveProvider.KIND + "=" + Noark5Archiver.KIND)
@Designate(ocd = Noark5ArchiveComponent.Config.class, factory = true)
public final class Noark5ArchiveComponent implements ArchiveProvider {

    static final String PID = "no.postmottak.archive.noark5";

    @ObjectClassDefinition(name = "Postmottak arkivmål: Noark 5 tjenestegrensesnitt (N5WS)",
            description = "Arkiverer post som inngående journalposter i en arkivkjerne som følger Arkivverkets "
                    + "Noark 5 tjenestegrensesnitt. Bare rotadressen konfigureres; alt annet finnes ved å følge "
                    + "lenkene arkivet oppgir.")
    public @interface Config {

        @AttributeDefinition(name = "Navn", required = false, description = "Arkivmålets navn, unikt i "
                + "installasjonen, f.eks. fjordvik-noark5. Organisasjoner velger arkivmål med archive.target = navnet.")
        String name() default "";

        @AttributeDefinition(name = "Rotadresse", description = "Tjenestegrensesnittets rot-URL, f.eks. "
                + "https://arkiv.example.no/noark5v5/api/")
        String root_url();

        @AttributeDefinition(name = "Påloggingsmåte", options = {
                @Option(label = "Som arkivet annonserer (standard)", value = "auto"),
                @Option(label = "OAuth2, klientlegitimasjon (client credentials)", value = "oauth2-client-credentials"),
                @Option(label = "OAuth2, brukernavn og passord (password grant)", value = "oauth2-password"),
                @Option(label = "Basic (brukernavn og passord)", value = "basic")})
        String auth_method() default "auto";

        @AttributeDefinition(name = "Token-adresse", required = false, description = "OAuth2-tokenendepunkt. Tomt: "
                + "det arkivet annonserer (OpenID Connect eller OAuth2-lenken på roten).")
        String token_url() default "";

        @AttributeDefinition(name = "Klient-id", required = false)
        String client_id() default "";

        /** Property {@code .client.secret}: the leading dot keeps it out of the service properties. */
        @AttributeDefinition(name = "Klienthemmelighet", required = false, type = AttributeType.PASSWORD)
        String _client_secret() default "";

        @AttributeDefinition(name = "Brukernavn", required = false)
        String username() default "";

        /** Property {@code .password}. */
        @AttributeDefinition(name = "Passord", required = false, type = AttributeType.PASSWORD)
        String _password() default "";

        @AttributeDefinition(name = "Scope (omfang)", required = false)
        String scope() default "";

        @AttributeDefinition(name = "Arkiv", required = false, description = "Tittel eller systemID. Tomt: arkivets "
                + "eneste arkiv.")
        String arkiv() default "";

        @AttributeDefinition(name = "Arkivdel", required = false, description = "Tittel eller systemID. Tomt: "
                + "arkivets eneste arkivdel.")
        String arkivdel() default "";

        @AttributeDefinition(name = "Reservesak", required = false, description = "Saksnummer (f.eks. 2026/1) eller "
                + "systemID for saken posten legges på når ingen sak er valgt.")
        String fallback_case() default "";

        @AttributeDefinition(name = "Journalstatus", description = "Kode for nye journalposter, f.eks. M "
                + "(midlertidig registrering av innkommet dokument) eller J (journalført).")
        String journalstatus() default "M";

        @AttributeDefinition(name = "Administrativ enhet", required = false, description = "Mottakende enhet, "
                + "registrert som intern mottaker på journalposten.")
        String administrativ_enhet() default "";

        @AttributeDefinition(name = "Saksbehandler", required = false, description = "Mottakende saksbehandler, "
                + "registrert som intern mottaker på journalposten.")
        String saksbehandler() default "";

        @AttributeDefinition(name = "Bolkstørrelse ved store filer (KiB)", description = "Filer over arkivets "
                + "bulkgrense lastes opp i bolker av denne størrelsen.")
        int chunk_size_kib() default 8192;

        @AttributeDefinition(name = "Tidsavbrudd for tilkobling (sekunder)")
        int connect_timeout_seconds() default 10;

        @AttributeDefinition(name = "Tidsavbrudd for forespørsel (sekunder)")
        int request_timeout_seconds() default 300;

        String webconsole_configurationFactory_nameHint() default "{name}: Noark 5 {root.url}";
    }

    private final Noark5Archiver archiver;

    @Activate
    public Noark5ArchiveComponent(Config c) {
        if (c.root_url() == null || c.root_url().isBlank()) {
            throw new IllegalArgumentException(PID + ": root.url is required");
        }
        Duration timeout = Duration.ofSeconds(Math.max(1, c.request_timeout_seconds()));
        Noark5Settings settings = new Noark5Settings(URI.create(c.root_url().strip()),
                Noark5Settings.AuthMethod.parse(c.auth_method()),
                new Noark5Settings.Login(c.client_id(), c._client_secret(), c.username(), c._password(), c.scope()),
                c.token_url() == null || c.token_url().isBlank() ? null : URI.create(c.token_url().strip()),
                c.arkiv(), c.arkivdel(), c.fallback_case(), c.journalstatus(), c.administrativ_enhet(),
                c.saksbehandler(), Math.max(64, c.chunk_size_kib()) * 1024, timeout);
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(Math.max(1, c.connect_timeout_seconds())))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.archiver = Noark5Client.archiver(settings, http, Clock.systemUTC());
    }

    @Override
    public ArchiveReceipt archive(ArchiveRequest request) throws ArchiveException {
        return archiver.archive(request);
    }

    @Override
    public Optional<CaseInfo> findCase(String orgnr, CaseNumber caseNumber) throws ArchiveException {
        return archiver.findCase(caseNumber);
    }

    @Override
    public boolean canLookUpCases() {
        return true;
    }
}
