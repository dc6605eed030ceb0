package no.postmottak.archive.noark5.simulator.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

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

import no.postmottak.archive.noark5.simulator.Noark5Simulator;
import no.postmottak.archive.noark5.simulator.Options;

/** Runs the N5WS simulator inside Karaf for demos and integration tests, seeded with a fallback case. */
@Component(service = {}, configurationPid = Noark5SimulatorComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = Noark5SimulatorComponent.Config.class)
public final class Noark5SimulatorComponent {

    static final String PID = "no.postmottak.archive.noark5.simulator";
    private static final Logger LOG = LoggerFactory.getLogger(Noark5SimulatorComponent.class);

    @ObjectClassDefinition(name = "Postmottak demo: simulator for Noark 5 tjenestegrensesnitt",
            description = "En arkivkjerne i minnet for demo og test. Aldri i produksjon.")
    public @interface Config {
        @AttributeDefinition(name = "Port", description = "Port på 127.0.0.1; 0 velger en ledig.")
        int port() default 9008;

        @AttributeDefinition(name = "Sti", description = "API-et ligger under /n5/<sti>/.")
        String path_segment() default "arkiv";

        @AttributeDefinition(name = "Klient-id")
        String client_id() default "postmottak";

        @AttributeDefinition(name = "Klienthemmelighet", type = AttributeType.PASSWORD)
        String _client_secret();

        @AttributeDefinition(name = "Brukernavn", required = false)
        String username() default "arkivar";

        @AttributeDefinition(name = "Passord", required = false, type = AttributeType.PASSWORD)
        String _password() default "";

        @AttributeDefinition(name = "Tilby Basic-pålogging")
        boolean basic() default false;

        @AttributeDefinition(name = "Bulkgrense (MiB)", description = "Større filer må lastes opp i bolker.")
        int bulk_limit_mib() default 150;

        @AttributeDefinition(name = "Reservesak", description = "Saksnummer for den forhåndsopprettede "
                + "fordelingssaken.")
        String fallback_case() default "2026/1";
    }

    private final Noark5Simulator simulator;

    @Activate
    public Noark5SimulatorComponent(Config c) {
        Map<String, String> users = new HashMap<>();
        if (c.username() != null && !c.username().isBlank() && c._password() != null && !c._password().isEmpty()) {
            users.put(c.username().strip(), c._password());
        }
        Options o = new Options(c.port(), c.path_segment(), c.client_id(), c._client_secret(), users, c.basic(),
                Math.max(1, c.bulk_limit_mib()) * 1024L * 1024, Duration.ofHours(1), 25);
        simulator = Noark5Simulator.start(o);
        String[] fallback = c.fallback_case().strip().split("/");
        simulator.addCase(Integer.parseInt(fallback[0]), Integer.parseInt(fallback[1]), "Postmottak – fordelingssak");
        LOG.info("Noark 5 simulator: root {} (inspection {}/sim/journalposter)", simulator.root(),
                simulator.baseUri());
    }

    @Deactivate
    void stop() {
        simulator.close();
    }
}
