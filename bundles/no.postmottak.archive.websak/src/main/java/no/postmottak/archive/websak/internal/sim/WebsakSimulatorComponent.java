package no.postmottak.archive.websak.internal.sim;

import java.io.IOException;

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

/**
 * Runs the WebSak simulator inside Karaf for demos, seeded with an incoming-letter template (id 1000) and a
 * distribution case (id 1001). Needs {@code com.sun.net.httpserver} exported by the framework.
 */
@Component(service = {}, configurationPid = WebsakSimulatorComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = WebsakSimulatorComponent.Config.class)
public final class WebsakSimulatorComponent {

    static final String PID = "no.postmottak.archive.websak.simulator";
    private static final Logger LOG = LoggerFactory.getLogger(WebsakSimulatorComponent.class);

    @ObjectClassDefinition(name = "Postmottak demo: Websak+ Integration API simulator")
    public @interface Config {
        @AttributeDefinition(name = "Port", description = "Loopback port; 0 picks a free one.")
        int port() default 9006;

        @AttributeDefinition(name = "Client id")
        String client_id() default "postmottak";

        @AttributeDefinition(name = "Client secret", type = AttributeType.PASSWORD)
        String _client_secret();

        @AttributeDefinition(name = "Distribution case number", description = "visningId of the seeded case.")
        String fallback_case_number() default "2026/1";
    }

    private final WebsakSimulator simulator;

    @Activate
    public WebsakSimulatorComponent(Config config) throws IOException {
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
