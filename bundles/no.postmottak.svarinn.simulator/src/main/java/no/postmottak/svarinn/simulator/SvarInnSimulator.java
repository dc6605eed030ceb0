package no.postmottak.svarinn.simulator;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import no.postmottak.svarinn.simulator.internal.SimulatorServer;

/**
 * A running SvarInn simulator: a real HTTP server with the four SvarInn endpoints under
 * {@link SimulatorOptions#basePath()} (HTTP Basic per {@link Mottakersystem}), plus an unauthenticated
 * {@code GET /_simulator/state} JSON endpoint for inspection. Thread-safe. Close it to stop the server.
 *
 * <pre>{@code
 * try (SvarInnSimulator sim = SvarInnSimulator.start(0)) {
 *     sim.addMottakersystem(Mottakersystem.of("Arkiv", "7d0c…", "hemmelig", cert, "921123450"));
 *     String id = sim.addForsendelse(ForsendelseSpec.builder().mottaker("921123450", "Fjordvik kommune")
 *             .dokument(Dokument.of("brev.pdf", "application/pdf", null, pdf)).build());
 *     // point the receiver at sim.baseUri() ...
 *     assertThat(sim.forsendelse(id).orElseThrow().status()).isEqualTo(ForsendelseStatus.LEST);
 * }
 * }</pre>
 *
 * @since 1.0.0
 */
@ProviderType
public interface SvarInnSimulator extends AutoCloseable {

    /**
     * Starts a simulator on the loopback interface.
     *
     * @param port TCP port, 0 = any free port
     * @return the running simulator
     */
    static SvarInnSimulator start(int port) {
        return start(SimulatorOptions.loopback(port));
    }

    /**
     * Starts a simulator.
     *
     * @param options where to listen
     * @return the running simulator
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    static SvarInnSimulator start(SimulatorOptions options) {
        return SimulatorServer.start(options);
    }

    /** @return the base URI of the SvarInn API, e.g. {@code http://127.0.0.1:8102/tjenester/svarinn} */
    URI baseUri();

    /** @return the bound TCP port */
    int port();

    /**
     * Registers (or replaces, by user name) a mottakersystem.
     *
     * @param mottakersystem credentials, certificate and routing
     */
    void addMottakersystem(Mottakersystem mottakersystem);

    /**
     * Puts a forsendelse in state {@link ForsendelseStatus#KLAR_FOR_MOTTAK}.
     *
     * @param spec the forsendelse
     * @return its id
     * @throws IllegalArgumentException if the id is already present or the raw JSON is invalid
     */
    String addForsendelse(ForsendelseSpec spec);

    /**
     * Seeds realistic Norwegian demo mail for several organisations and registers the demo mottakersystems.
     *
     * @param mottakerSertifikat the certificate the demo receiver holds the key for
     * @return the demo mottakersystems (with their credentials)
     */
    List<Mottakersystem> seedDemo(X509Certificate mottakerSertifikat);

    /** @return the server-wide fault knobs */
    ServerKnobs knobs();

    /** @return snapshots of every forsendelse, in insertion order */
    List<ForsendelseState> forsendelser();

    /**
     * @param id forsendelse id
     * @return the snapshot, if the id is known
     */
    Optional<ForsendelseState> forsendelse(String id);

    /** Removes every forsendelse and clears the knobs; mottakersystems stay. */
    void reset();

    /** Stops the HTTP server; downloads in progress are cut. */
    @Override
    void close();
}
