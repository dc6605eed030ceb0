package no.postmottak.archive.websak.internal.acos;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveProvider;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.arkivmelding.ArkivmeldingSettings;
import no.postmottak.arkivmelding.ArkivmeldingVersion;
import no.postmottak.arkivmelding.ArkivmeldingWriter;

/** One Acos Mottak WebApi target per factory configuration. */
@Component(service = ArchiveProvider.class, configurationPid = AcosMottakArchiveComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = ArchiveProvider.KIND + "=" + AcosMottakClient.KIND)
@Designate(ocd = AcosMottakArchiveComponent.Config.class, factory = true)
public final class AcosMottakArchiveComponent implements ArchiveProvider {

    static final String PID = "no.postmottak.archive.acosmottak";

    @ObjectClassDefinition(name = "Postmottak arkivmål: ACOS Mottak (WebApi)",
            description = "Leverer post som arkivmelding-zip til ACOS Mottak, mottakskøen i WebSak.")
    public @interface Config {

        @AttributeDefinition(name = "Navn", required = false, description = "Arkivmålets navn, unikt i "
                + "installasjonen, f.eks. fjordvik-websak. Organisasjoner velger arkivmål med archive.target = navnet.")
        String name() default "";

        @AttributeDefinition(name = "Adresse", description = "WebApi-ets grunnadresse, uten /api/{tenant}.")
        String base_url();

        /** Property {@code .tenant}: the leading dot keeps the key out of the service properties. */
        @AttributeDefinition(name = "Leietakernøkkel (tenant)", type = AttributeType.PASSWORD,
                description = "GUID-nøkkelen ACOS utsteder; den inngår i hver forespørsels adresse.")
        String _tenant();

        @AttributeDefinition(name = "Arkivmelding-skjema", options = {
                @Option(label = "eFormidling (integrasjonspunkt, standard)", value = "eformidling"),
                @Option(label = "Arkivmelding v1", value = "v1")})
        String schema_version() default "eformidling";

        @AttributeDefinition(name = "Systemnavn", description = "Arkivmeldingens system og opprettetAv.")
        String system_name() default "Postmottak";

        @AttributeDefinition(name = "Administrativ enhet", description = "Saksmappens administrativEnhet.")
        String administrativ_enhet() default "Postmottak";

        @AttributeDefinition(name = "Tidsavbrudd for tilkobling (sekunder)")
        int connect_timeout_seconds() default 10;

        @AttributeDefinition(name = "Tidsavbrudd for forespørsel (sekunder)", description = "For hele opplastingen og svaret.")
        int request_timeout_seconds() default 300;

        String webconsole_configurationFactory_nameHint() default "{name}: ACOS Mottak {base.url}";
    }

    private final AcosMottakClient client;

    @Activate
    public AcosMottakArchiveComponent(Config config) {
        if (config.base_url() == null || config.base_url().isBlank()) {
            throw new IllegalArgumentException(PID + ": base.url is required");
        }
        URI base = URI.create(config.base_url().strip());
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme())) {
            throw new IllegalArgumentException(PID + ": base.url must be an http(s) URL: " + base);
        }
        ArkivmeldingSettings settings = new ArkivmeldingSettings(ArkivmeldingVersion.parse(config.schema_version()),
                config.system_name(), config.system_name(), config.administrativ_enhet(), null, null, null, null);
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(Math.max(1, config.connect_timeout_seconds())))
                .build();
        this.client = new AcosMottakClient(base, config._tenant(), ArkivmeldingWriter.create(settings), http,
                Duration.ofSeconds(Math.max(1, config.request_timeout_seconds())));
    }

    @Override
    public ArchiveReceipt archive(ArchiveRequest request) throws ArchiveException {
        return client.deliver(request);
    }
}
