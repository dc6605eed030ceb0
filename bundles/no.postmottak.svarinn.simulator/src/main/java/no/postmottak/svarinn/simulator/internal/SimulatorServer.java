package no.postmottak.svarinn.simulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.simulator.http.SimHttpServer;
import no.postmottak.svarinn.simulator.ForsendelseSpec;
import no.postmottak.svarinn.simulator.ForsendelseState;
import no.postmottak.svarinn.simulator.Mottakersystem;
import no.postmottak.svarinn.simulator.ServerKnobs;
import no.postmottak.svarinn.simulator.SimulatorOptions;
import no.postmottak.svarinn.simulator.SvarInnSimulator;

/** The simulator on the shared simulator HTTP server: the SvarInn endpoints plus the state view. */
public final class SimulatorServer implements SvarInnSimulator {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);
    /** SvarInn requests carry at most a small JSON body (mottakFeilet). */
    private static final int MAX_BODY = 64 * 1024;

    private final SimulatorOptions options;
    private final ForsendelseStore store = new ForsendelseStore();
    private final ServerKnobs knobs = new ServerKnobs();
    private final ObjectMapper mapper = new ObjectMapper();
    private final SimHttpServer server;

    private SimulatorServer(SimulatorOptions options) {
        this.options = options;
        // Generated only when a forsendelse first asks for it: RSA key generation is slow.
        Supplier<X509Certificate> wrongRecipient = new Supplier<>() {
            private X509Certificate cert;

            @Override
            public synchronized X509Certificate get() {
                if (cert == null) {
                    cert = DemoKeys.generate("CN=Feil mottaker, O=SvarInn-simulator").certificate();
                }
                return cert;
            }
        };
        SvarInnHandler svarinn = new SvarInnHandler(options.basePath(), store, knobs, mapper,
                new PayloadWriter(new CmsEncryption()), wrongRecipient);
        server = svarinn.addTo(SimHttpServer.builder("svarinn-simulator").host(options.host()).port(options.port())
                        .maxBody(MAX_BODY))
                .route("GET", StateHandler.PATH, new StateHandler(store, mapper))
                .start();
    }

    /**
     * Binds and starts the server.
     *
     * @param options where to listen
     * @return the running simulator
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static SimulatorServer start(SimulatorOptions options) {
        try {
            SimulatorServer s = new SimulatorServer(options);
            LOG.info("SvarInn simulator listening on {}", s.baseUri());
            return s;
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot start SvarInn simulator: " + e.getMessage(), e.getCause());
        }
    }

    @Override
    public URI baseUri() {
        return URI.create("http://" + options.host() + ":" + port() + options.basePath());
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void addMottakersystem(Mottakersystem mottakersystem) {
        store.put(mottakersystem);
    }

    @Override
    public String addForsendelse(ForsendelseSpec spec) {
        ObjectNode raw = null;
        if (spec.rawJson() != null) {
            try {
                raw = (ObjectNode) mapper.readTree(spec.rawJson());
            } catch (IOException | ClassCastException e) {
                throw new IllegalArgumentException("rawJson is not a JSON object: " + e.getMessage(), e);
            }
        }
        spec.dokumenter().forEach(d -> d.sha256()); // compute digests now, not during the first list call
        return store.add(spec, raw).id;
    }

    @Override
    public List<Mottakersystem> seedDemo(X509Certificate mottakerSertifikat) {
        return new DemoSeed(mottakerSertifikat).seed(this);
    }

    @Override
    public ServerKnobs knobs() {
        return knobs;
    }

    @Override
    public List<ForsendelseState> forsendelser() {
        return store.states();
    }

    @Override
    public Optional<ForsendelseState> forsendelse(String id) {
        return store.get(id).map(store::state);
    }

    @Override
    public void reset() {
        store.clearForsendelser();
        knobs.clear();
    }

    @Override
    public void close() {
        server.close();
        LOG.info("SvarInn simulator on port {} stopped", port());
    }

    @Override
    public String toString() {
        return "SvarInnSimulator[" + baseUri() + "]";
    }
}
