package no.postmottak.eformidling.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.arkivmelding.ArkivmeldingSchemas;
import no.postmottak.arkivmelding.ArkivmeldingVersion;

class SimulatorHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final IntegrasjonspunktSimulator ip = IntegrasjonspunktSimulator.start(SimulatorOptions.loopback(0));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        ip.close();
    }

    private HttpResponse<byte[]> call(String method, String path, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ip.baseUri() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> call(String method, String path) throws Exception {
        return call(method, path, SimulatorOptions.DEFAULT_USERNAME, SimulatorOptions.DEFAULT_PASSWORD);
    }

    private static Message letter(String receiver) {
        return Message.builder().receiver(receiver).sender("910076787", "Statsforvalteren i Vestland")
                .title("Vedtak – Ærøy").senderCase(2026, 117, 3)
                .document(SimDocument.of("vedtak.pdf", "application/pdf", "Vedtak", "%PDF-1.4".getBytes()))
                .document(SimDocument.of("kart.pdf", "application/pdf", "Kart", "%PDF-1.4 kart".getBytes()))
                .build();
    }

    @Test
    void peekPopDeleteWithLocksAsTheIntegrasjonspunktDoes() throws Exception {
        assertThat(call("GET", "/api/messages/in/peek").statusCode()).as("empty queue").isEqualTo(204);
        Message m = letter("910075918");
        assertThat(ip.add(m)).isTrue();
        assertThat(ip.add(m)).as("a waiting id is discarded").isFalse();

        assertThat(call("GET", "/api/messages/in/pop/" + m.messageId()).statusCode()).as("not locked").isEqualTo(400);
        assertThat(call("DELETE", "/api/messages/in/" + m.messageId()).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/messages/in/pop/nix").statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/messages/in/peek?receiverIdentifier=0192:999999999").statusCode())
                .as("another receiver's filter").isEqualTo(204);

        HttpResponse<byte[]> peek = call("GET", "/api/messages/in/peek?receiverIdentifier=0192:910075918"
                + "&serviceIdentifier=DPO&process=" + Message.PROCESS_PLAN);
        assertThat(peek.statusCode()).isEqualTo(200);
        JsonNode sbd = JSON.readTree(peek.body());
        assertThat(sbd.at("/standardBusinessDocumentHeader/documentIdentification/instanceIdentifier").asText())
                .isEqualTo(m.messageId());
        assertThat(sbd.at("/arkivmelding/hoveddokument").asText()).isEqualTo("vedtak.pdf");
        assertThat(call("GET", "/api/messages/in/peek").statusCode()).as("locked: not peeked again").isEqualTo(204);

        HttpResponse<byte[]> pop = call("GET", "/api/messages/in/pop/" + m.messageId());
        assertThat(pop.statusCode()).isEqualTo(200);
        assertThat(pop.headers().firstValue("Content-Type")).contains("application/vnd.etsi.asic-e+zip");
        assertThat(pop.headers().firstValue("Content-Disposition")).contains("attachment; filename=asic.zip");
        assertThat(call("DELETE", "/api/messages/in/" + m.messageId()).statusCode()).isEqualTo(200);
        assertThat(call("DELETE", "/api/messages/in/" + m.messageId()).statusCode()).isEqualTo(404);
        assertThat(ip.message(m.messageId()).orElseThrow().status()).isEqualTo("INNKOMMENDE_LEVERT");
        assertThat(ip.calls()).extracting(c -> c.kind() + " " + c.status()).containsSubsequence(
                "PEEK 200", "POP 200", "DELETE 200", "DELETE 404");
        assertThat(ip.add(m)).as("a delivered id may come again").isTrue();
        JsonNode statuses = JSON.readTree(call("GET", "/api/statuses/" + m.messageId()).body());
        assertThat(statuses.findValuesAsText("status")).containsExactly("INNKOMMENDE_MOTTATT",
                "INNKOMMENDE_LEVERT", "INNKOMMENDE_MOTTATT");
    }

    @Test
    void theAsicIsBuiltLikeDigdirsWithAValidArkivmelding() throws Exception {
        Message m = letter("910075918");
        ip.add(m);
        call("GET", "/api/messages/in/peek");
        byte[] asic = call("GET", "/api/messages/in/pop/" + m.messageId()).body();

        List<String> names = new ArrayList<>();
        byte[] arkivmelding = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(asic))) {
            ZipEntry first = zip.getNextEntry();
            assertThat(first.getName()).isEqualTo("mimetype");
            assertThat(first.getMethod()).as("stored").isEqualTo(ZipEntry.STORED);
            assertThat(new String(zip.readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("application/vnd.etsi.asic-e+zip");
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                byte[] bytes = zip.readAllBytes();
                if (e.getName().equals("arkivmelding.xml")) {
                    arkivmelding = bytes;
                }
            }
        }
        assertThat(names).containsExactly("arkivmelding.xml", "vedtak.pdf", "kart.pdf", "manifest.xml",
                "META-INF/asicmanifest.xml", "META-INF/signature.p7s");
        ArkivmeldingSchemas.validate(ArkivmeldingVersion.EFORMIDLING, new ByteArrayInputStream(arkivmelding));
    }

    @Test
    void demoMailIsValidForEveryOrganisation() throws Exception {
        List<Message> demo = ip.seedDemo(List.of("910075918", "910075919"));
        assertThat(demo).hasSize(6).extracting(Message::receiverOrgnr).containsOnly("910075918", "910075919");
        assertThat(demo).extracting(Message::senderName).contains("Statsforvalteren i Vestland", "Statens vegvesen");
        for (Message m : demo) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            IntegrasjonspunktSimulator.writeArkivmelding(m, out);
            ArkivmeldingSchemas.validate(ArkivmeldingVersion.EFORMIDLING, new ByteArrayInputStream(out.toByteArray()));
            assertThat(m.documents().get(0).mediaType()).isEqualTo("application/pdf");
        }
    }

    @Test
    void receiptsPopWithoutContentAndSentReceiptsAreRecorded() throws Exception {
        Message receipt = Message.builder().receiver("910075918").receipt().build();
        ip.add(receipt);
        call("GET", "/api/messages/in/peek");
        assertThat(call("GET", "/api/messages/in/pop/" + receipt.messageId()).statusCode()).isEqualTo(204);

        String out = """
                {"standardBusinessDocumentHeader": {
                   "receiver": [{"identifier": {"authority": "iso6523-actorid-upis", "value": "0192:910076787"}}],
                   "documentIdentification": {"standard": "urn:no:difi:arkivmelding:xsd::arkivmelding_kvittering",
                       "type": "arkivmelding_kvittering", "typeVersion": "2.0"},
                   "businessScope": {"scope": [{"type": "ConversationId",
                       "identifier": "urn:no:difi:profile:arkivmelding:response:ver1.0"}]}},
                 "arkivmelding_kvittering": {"receiptType": "OK", "relatedToMessageId": "m-1",
                   "messages": [{"code": "journalpost", "text": "2026/117-3"}]}}""";
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(ip.baseUri() + "/api/messages/out"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("postmottak:hemmelig"
                        .getBytes(StandardCharsets.UTF_8))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(out)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(sent.body()).at("/standardBusinessDocumentHeader/documentIdentification"
                + "/instanceIdentifier").asText()).as("given an id").isNotBlank();
        assertThat(ip.sent()).singleElement().satisfies(s -> {
            assertThat(s.receiptType()).isEqualTo("OK");
            assertThat(s.relatedToMessageId()).isEqualTo("m-1");
            assertThat(s.messages()).containsExactly("journalpost: 2026/117-3");
            assertThat(s.receiverIdentifier()).isEqualTo("0192:910076787");
        });
    }

    @Test
    void basicAuthAndTheFailureKnobs() throws Exception {
        assertThat(call("GET", "/api/messages/in/peek", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/messages/in/peek", "postmottak", "feil").statusCode()).isEqualTo(401);
        ip.failNext(1, 503);
        assertThat(call("GET", "/api/messages/in/peek").statusCode()).isEqualTo(503);

        Message m = letter("910075918");
        ip.add(m);
        ip.knobs().expireLockAfterPeek(1);
        call("GET", "/api/messages/in/peek");
        assertThat(call("GET", "/api/messages/in/pop/" + m.messageId()).statusCode()).as("lock ran out")
                .isEqualTo(400);
        call("GET", "/api/messages/in/peek");
        ip.knobs().failPops(1);
        assertThat(call("GET", "/api/messages/in/pop/" + m.messageId()).statusCode()).isEqualTo(500);
        ip.knobs().truncatePops(1);
        try {
            HttpResponse<byte[]> cut = call("GET", "/api/messages/in/pop/" + m.messageId());
            assertThat(cut.body().length).as("fewer bytes than announced").isLessThan(
                    Integer.parseInt(cut.headers().firstValue("Content-Length").orElse("0")));
        } catch (IOException expected) {
            // the client noticed the connection end early
        }
        assertThat(call("GET", "/api/messages/in/pop/" + m.messageId()).statusCode()).as("the lock still holds")
                .isEqualTo(200);

        Message other = letter("910075918");
        ip.add(other);
        ip.knobs().lockTimeout(Duration.ofMillis(200));
        assertThat(call("GET", "/api/messages/in/peek").statusCode()).isEqualTo(200);
        // An expired lock makes the message peekable again.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                call("GET", "/api/messages/in/peek").statusCode() == 200);
        assertThat(ip.message(other.messageId()).orElseThrow().peeks()).isGreaterThanOrEqualTo(2);
    }
}
