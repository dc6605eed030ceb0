package no.postmottak.svarinn.simulator.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import no.postmottak.svarinn.simulator.ForsendelseSpec;
import no.postmottak.svarinn.simulator.ForsendelseState;
import no.postmottak.svarinn.simulator.Mottakersystem;
import no.postmottak.svarinn.simulator.ServerKnobs;
import no.postmottak.svarinn.simulator.SimulatorOptions;
import no.postmottak.svarinn.simulator.SvarInnSimulator;

/**
 * Runs the simulator inside Karaf while configuration PID {@value #PID} exists, and registers it as a
 * {@link SvarInnSimulator} service so integration tests can drive it. Immediate: the server must run even when
 * nobody uses the service. Only delegates.
 */
@Component(service = SvarInnSimulator.class, immediate = true, configurationPid = SvarInnSimulatorComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SvarInnSimulatorComponent.Config.class)
public final class SvarInnSimulatorComponent implements SvarInnSimulator {
    static final String PID = "no.postmottak.svarinn.simulator";

    @ObjectClassDefinition(name = "Postmottak demo: simulator av SvarInn (KS SvarUt)",
            description = "En falsk SvarInn-tjeneste for tester og demo. Skal aldri slås på i produksjon.")
    public @interface Config {
        @AttributeDefinition(name = "Vertsadresse", description = "Adressen simulatoren lytter på; står også i downloadUrl")
        String host() default "127.0.0.1";

        @AttributeDefinition(name = "Port")
        int port() default 8102;

        @AttributeDefinition(name = "Basissti")
        String base_path() default SimulatorOptions.DEFAULT_BASE_PATH;

        @AttributeDefinition(name = "Legg inn demopost", description = "Demo-mottakersystemer og forsendelser")
        boolean seed_demo() default true;

        @AttributeDefinition(name = "Sertifikatfil for demomottakeren",
                description = "PEM-sertifikatet til demomottakeren; tomt = lag et nøkkelpar i "
                        + "${karaf.data}/svarinn-simulator")
        String demo_certificate_file() default "";
    }

    private final SvarInnSimulator sim;

    @Activate
    public SvarInnSimulatorComponent(Config config) throws IOException {
        SvarInnSimulator started = SvarInnSimulator.start(
                new SimulatorOptions(config.host(), config.port(), config.base_path()));
        try {
            if (config.seed_demo()) {
                Path dir = Path.of(System.getProperty("karaf.data", System.getProperty("java.io.tmpdir")),
                        "svarinn-simulator");
                started.seedDemo(DemoCertificate.loadOrGenerate(config.demo_certificate_file(), dir));
            }
        } catch (IOException | RuntimeException e) {
            started.close();
            throw e;
        }
        this.sim = started;
    }

    @Deactivate
    void deactivate() {
        sim.close();
    }

    @Override public URI baseUri() { return sim.baseUri(); }
    @Override public int port() { return sim.port(); }
    @Override public void addMottakersystem(Mottakersystem m) { sim.addMottakersystem(m); }
    @Override public String addForsendelse(ForsendelseSpec spec) { return sim.addForsendelse(spec); }
    @Override public List<Mottakersystem> seedDemo(X509Certificate cert) { return sim.seedDemo(cert); }
    @Override public ServerKnobs knobs() { return sim.knobs(); }
    @Override public List<ForsendelseState> forsendelser() { return sim.forsendelser(); }
    @Override public Optional<ForsendelseState> forsendelse(String id) { return sim.forsendelse(id); }
    @Override public void reset() { sim.reset(); }

    /** Closing is owned by the component lifecycle; service users cannot stop the server. */
    @Override
    public void close() {
        // deactivate() stops the server
    }
}
