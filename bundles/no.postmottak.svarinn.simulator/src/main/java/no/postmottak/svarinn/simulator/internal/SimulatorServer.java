package no.postmottak.svarinn.simulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.svarinn.simulator.ForsendelseSpec;
import no.postmottak.svarinn.simulator.ForsendelseState;
import no.postmottak.svarinn.simulator.Mottakersystem;
import no.postmottak.svarinn.simulator.ServerKnobs;
import no.postmottak.svarinn.simulator.SimulatorOptions;
import no.postmottak.svarinn.simulator.SvarInnSimulator;

/** The simulator on the JDK's built-in HTTP server (module jdk.httpserver). */
public final class SimulatorServer implements SvarInnSimulator {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);

    private final SimulatorOptions options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ForsendelseStore store = new ForsendelseStore();
    private final ServerKnobs knobs = new ServerKnobs();
    private final ObjectMapper mapper = new ObjectMapper();
    private int port;

    private SimulatorServer(SimulatorOptions options) throws IOException {
        this.options = options;
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "svarinn-simulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
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
        PayloadWriter payloads = new PayloadWriter(new CmsEncryption());
        String authority = options.host() + ":" + server.getAddress().getPort();
        server.createContext(options.basePath(), new SvarInnHandler(options.basePath(), authority, store, knobs,
                mapper, payloads, wrongRecipient));
        server.createContext(StateHandler.PATH, new StateHandler(store, mapper));
    }

    /**
     * Binds and starts the server.
     *
     * @param options where to listen
     * @return the running simulator
     */
    public static SimulatorServer start(SimulatorOptions options) {
        try {
            SimulatorServer s = new SimulatorServer(options);
            s.server.start();
            s.port = s.server.getAddress().getPort();
            LOG.info("SvarInn simulator listening on {}", s.baseUri());
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start SvarInn simulator on " + options.host() + ":"
                    + options.port() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public URI baseUri() {
        return URI.create("http://" + options.host() + ":" + port() + options.basePath());
    }

    @Override
    public int port() {
        return port;
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
        server.stop(0);
        executor.shutdownNow();
        LOG.info("SvarInn simulator on port {} stopped", port());
    }

    @Override
    public String toString() {
        return "SvarInnSimulator[" + baseUri() + "]";
    }
}
