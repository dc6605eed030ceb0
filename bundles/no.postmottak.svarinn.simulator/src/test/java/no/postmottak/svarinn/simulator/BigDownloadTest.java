package no.postmottak.svarinn.simulator;

import static no.postmottak.svarinn.simulator.TestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import no.postmottak.svarinn.simulator.internal.DemoKeys;

/** The one big payload in the suite: 50 MB generated, encrypted and sent while it is produced. */
class BigDownloadTest {
    static final long SIZE = 50L * 1024 * 1024;

    @Test
    void fiftyMegabytesAreStreamedNotBuffered() throws Exception {
        DemoKeys.KeyAndCertificate keys = TestSupport.keys("Stor");
        try (SvarInnSimulator sim = SvarInnSimulator.start(0)) {
            sim.addMottakersystem(Mottakersystem.of("Arkiv", "u", "p", keys.certificate(), "921123450"));
            String id = sim.addForsendelse(ForsendelseSpec.builder().mottaker("921123450", "Fjordvik")
                    .dokument(Dokument.generert("Stor rapport.pdf", "application/pdf", SIZE, 42)).build());
            JsonNode fm = list(sim, "u", "p").get(0).get("filmetadata").get(0);
            assertThat(fm.get("size").asLong()).isEqualTo(SIZE);

            HttpResponse<InputStream> r = HTTP.send(request(URI.create(sim.baseUri() + "/forsendelse/" + id), "u", "p")
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Length")).as("chunked, not buffered").isEmpty();
            InputStream body = r.body();
            byte[] first = body.readNBytes(1024 * 1024);
            // The client has taken 1 MB and stopped reading: a streaming server is blocked on the socket, so it
            // cannot have produced more than that plus the socket buffers; a buffering one would be at ~50 MB.
            assertThat(sim.forsendelse(id).orElseThrow().bytesSendt()).isLessThan(SIZE / 2);

            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long total = 0;
            try (InputStream plain = decrypt(new SequenceInputStream(new ByteArrayInputStream(first), body),
                    keys.privateKey());
                 ZipInputStream zip = new ZipInputStream(plain)) {
                ZipEntry e = zip.getNextEntry();
                assertThat(e.getName()).isEqualTo("Stor rapport.pdf");
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = zip.read(buf)) > 0; ) {
                    sha.update(buf, 0, n);
                    total += n;
                }
                assertThat(zip.getNextEntry()).isNull();
            }
            assertThat(total).isEqualTo(SIZE);
            assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(fm.get("sha256hash").asText());
            assertThat(sim.forsendelse(id).orElseThrow().bytesSendt()).isGreaterThan(SIZE);
        }
    }
}
