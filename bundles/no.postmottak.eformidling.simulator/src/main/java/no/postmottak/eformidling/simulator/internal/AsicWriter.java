package no.postmottak.eformidling.simulator.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLStreamException;

import no.postmottak.eformidling.simulator.Message;
import no.postmottak.eformidling.simulator.MessageFault;
import no.postmottak.eformidling.simulator.SimDocument;

/**
 * Writes a message's ASiC-E as Digdir's integrasjonspunkt hands it out at pop (decrypted): {@code mimetype} first and
 * stored, {@code arkivmelding.xml}, the documents, Digdir's {@code manifest.xml}, and {@code META-INF/asicmanifest.xml}
 * with the SHA-256 of each file plus {@code META-INF/signature.p7s} (dummy bytes: a receiver must not check the
 * CAdES signature, the IP already did). Streams: documents are read once while written (large ones twice, to store
 * them uncompressed with their CRC, as archives of PDFs are).
 */
final class AsicWriter {

    static final String MIMETYPE = "application/vnd.etsi.asic-e+zip";
    /** Documents above this are stored, not deflated: they are PDFs and scans that do not compress. */
    private static final long STORE_ABOVE = 8L * 1024 * 1024;

    private AsicWriter() {
    }

    /** Writes the package to {@code out} (not closed). */
    static void write(Message m, OutputStream out) throws IOException {
        List<SimDocument> files = new ArrayList<>(m.documents());
        if (m.fault() == MessageFault.MISSING_FILE && !files.isEmpty()) {
            files.remove(files.size() - 1);
        }
        Map<String, String> digests = new LinkedHashMap<>();
        Unclosable target = new Unclosable(out);
        ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        stored(zip, "mimetype", MIMETYPE.getBytes(StandardCharsets.US_ASCII));
        if (m.fault() != MessageFault.NO_ARKIVMELDING) {
            zip.putNextEntry(new ZipEntry("arkivmelding.xml"));
            MessageDigest sha = sha256();
            try {
                // The writer lists every document, also the one MISSING_FILE leaves out of the package.
                SenderArkivmelding.write(m, m.documents(), new DigestOutputStream(new Unclosable(zip), sha));
            } catch (XMLStreamException e) {
                throw new IOException("Cannot write arkivmelding.xml: " + e.getMessage(), e);
            }
            zip.closeEntry();
            digests.put("arkivmelding.xml", Base64.getEncoder().encodeToString(sha.digest()));
        }
        for (SimDocument d : files) {
            digests.put(d.fileName(), document(zip, d));
        }
        deflated(zip, "manifest.xml", manifest(m, files).getBytes(StandardCharsets.UTF_8));
        if (m.fault() == MessageFault.CORRUPT_ZIP) {
            // No central directory: the zip ends in junk, as a broken store or transfer leaves it.
            zip.flush();
            target.write("ikke en zip-fil lenger".getBytes(StandardCharsets.US_ASCII));
            target.flush();
            return;
        }
        deflated(zip, "META-INF/asicmanifest.xml", asicManifest(digests).getBytes(StandardCharsets.UTF_8));
        deflated(zip, "META-INF/signature.p7s", "simulert CAdES-signatur".getBytes(StandardCharsets.US_ASCII));
        zip.finish();
        zip.flush();
    }

    private static String document(ZipOutputStream zip, SimDocument d) throws IOException {
        MessageDigest sha = sha256();
        ZipEntry entry = new ZipEntry(d.fileName());
        if (d.size() > STORE_ABOVE) {
            CRC32 crc = new CRC32();
            try (InputStream in = d.content().get()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    crc.update(buffer, 0, n);
                }
            }
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(d.size());
            entry.setCompressedSize(d.size());
            entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        try (InputStream in = d.content().get()) {
            in.transferTo(new DigestOutputStream(new Unclosable(zip), sha));
        }
        zip.closeEntry();
        return Base64.getEncoder().encodeToString(sha.digest());
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void deflated(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Digdir's own manifest (ManifestFactory): receiver, sender and the main document. */
    static String manifest(Message m, List<SimDocument> files) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest>\n")
                .append("  <mottaker><organisasjon authority=\"iso6523-actorid-upis\">0192:")
                .append(m.receiverOrgnr()).append("</organisasjon></mottaker>\n")
                .append("  <avsender><organisasjon authority=\"iso6523-actorid-upis\">0192:")
                .append(m.senderOrgnr()).append("</organisasjon></avsender>\n");
        if (!files.isEmpty()) {
            SimDocument main = files.get(0);
            xml.append("  <hoveddokument href=\"").append(escape(main.fileName())).append("\" mime=\"")
                    .append(escape(main.mediaType())).append("\"><tittel lang=\"no\">").append(escape(main.title()))
                    .append("</tittel></hoveddokument>\n");
        }
        return xml.append("</manifest>\n").toString();
    }

    private static String asicManifest(Map<String, String> digests) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ASiCManifest"
                + " xmlns=\"http://uri.etsi.org/02918/v1.2.1#\" xmlns:ns2=\"http://www.w3.org/2000/09/xmldsig#\">\n"
                + "  <SigReference URI=\"META-INF/signature.p7s\" MimeType=\"application/x-pkcs7-signature\"/>\n");
        digests.forEach((name, digest) -> xml.append("  <DataObjectReference URI=\"").append(escape(name))
                .append("\"><ns2:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>")
                .append("<ns2:DigestValue>").append(digest).append("</ns2:DigestValue></DataObjectReference>\n"));
        return xml.append("</ASiCManifest>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passes writes on; closing it does not close what is beneath (the zip entry, the response). */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
