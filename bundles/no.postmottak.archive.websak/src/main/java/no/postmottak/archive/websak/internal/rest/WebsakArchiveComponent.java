package no.postmottak.archive.websak.internal.rest;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveProvider;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.archive.ArchiveRequest;

/** One Websak+ Integration API installation per factory configuration. */
@Component(service = ArchiveProvider.class, configurationPid = WebsakArchiveComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = ArchiveProvider.KIND + "=" + WebsakArchiver.KIND)
@Designate(ocd = WebsakArchiveComponent.Config.class, factory = true)
public final class WebsakArchiveComponent implements ArchiveProvider {

    static final String PID = "no.postmottak.archive.websak";

    @ObjectClassDefinition(name = "Postmottak arkivmål: ACOS WebSak+ (Integration API)",
            description = "Arkiverer post som inngående journalposter på valgt sak eller fordelingssaken i WebSak.")
    public @interface Config {

        @AttributeDefinition(name = "Navn", required = false, description = "Arkivmålets navn, unikt i "
                + "installasjonen, f.eks. fjordvik-websak. Organisasjoner velger arkivmål med archive.target = navnet.")
        String name() default "";

        @AttributeDefinition(name = "API-adresse",
                description = "Rotadressen til installasjonens API, f.eks. https://websak.example.no/api/websak")
        String base_url();

        @AttributeDefinition(name = "Token-adresse", description = "IdentityServers token-endepunkt (…/connect/token).")
        String token_url();

        @AttributeDefinition(name = "Klient-id")
        String client_id();

        /** Property {@code .client.secret}: the leading dot keeps it out of the service properties. */
        @AttributeDefinition(name = "Klienthemmelighet", type = AttributeType.PASSWORD)
        String _client_secret();

        @AttributeDefinition(name = "Scope (omfang)")
        String scope() default "integration";

        @AttributeDefinition(name = "Journalpostmal for inngående brev", description = "malJpId for malen som "
                + "setter type I, status og datoer.")
        int journalpost_template_id();

        @AttributeDefinition(name = "Fordelingssakens id", description = "sakId for fordelingssaken som brukes når "
                + "saksbehandleren ikke velger sak; 0 for ingen.")
        int fallback_case_id() default 0;

        @AttributeDefinition(name = "Tidsavbrudd for tilkobling (sekunder)")
        int connect_timeout_seconds() default 10;

        @AttributeDefinition(name = "Tidsavbrudd for forespørsel (sekunder)")
        int request_timeout_seconds() default 120;

        String webconsole_configurationFactory_nameHint() default "{name}: WebSak {base.url}";
    }

    private final WebsakArchiver archiver;

    @Activate
    public WebsakArchiveComponent(Config c) {
        URI base = httpUri("base.url", c.base_url());
        URI tokenUrl = httpUri("token.url", c.token_url());
        if (c.journalpost_template_id() <= 0) {
            throw new IllegalArgumentException(PID + ": journalpost.template.id is required");
        }
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(Math.max(1, c.connect_timeout_seconds()))).build();
        Duration timeout = Duration.ofSeconds(Math.max(1, c.request_timeout_seconds()));
        TokenSource tokens = new TokenSource(tokenUrl, c.client_id(), c._client_secret(), c.scope(), http, timeout,
                Clock.systemUTC());
        this.archiver = new WebsakArchiver(new WebsakApi(base, tokens, http, timeout), c.journalpost_template_id(),
                c.fallback_case_id() > 0 ? c.fallback_case_id() : null);
    }

    private static URI httpUri(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(PID + ": " + name + " is required");
        }
        URI uri = URI.create(value.strip());
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException(PID + ": " + name + " must be an http(s) URL: " + uri);
        }
        return uri;
    }

    @Override
    public ArchiveReceipt archive(ArchiveRequest request) throws ArchiveException {
        return archiver.archive(request);
    }
}
