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

    @ObjectClassDefinition(name = "Postmottak archive: ACOS Websak+ Integration API",
            description = "Files items as incoming journalposts on a chosen or fallback case in WebSak.")
    public @interface Config {

        @AttributeDefinition(name = "API base URL",
                description = "The installation's API root, e.g. https://websak.example.no/api/websak")
        String base_url();

        @AttributeDefinition(name = "Token URL", description = "IdentityServer token endpoint (…/connect/token).")
        String token_url();

        @AttributeDefinition(name = "Client id")
        String client_id();

        /** Property {@code .client.secret}: the leading dot keeps it out of the service properties. */
        @AttributeDefinition(name = "Client secret", type = AttributeType.PASSWORD)
        String _client_secret();

        @AttributeDefinition(name = "Scope")
        String scope() default "integration";

        @AttributeDefinition(name = "Incoming-letter template", description = "malJpId of the journalpost "
                + "template for incoming letters (sets type I, status and dates).")
        int journalpost_template_id();

        @AttributeDefinition(name = "Fallback case id", description = "sakId of the distribution case "
                + "(fordelingssak) used when the clerk chose no case; 0 for none.")
        int fallback_case_id() default 0;

        @AttributeDefinition(name = "Connect timeout (seconds)")
        int connect_timeout_seconds() default 10;

        @AttributeDefinition(name = "Request timeout (seconds)")
        int request_timeout_seconds() default 120;

        String webconsole_configurationFactory_nameHint() default "WebSak {base.url}";
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
