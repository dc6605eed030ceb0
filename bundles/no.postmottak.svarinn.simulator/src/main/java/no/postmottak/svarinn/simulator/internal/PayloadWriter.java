package no.postmottak.svarinn.simulator.internal;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import no.postmottak.svarinn.simulator.Dokument;
import no.postmottak.svarinn.simulator.Fault;
import no.postmottak.svarinn.simulator.ForsendelseSpec;
import no.postmottak.svarinn.simulator.PayloadMode;

/**
 * Streams a forsendelse's download body: documents → zip (or bare PDF) → CMS → output, with the payload faults
 * applied on the way. Nothing but fixed-size buffers is held in memory (except in DER mode).
 */
final class PayloadWriter {
    static final String EXTRA_ENTRY = "ekstra-vedlegg.txt";
    /** Enough to hold the final chunk, its header and the end-of-contents octets. */
    private static final int TAIL = 2048;

    /** CP865 = CP437 plus ø/Ø: what Norwegian DOS-era zip tools wrote. */
    private static final Charset DOS_NORDIC = Charset.forName("IBM865");

    private final CmsEncryption cms;

    PayloadWriter(CmsEncryption cms) {
        this.cms = cms;
    }

    static String contentType(ForsendelseSpec s) {
        if (s.contentType() != null) {
            return s.contentType();
        }
        return s.mode() == PayloadMode.BARE_PDF ? "application/pdf" : "application/zip";
    }

    static String filename(String id, ForsendelseSpec s) {
        if (s.filename() != null) {
            return s.filename();
        }
        String id8 = id.length() > 8 ? id.substring(0, 8) : id;
        return s.mode() == PayloadMode.BARE_PDF ? "dokument-" + id8 + ".pdf" : "dokumenter-" + id8 + ".zip";
    }

    void write(ForsendelseSpec s, X509Certificate recipient, OutputStream out) throws IOException {
        if (s.has(Fault.DEFINITE_LENGTH_DER)) {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            writePlaintext(s, plain);
            out.write(cms.encryptDer(plain.toByteArray(), recipient));
            return;
        }
        TailHoldingOutputStream tail = new TailHoldingOutputStream(out, TAIL);
        OutputStream enc = cms.open(tail, recipient);
        CountingOutputStream plain = new CountingOutputStream(enc);
        writePlaintext(s, plain);
        enc.close(); // writes the end-of-contents octets into tail, does not close out
        long c = CmsEncryption.cipherLength(plain.count);
        tail.finish(bytes -> tamper(s, bytes, c));
    }

    private static byte[] tamper(ForsendelseSpec s, byte[] tail, long cipherLength) {
        if (s.has(Fault.TRUNCATED_CIPHERTEXT)) {
            int drop = (int) Math.min(tail.length, CmsEncryption.TRAILING_END_OF_CONTENTS + Math.min(500, cipherLength / 2));
            return java.util.Arrays.copyOf(tail, tail.length - drop);
        }
        if (s.has(Fault.CORRUPT_CIPHERTEXT)) {
            // Flip the top bit of the last byte of the second-to-last cipher block: in CBC that byte XORs the last
            // plaintext byte, i.e. the padding length (1..16) becomes 0x81..0x90, which is always invalid padding.
            long after = CmsEncryption.bytesAfterCipherByte(cipherLength, cipherLength - 17);
            int index = (int) (tail.length - 1 - after);
            tail[index] ^= (byte) 0x80;
        }
        return tail;
    }

    private static void writePlaintext(ForsendelseSpec s, OutputStream out) throws IOException {
        if (s.mode() == PayloadMode.BARE_PDF) {
            try (InputStream in = s.dokumenter().get(0).open()) {
                in.transferTo(out);
            }
            return;
        }
        boolean dos = s.has(Fault.CP437_ENTRY_NAMES);
        Charset names = dos ? DOS_NORDIC : StandardCharsets.UTF_8;
        // ZipOutputStream.close() would close the CMS stream too early; finish() is called instead.
        ZipOutputStream zip = new ZipOutputStream(out, names);
        List<Dokument> docs = new ArrayList<>(s.dokumenter());
        if (s.has(Fault.EMPTY_ZIP)) {
            docs.clear();
        } else if (s.has(Fault.MISSING_ZIP_ENTRY) && !docs.isEmpty()) {
            docs.remove(docs.size() - 1);
        }
        long time = s.date().toEpochMilli();
        for (Dokument d : docs) {
            ZipEntry e = new ZipEntry(dos ? dosName(d.filnavn()) : d.filnavn());
            e.setTime(time);
            if (d.generert()) {
                // Random bytes do not compress; STORED with a precomputed CRC keeps huge payloads fast.
                e.setMethod(ZipEntry.STORED);
                e.setSize(d.size());
                e.setCompressedSize(d.size());
                e.setCrc(d.crc32());
            }
            zip.putNextEntry(e);
            try (InputStream in = d.open()) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        if (s.has(Fault.EXTRA_ZIP_ENTRY)) {
            ZipEntry e = new ZipEntry(EXTRA_ENTRY);
            e.setTime(time);
            zip.putNextEntry(e);
            zip.write("Dette vedlegget står ikke i filmetadata.".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        zip.finish();
    }

    private static String dosName(String name) {
        var enc = DOS_NORDIC.newEncoder();
        StringBuilder b = new StringBuilder(name.length());
        name.chars().forEach(c -> b.append(enc.canEncode((char) c) ? (char) c : '_'));
        return b.toString();
    }

    /** Counts plaintext bytes; close() is not forwarded (the caller closes the CMS stream itself). */
    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() {
            // not forwarded
        }
    }
}
