package no.postmottak.simulator.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class PdfWriterTest {
    static final String TITLE = "Vedtak om byggetillatelse – gnr 12 bnr 345";
    static final String BODY = "Søknaden om garasje på gnr 12 bnr 345 er innvilget (jf. pbl. § 20-1). Æ Ø Å æ ø å.";

    @Test
    void crossReferenceTablePointsAtEveryObject() {
        byte[] pdf = PdfWriter.onePage(TITLE, List.of(BODY, "", "Med hilsen"));
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(s).startsWith("%PDF-1.4\n").endsWith("%%EOF\n");
        Matcher start = Pattern.compile("startxref\n(\\d+)\n").matcher(s);
        assertThat(start.find()).isTrue();
        int xref = Integer.parseInt(start.group(1));
        assertThat(s.substring(xref)).startsWith("xref\n0 8\n");
        Matcher entry = Pattern.compile("(\\d{10}) 00000 n \n").matcher(s.substring(xref));
        int obj = 1;
        while (entry.find()) {
            int offset = Integer.parseInt(entry.group(1));
            assertThat(s.substring(offset)).startsWith(obj + " 0 obj\n");
            obj++;
        }
        assertThat(obj).isEqualTo(8);
        Matcher len = Pattern.compile("/Length (\\d+) >>\nstream\n").matcher(s);
        assertThat(len.find()).isTrue();
        assertThat(s.substring(len.end() + Integer.parseInt(len.group(1)))).startsWith("\nendstream");
        // WinAnsi bytes for the en dash and æøå, not UTF-8
        assertThat(s).contains(new String(TITLE.getBytes(Charset.forName("windows-1252")), StandardCharsets.ISO_8859_1));
    }

    @Test
    void rendersWithPopplerWhenInstalled(@TempDir Path dir) throws Exception {
        Path pdftotext = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isEmpty()).map(d -> Path.of(d, "pdftotext")).filter(Files::isExecutable)
                .findFirst().orElse(null);
        assumeTrue(pdftotext != null, "pdftotext (poppler-utils) is not on the PATH");
        Path pdf = dir.resolve("brev.pdf");
        Files.write(pdf, PdfWriter.onePage(TITLE, List.of(BODY)));
        Process p = new ProcessBuilder(pdftotext.toString(), "-enc", "UTF-8", pdf.toString(), "-")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(text).isZero();
        assertThat(text).contains(TITLE).contains("Søknaden om garasje").contains("Æ Ø Å æ ø å");
    }
}
