package no.postmottak.archive.simulator.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an Acos Mottak delivery zip as Acos does: flat, unique file names and the {@code referanseDokumentfil}s of
 * its {@code arkivmelding.xml}. Every problem is an IllegalArgumentException whose message the client sees.
 */
public final class ZipDelivery {

    private ZipDelivery() {
    }

    /** @return the entries by name, in zip order */
    public static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String name = e.getName();
                if (e.isDirectory() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                    throw new IllegalArgumentException("Ugyldig filnavn i zip-filen: " + name);
                }
                if (entries.put(name, in.readAllBytes()) != null) {
                    throw new IllegalArgumentException("Filen " + name + " finnes to ganger i zip-filen");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Zip-filen kan ikke leses: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("Zip-filen er tom eller ikke en zip-fil");
        }
        return entries;
    }

    /** @return the file names the arkivmelding refers to, in document order */
    public static List<String> references(byte[] arkivmeldingXml) {
        List<String> refs = new ArrayList<>();
        try {
            XMLInputFactory f = XMLInputFactory.newDefaultFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(arkivmeldingXml));
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "referanseDokumentfil".equals(r.getLocalName())) {
                    refs.add(r.getElementText().strip());
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("arkivmelding.xml kan ikke leses: " + e.getMessage());
        }
        return refs;
    }
}
