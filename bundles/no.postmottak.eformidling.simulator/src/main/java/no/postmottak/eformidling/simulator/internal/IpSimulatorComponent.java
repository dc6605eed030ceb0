package no.postmottak.eformidling.simulator.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import no.postmottak.eformidling.simulator.Call;
import no.postmottak.eformidling.simulator.IntegrasjonspunktSimulator;
import no.postmottak.eformidling.simulator.IpKnobs;
import no.postmottak.eformidling.simulator.Message;
import no.postmottak.eformidling.simulator.MessageState;
import no.postmottak.eformidling.simulator.SentMessage;
import no.postmottak.eformidling.simulator.SimulatorOptions;

/**
 * Runs the simulator inside Karaf while configuration PID {@value #PID} exists, and registers it as an
 * {@link IntegrasjonspunktSimulator} service so integration tests can drive it. Immediate: the server must run even
 * when nobody uses the service. Only delegates.
 */
@Component(service = IntegrasjonspunktSimulator.class, immediate = true, configurationPid = IpSimulatorComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = IpSimulatorComponent.Config.class)
public final class IpSimulatorComponent implements IntegrasjonspunktSimulator {
    static final String PID = "no.postmottak.eformidling.simulator";

    @ObjectClassDefinition(name = "Postmottak: integrasjonspunkt-simulator",
            description = "Et falskt eFormidling-integrasjonspunkt for test og demo. Aldri i produksjon.")
    public @interface Config {
        @AttributeDefinition(name = "Vert", description = "Adressen det lyttes på")
        String host() default "127.0.0.1";

        @AttributeDefinition(name = "Port")
        int port() default 9193;

        @AttributeDefinition(name = "Brukernavn", required = false, description = "Tomt: åpent API (som IP v3)")
        String username() default SimulatorOptions.DEFAULT_USERNAME;

        @AttributeDefinition(name = "Passord", type = AttributeType.PASSWORD, required = false)
        String _password() default SimulatorOptions.DEFAULT_PASSWORD;

        @AttributeDefinition(name = "Låsetid (sekunder)", description = "Hvor lenge peek låser en melding")
        long lock_timeout_seconds() default 300;

        @AttributeDefinition(name = "Demopost til", required = false,
                description = "Organisasjonsnumre som får demopost fra statlige etater ved oppstart")
        String[] demo_orgnrs() default {};
    }

    private final IntegrasjonspunktSimulator sim;

    @Activate
    public IpSimulatorComponent(Config config) {
        String user = config.username() == null || config.username().isBlank() ? null : config.username();
        IntegrasjonspunktSimulator started = IntegrasjonspunktSimulator.start(
                new SimulatorOptions(config.host(), config.port(), user, config._password()));
        started.knobs().lockTimeout(Duration.ofSeconds(Math.max(1, config.lock_timeout_seconds())));
        List<String> orgnrs = Arrays.stream(config.demo_orgnrs())
                .flatMap(v -> Arrays.stream(v.split("[\\s,;\\[\\]\"]+"))).filter(v -> !v.isBlank()).toList();
        if (!orgnrs.isEmpty()) {
            started.seedDemo(orgnrs);
        }
        this.sim = started;
    }

    @Deactivate
    void deactivate() {
        sim.close();
    }

    @Override public URI baseUri() { return sim.baseUri(); }
    @Override public int port() { return sim.port(); }
    @Override public boolean add(Message message) { return sim.add(message); }
    @Override public List<Message> seedDemo(List<String> orgnrs) { return sim.seedDemo(orgnrs); }
    @Override public IpKnobs knobs() { return sim.knobs(); }
    @Override public void failNext(int times, int status) { sim.failNext(times, status); }
    @Override public List<Call> calls() { return sim.calls(); }
    @Override public List<MessageState> messages() { return sim.messages(); }
    @Override public Optional<MessageState> message(String messageId) { return sim.message(messageId); }
    @Override public List<SentMessage> sent() { return sim.sent(); }
    @Override public void reset() { sim.reset(); }

    /** Closing is owned by the component lifecycle; service users cannot stop the server. */
    @Override
    public void close() {
        // deactivate() stops the server
    }
}
