package no.postmottak.simulator.content;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny writer of valid one-page A4 text PDFs (PDF 1.4, Helvetica with WinAnsiEncoding, so æøå and the en dash
 * render). Long lines are wrapped; text beyond one page is cut. Enough for demo letters, no dependency.
 */
public final class PdfWriter {
    private static final Charset WIN_ANSI = Charset.forName("windows-1252");
    private static final int WRAP = 88;
    private static final int MAX_LINES = 56;

    private PdfWriter() {
    }

    /**
     * @param title document title (bold heading and /Title)
     * @param lines body paragraphs; empty strings give blank lines
     * @return the PDF bytes
     */
    public static byte[] onePage(String title, List<String> lines) {
        StringBuilder content = new StringBuilder("BT\n/F2 15 Tf\n56 780 Td\n(")
                .append(escape(title)).append(") Tj\n/F1 11 Tf\n0 -28 Td\n14 TL\n");
        int n = 0;
        for (String line : wrap(lines)) {
            if (n++ == MAX_LINES) {
                break;
            }
            content.append('(').append(escape(line)).append(") '\n");
        }
        content.append("ET\n");
        byte[] stream = content.toString().getBytes(WIN_ANSI);

        List<byte[]> objects = new ArrayList<>();
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.add(ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
        objects.add(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                + "/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"));
        objects.add(ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
        objects.add(ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"));
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(ascii("<< /Length " + stream.length + " >>\nstream\n"));
        s.writeBytes(stream);
        s.writeBytes(ascii("\nendstream"));
        objects.add(s.toByteArray());
        objects.add(concat(ascii("<< /Title ("), escape(title).getBytes(WIN_ANSI),
                ascii(") /Producer (Postmottak SvarInn-simulator) >>")));

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(ascii("%PDF-1.4\n"));
        pdf.writeBytes(new byte[] {'%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'});
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.size());
            pdf.writeBytes(ascii((i + 1) + " 0 obj\n"));
            pdf.writeBytes(objects.get(i));
            pdf.writeBytes(ascii("\nendobj\n"));
        }
        int xref = pdf.size();
        StringBuilder x = new StringBuilder("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> x.append(String.format("%010d 00000 n \n", o)));
        x.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R /Info ")
                .append(objects.size()).append(" 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        pdf.writeBytes(ascii(x.toString()));
        return pdf.toByteArray();
    }

    private static List<String> wrap(List<String> paragraphs) {
        List<String> out = new ArrayList<>();
        for (String p : paragraphs) {
            String rest = p;
            while (rest.length() > WRAP) {
                int cut = rest.lastIndexOf(' ', WRAP);
                cut = cut <= 0 ? WRAP : cut;
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut).stripLeading();
            }
            out.add(rest);
        }
        return out;
    }

    /** Escapes PDF string syntax and replaces characters WinAnsi cannot show. */
    static String escape(String s) {
        CharsetEncoder enc = WIN_ANSI.newEncoder();
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || !enc.canEncode(c)) {
                b.append('?');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
