package no.postmottak.svarinn.simulator.internal;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.CountDownLatch;

import no.postmottak.svarinn.simulator.Mottakersystem;
import no.postmottak.svarinn.simulator.SimulatorOptions;
import no.postmottak.svarinn.simulator.SvarInnSimulator;

/**
 * Standalone simulator: {@code SimulatorMain [port [seed|noseed [receiver-cert.pem [host]]]]}. Defaults: port
 * 8102, seed, a generated key pair in {@code ./svarinn-simulator-demo}, host 127.0.0.1. Runs until killed.
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8102;
        boolean seed = args.length <= 1 || !"noseed".equalsIgnoreCase(args[1]);
        String cert = args.length > 2 ? args[2] : null;
        String host = args.length > 3 ? args[3] : "127.0.0.1";
        SvarInnSimulator sim = SvarInnSimulator.start(new SimulatorOptions(host, port, null));
        if (seed) {
            X509Certificate receiver = DemoCertificate.loadOrGenerate(cert, Path.of("svarinn-simulator-demo"));
            for (Mottakersystem m : sim.seedDemo(receiver)) {
                System.out.println("Demo mottakersystem " + m.navn() + ": brukernavn " + m.brukernavn()
                        + ", orgnr " + m.orgnrs() + " (password: see DemoSeed)");
            }
        }
        System.out.println("SvarInn simulator at " + sim.baseUri() + "  (state: http://" + host + ":" + sim.port()
                + "/_simulator/state)");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stop.countDown();
        }));
        stop.await();
    }
}
