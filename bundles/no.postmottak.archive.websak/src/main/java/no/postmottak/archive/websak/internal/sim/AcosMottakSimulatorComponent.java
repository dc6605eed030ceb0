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

import no.postmottak.arkivmelding.ArkivmeldingVersion;

/**
 * Runs the Acos Mottak simulator inside Karaf for demos, when configured. Needs {@code com.sun.net.httpserver}
 * exported by the framework ({@code org.osgi.framework.system.packages.extra}).
 */
@Component(service = {}, configurationPid = AcosMottakSimulatorComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AcosMottakSimulatorComponent.Config.class)
public final class AcosMottakSimulatorComponent {

    static final String PID = "no.postmottak.archive.acosmottak.simulator";
    private static final Logger LOG = LoggerFactory.getLogger(AcosMottakSimulatorComponent.class);

    @ObjectClassDefinition(name = "Postmottak demo: Acos Mottak WebApi simulator")
    public @interface Config {
        @AttributeDefinition(name = "Port", description = "Loopback port; 0 picks a free one.")
        int port() default 9005;

        @AttributeDefinition(name = "Tenant API key", type = AttributeType.PASSWORD)
        String _tenant();

        @AttributeDefinition(name = "Arkivmelding schema", description = "eformidling or v1")
        String schema_version() default "eformidling";
    }

    private final AcosMottakSimulator simulator;

    @Activate
    public AcosMottakSimulatorComponent(Config config) throws IOException {
        simulator = AcosMottakSimulator.start(config.port(), config._tenant(),
                ArkivmeldingVersion.parse(config.schema_version()));
        LOG.info("Acos Mottak simulator listening on {}", simulator.baseUri());
    }

    @Deactivate
    void stop() {
        simulator.close();
    }
}
