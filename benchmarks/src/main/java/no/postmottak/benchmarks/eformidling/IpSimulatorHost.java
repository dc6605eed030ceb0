package no.postmottak.benchmarks.eformidling;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import no.postmottak.eformidling.simulator.IntegrasjonspunktSimulator;
import no.postmottak.eformidling.simulator.Message;
import no.postmottak.eformidling.simulator.MessageState;
import no.postmottak.eformidling.simulator.SimDocument;
import no.postmottak.eformidling.simulator.SimulatorOptions;

/**
 * The integrasjonspunkt simulator in a JVM of its own, so that the receiver's heap is measured alone. Queues the
 * scenario, prints {@code ready <baseUri> <messages> <documents> <bytes>}, then answers {@code state} with
 * {@code state <messages> <deleted>} until stdin closes. Documents are generated while they are sent (pseudo-random
 * bytes, which do not compress, like scanned PDFs).
 *
 * <p>Usage: {@code IpSimulatorHost big SIZE_MIB} or {@code IpSimulatorHost many COUNT DOCS DOC_KIB}.
 */
public final class IpSimulatorHost {

    public static final String ORGNR = "910075918";

    private IpSimulatorHost() {
    }

    public static void main(String[] args) throws Exception {
        // The JDK server otherwise writes a response's head and body as separate small packets with Nagle on: the
        // client's delayed ACK then costs 40 ms per call, which would be measured as ours.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try (IntegrasjonspunktSimulator ip = IntegrasjonspunktSimulator.start(SimulatorOptions.loopback(0))) {
            long documents = 0;
            long bytes = 0;
            int messages = args[0].equals("big") ? 1 : Integer.parseInt(args[1]);
            int docs = args[0].equals("big") ? 1 : Integer.parseInt(args[2]);
            long size = args[0].equals("big") ? Long.parseLong(args[1]) * 1024 * 1024
                    : Long.parseLong(args[3]) * 1024;
            for (int i = 0; i < messages; i++) {
                Message.Builder m = Message.builder().receiver(ORGNR).title("Melding " + i);
                for (int d = 0; d < docs; d++) {
                    m.document(SimDocument.generated("dokument-" + i + "-" + d + ".pdf", size, 31L * i + d));
                    documents++;
                    bytes += size;
                }
                ip.add(m.build());
            }
            System.out.println("ready " + ip.baseUri() + " " + messages + " " + documents + " " + bytes);
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.equals("state")) {
                    long deleted = ip.messages().stream().filter(MessageState::deleted).count();
                    System.out.println("state " + ip.messages().size() + " " + deleted);
                    System.out.flush();
                }
            }
        }
    }
}
