package no.postmottak.eformidling.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;

import javax.xml.stream.XMLStreamException;

import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.eformidling.simulator.Message;

/** What the simulator serves for a message: its SBD, its arkivmelding and its ASiC-E. */
public final class Content {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Content() {
    }

    public static void asic(Message m, OutputStream out) throws IOException {
        AsicWriter.write(m, out);
    }

    public static void arkivmelding(Message m, OutputStream out) throws IOException {
        try {
            SenderArkivmelding.write(m, m.documents(), out);
        } catch (XMLStreamException e) {
            throw new IOException("Cannot write arkivmelding.xml: " + e.getMessage(), e);
        }
    }

    public static String sbd(Message m) {
        return SbdJson.of(m, JSON).toString();
    }
}
