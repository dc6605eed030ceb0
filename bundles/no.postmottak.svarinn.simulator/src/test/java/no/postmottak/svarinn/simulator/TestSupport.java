package no.postmottak.svarinn.simulator;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.bouncycastle.cms.CMSEnvelopedDataParser;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import no.postmottak.svarinn.simulator.internal.DemoKeys;

/** A real HTTP client and BouncyCastle decryption, as a SvarInn receiver would do it. */
final class TestSupport {
    static final Provider BC = new BouncyCastleProvider();
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestSupport() {
    }

    static DemoKeys.KeyAndCertificate keys(String cn) {
        return DemoKeys.generate("CN=" + cn + ", O=Test");
    }

    static HttpRequest.Builder request(URI uri, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    static HttpResponse<String> get(URI uri, String user, String password) throws IOException, InterruptedException {
        return HTTP.send(request(uri, user, password).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> getBytes(URI uri, String user, String password) throws IOException, InterruptedException {
        return HTTP.send(request(uri, user, password).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> post(URI uri, String user, String password, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(uri, user, password);
        if (json == null) {
            b.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode list(SvarInnSimulator sim, String user, String password) throws Exception {
        HttpResponse<String> r = get(URI.create(sim.baseUri() + "/mottaker/hentNyeForsendelser"), user, password);
        if (r.statusCode() != 200) {
            throw new AssertionError("list gave " + r.statusCode() + ": " + r.body());
        }
        return MAPPER.readTree(r.body());
    }

    static URI kvitter(SvarInnSimulator sim, String id) {
        return URI.create(sim.baseUri() + "/kvitterMottak/forsendelse/" + id);
    }

    static URI mottakFeilet(SvarInnSimulator sim, String id) {
        return URI.create(sim.baseUri() + "/mottakFeilet/forsendelse/" + id);
    }

    /** Streams decryption the way SvarInn receivers do (BouncyCastle parser, first recipient). */
    static InputStream decrypt(InputStream cms, PrivateKey key) throws Exception {
        CMSEnvelopedDataParser parser = new CMSEnvelopedDataParser(new BufferedInputStream(cms, 64 * 1024));
        RecipientInformation r = parser.getRecipientInfos().getRecipients().iterator().next();
        return r.getContentStream(new JceKeyTransEnvelopedRecipient(key).setProvider(BC)).getContentStream();
    }

    static byte[] decryptAll(byte[] cms, PrivateKey key) throws Exception {
        try (InputStream in = decrypt(new ByteArrayInputStream(cms), key)) {
            return in.readAllBytes();
        }
    }

    static Map<String, byte[]> unzip(byte[] zip, Charset names) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), names)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    static Dokument text(String name, String content) {
        return Dokument.of(name, "text/plain", null, content.getBytes(StandardCharsets.UTF_8));
    }
}
