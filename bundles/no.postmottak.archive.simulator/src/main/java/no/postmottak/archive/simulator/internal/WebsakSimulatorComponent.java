package no.postmottak.archive.simulator.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.archive.simulator.WebsakSimulator;

/**
 * Runs the WebSak simulator inside Karaf for demos, seeded with an incoming-letter template (id 1000) and a
 * distribution case (id 1001). The PID keeps its old name: demo configurations and itests use it.
 */
@Component(service = {}, configurationPid = WebsakSimulatorComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = WebsakSimulatorComponent.Config.class)
public final class WebsakSimulatorComponent {

    static final String PID = "no.postmottak.archive.websak.simulator";
    private static final Logger LOG = LoggerFactory.getLogger(WebsakSimulatorComponent.class);

    @ObjectClassDefinition(name = "Postmottak demo: simulator av Websak+ Integration API",
            description = "En falsk WebSak for tester og demo. Skal aldri slås på i produksjon.")
    public @interface Config {
        @AttributeDefinition(name = "Port", description = "Port på 127.0.0.1; 0 velger en ledig.")
        int port() default 9006;

        @AttributeDefinition(name = "Klient-id")
        String client_id() default "postmottak";

        @AttributeDefinition(name = "Klienthemmelighet", type = AttributeType.PASSWORD)
        String _client_secret();

        @AttributeDefinition(name = "Saksnummer for fordelingssaken",
                description = "visningId for saken simulatoren starter med.")
        String fallback_case_number() default "2026/1";
    }

    private final WebsakSimulator simulator;

    @Activate
    public WebsakSimulatorComponent(Config config) {
        simulator = WebsakSimulator.start(config.port(), config.client_id(), config._client_secret());
        int template = simulator.addTemplate("Inngående brev");
        int sak = simulator.addCase(config.fallback_case_number(), "Fordelingssak for Postmottak");
        LOG.info("WebSak simulator: API {} token {} template {} fallback case {}", simulator.apiBase(),
                simulator.tokenUrl(), template, sak);
    }

    @Deactivate
    void stop() {
        simulator.close();
    }
}
