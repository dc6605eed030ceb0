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

import no.postmottak.archive.simulator.AcosMottakSimulator;
import no.postmottak.arkivmelding.ArkivmeldingVersion;

/**
 * Runs the Acos Mottak simulator inside Karaf for demos, when configured. The PID keeps its old name: demo
 * configurations and itests use it.
 */
@Component(service = {}, configurationPid = AcosMottakSimulatorComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AcosMottakSimulatorComponent.Config.class)
public final class AcosMottakSimulatorComponent {

    static final String PID = "no.postmottak.archive.acosmottak.simulator";
    private static final Logger LOG = LoggerFactory.getLogger(AcosMottakSimulatorComponent.class);

    @ObjectClassDefinition(name = "Postmottak demo: simulator av Acos Mottak WebApi",
            description = "En falsk Acos Mottak for tester og demo. Skal aldri slås på i produksjon.")
    public @interface Config {
        @AttributeDefinition(name = "Port", description = "Port på 127.0.0.1; 0 velger en ledig.")
        int port() default 9005;

        @AttributeDefinition(name = "API-nøkkel (tenant)", type = AttributeType.PASSWORD)
        String _tenant();

        @AttributeDefinition(name = "Arkivmelding-skjema", description = "eformidling eller v1")
        String schema_version() default "eformidling";
    }

    private final AcosMottakSimulator simulator;

    @Activate
    public AcosMottakSimulatorComponent(Config config) {
        simulator = AcosMottakSimulator.start(config.port(), config._tenant(),
                ArkivmeldingVersion.parse(config.schema_version()));
        LOG.info("Acos Mottak simulator listening on {}", simulator.baseUri());
    }

    @Deactivate
    void stop() {
        simulator.close();
    }
}
