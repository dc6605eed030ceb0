package no.postmottak.eformidling.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import no.postmottak.eformidling.simulator.internal.Content;
import no.postmottak.eformidling.simulator.internal.IpSimulatorServer;

/**
 * A running integrasjonspunkt simulator: a real HTTP server with the fagsystem API a receiver uses
 * ({@code /api/messages/in}, {@code /in/peek}, {@code /in/pop/{id}}, {@code DELETE /in/{id}},
 * {@code /api/messages/out}, {@code /api/statuses}), HTTP Basic, locks that run out, and the IP's answers (204 for an
 * empty queue and for receipts, 400 for pop or DELETE without a lock, 404 for an unknown id), plus an unauthenticated
 * {@code GET /_simulator/state} for inspection. Thread-safe. Close it to stop the server.
 *
 * <pre>{@code
 * try (IntegrasjonspunktSimulator ip = IntegrasjonspunktSimulator.start(SimulatorOptions.loopback(0))) {
 *     ip.add(Message.builder().receiver("910075918").title("Vedtak")
 *             .document(SimDocument.of("vedtak.pdf", "application/pdf", "Vedtak", pdf)).build());
 *     // point the receiver at ip.baseUri() ...
 *     assertThat(ip.message(id).orElseThrow().deleted()).isTrue();
 * }
 * }</pre>
 *
 * @since 1.0.0
 */
@ProviderType
public interface IntegrasjonspunktSimulator extends AutoCloseable {

    /**
     * Starts a simulator.
     *
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    static IntegrasjonspunktSimulator start(SimulatorOptions options) {
        return IpSimulatorServer.start(options);
    }

    /** Writes a message's ASiC-E as pop serves it (for tests that read packages without HTTP). */
    static void writeAsic(Message message, OutputStream out) throws IOException {
        Content.asic(message, out);
    }

    /** Writes a message's {@code arkivmelding.xml} as its ASiC-E carries it. */
    static void writeArkivmelding(Message message, OutputStream out) throws IOException {
        Content.arkivmelding(message, out);
    }

    /** The SBD peek answers with for a message, as JSON. */
    static String sbdJson(Message message) {
        return Content.sbd(message);
    }

    /** @return the base URI of the API, e.g. {@code http://127.0.0.1:9093} */
    URI baseUri();

    /** @return the bound TCP port */
    int port();

    /**
     * Queues a message, as if it had arrived from its sender. Like the IP, a message whose id still waits is
     * discarded; a delivered id may come again.
     *
     * @return whether it was queued
     */
    boolean add(Message message);

    /** Queues realistic Norwegian demo mail from state agencies for each of the organisations. */
    List<Message> seedDemo(List<String> orgnrs);

    /** @return the integrasjonspunkt's fault knobs */
    IpKnobs knobs();

    /**
     * Answers the next {@code times} requests (any path, before authentication) with {@code status}: an outage, or
     * 401 for every user.
     */
    void failNext(int times, int status);

    /** @return every peek, pop and DELETE, in order */
    List<Call> calls();

    /** @return every message, waiting or delivered, in arrival order */
    List<MessageState> messages();

    /** @return one message's state */
    Optional<MessageState> message(String messageId);

    /** @return what receivers sent through {@code POST /api/messages/out} (their receipts), in order */
    List<SentMessage> sent();

    /** Removes every message, call and sent message and clears the knobs. */
    void reset();

    /** Stops the HTTP server; downloads in progress are cut. */
    @Override
    void close();
}
