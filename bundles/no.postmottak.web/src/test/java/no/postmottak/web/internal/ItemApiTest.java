package no.postmottak.web.internal;

import static no.postmottak.web.internal.TestClient.json;
import static no.postmottak.web.internal.TestServer.ORG_A;
import static no.postmottak.web.internal.TestServer.ORG_UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import no.postmottak.api.DocumentDescriptor;
import no.postmottak.api.DocumentRole;
import no.postmottak.api.ItemState;

/** The item view, documents, zip, actions and the administration overview, on Jetty and the real inbox. */
class ItemApiTest {

    TestServer server;
    TestClient anne;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        anne = TestClient.loggedIn(server.base(), "anne", "anne-pw");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void theItemViewShowsMetadataDocumentsAndAuditTrail() throws Exception {
        String id = server.receive(ORG_A, "Søknad om ferdigattest");
        JsonNode item = json(anne.get("/postmottak/api/items/" + id));
        assertThat(item.get("title").asText()).isEqualTo("Søknad om ferdigattest");
        assertThat(item.get("sender").get("name").asText()).isEqualTo("Byggmester Hansen AS");
        assertThat(item.get("senderReference").asText()).isEqualTo("2023/77-5");
        assertThat(item.get("suggestion").get("caseNumber").asText()).isEqualTo("2024/412");
        JsonNode org = item.get("organisation");
        assertThat(org.get("displayName").asText()).isEqualTo("Testkommune " + ORG_A);
        assertThat(org.get("archiveKind").asText()).isEqualTo("test");
        assertThat(org.get("archiveTarget").asText()).isEqualTo("testarkiv");
        assertThat(org.get("archiveProblem").isNull()).isTrue();
        assertThat(org.get("fallbackCaseTitle").asText()).isEqualTo("Fordeling – Øyane");
        assertThat(org.get("archiveAvailable").asBoolean()).isTrue();
        assertThat(org.get("fallbackCase").asText()).isEqualTo("2024/1");
        assertThat(org.get("forwardingAvailable").asBoolean()).isFalse();
        assertThat(item.get("securityLevel").asInt()).isEqualTo(3);
        assertThat(item.get("documentCount").asInt()).isEqualTo(2);
        assertThat(item.get("documents").get(0).get("fileName").asText()).isEqualTo("Søknad om løyve.pdf");
        assertThat(item.get("documents").get(0).get("preview").asBoolean()).isTrue();
        assertThat(item.get("documents").get(1).get("preview").asBoolean()).isFalse();
        assertThat(item.get("audit").get(0).get("action").asText()).isEqualTo("received");
        assertThat(item.get("actions").get("archive").asBoolean()).isTrue();
        assertThat(item.get("sender").has("fnr")).isFalse();
    }

    @Test
    void whatTheChannelNotedIsShownOnTheItemAndNothingElseOfItsAttributes() throws Exception {
        String id = server.receiveSmall(ORG_A, "Uten arkivmelding", java.util.Map.of(JsonViews.NOTICE,
                "Meldingen har ingen arkivmelding.xml", "eformidling.conversationId", "c-1"));
        JsonNode item = json(anne.get("/postmottak/api/items/" + id));
        assertThat(item.get("notice").asText()).isEqualTo("Meldingen har ingen arkivmelding.xml");
        assertThat(item.toString()).doesNotContain("c-1");
        assertThat(json(anne.get("/postmottak/api/items")).toString()).doesNotContain("arkivmelding.xml");
    }

    @Test
    void pdfIsServedInlineForThePreviewAndAsAttachmentOnDownload() throws Exception {
        String id = server.receive(ORG_A, "PDF");
        HttpResponse<byte[]> inline = anne.get("/postmottak/api/items/" + id + "/documents/0");
        assertThat(inline.statusCode()).isEqualTo(200);
        assertThat(inline.body()).isEqualTo(TestServer.PDF);
        assertThat(inline.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(inline.headers().firstValue("Content-Disposition")).hasValue(
                "inline; filename=\"S_knad om l_yve.pdf\"; filename*=UTF-8''S%C3%B8knad%20om%20l%C3%B8yve.pdf");
        assertThat(inline.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'self'").doesNotContain("'none'; sandbox");
        assertThat(inline.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<byte[]> download = anne.get("/postmottak/api/items/" + id + "/documents/0?download=1");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");

        HttpResponse<byte[]> text = anne.get("/postmottak/api/items/" + id + "/documents/1");
        assertThat(text.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(text.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"vedlegg.txt\"; filename*=UTF-8''vedlegg.txt");
        assertThat(anne.get("/postmottak/api/items/" + id + "/documents/7").statusCode()).isEqualTo(404);
    }

    @Test
    void activeContentFromSendersIsNeverServedAsSuch() throws Exception {
        String id = server.receive(ORG_A, "HTML", new DocumentDescriptor("<script>.html", "text/html", -1, null,
                DocumentRole.MAIN, null), "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = anne.get("/postmottak/api/items/" + id + "/documents/0");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains("filename=\"<script>.html\"");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
    }

    @Test
    void downloadAllGivesAZipOfTheDocuments() throws Exception {
        String id = server.receive(ORG_A, "Zip/æøå");
        HttpResponse<byte[]> r = anne.get("/postmottak/api/items/" + id + "/zip");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename*=UTF-8''Zip_%C3%A6%C3%B8%C3%A5.zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).hasSize(2);
    }

    @Test
    void archiveShowsTheJournalpostNumberAndAFailureIsRetryable() throws Exception {
        String id = server.receive(ORG_A, "Arkiveres");
        String archive = "/postmottak/api/items/" + id + "/archive";
        server.archive.down = true;
        HttpResponse<byte[]> failed = anne.post(archive, "{\"caseNumber\":\"2024/412\"}");
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(json(failed).get("retryable").asBoolean()).isTrue();
        assertThat(json(failed).get("error").asText()).contains("Arkivet svarer ikke");
        assertThat(json(anne.get("/postmottak/api/items/" + id)).get("state").asText()).isEqualTo("ARCHIVE_FAILED");

        server.archive.down = false;
        HttpResponse<byte[]> ok = anne.post(archive, "{\"caseNumber\":\"2024/412\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("receipt").get("journalpostNumber").asText()).startsWith("2024/412-");
        JsonNode item = json(anne.get("/postmottak/api/items/" + id));
        assertThat(item.get("state").asText()).isEqualTo("ARCHIVED");
        assertThat(item.get("receipt").get("caseNumber").asText()).isEqualTo("2024/412");
        assertThat(item.get("receipt").get("target").asText()).isEqualTo("testarkiv");
        assertThat(item.get("audit").findValuesAsText("actor")).contains("anne");
        assertThat(item.get("audit").findValuesAsText("detail")).anySatisfy(d ->
                assertThat(d).startsWith("Arkivert i «testarkiv» (test): journalpost"));
        // archiving twice is refused by the inbox, clearly
        HttpResponse<byte[]> again = anne.post(archive, "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(anne.post(archive, "{\"caseNumber\":\"tull\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void deleteNeedsAReasonAndPurgesTheContent() throws Exception {
        String id = server.receive(ORG_A, "Slettes");
        String delete = "/postmottak/api/items/" + id + "/delete";
        assertThat(anne.post(delete, "{}").statusCode()).isEqualTo(400);
        assertThat(anne.post(delete, "{\"reason\":\"Feilsendt\"}").statusCode()).isEqualTo(200);
        JsonNode item = json(anne.get("/postmottak/api/items/" + id));
        assertThat(item.get("state").asText()).isEqualTo("DELETED");
        assertThat(item.get("audit").findValuesAsText("detail")).anyMatch(d -> d.contains("Feilsendt"));
        assertThat(anne.get("/postmottak/api/items/" + id + "/documents/0").statusCode()).isEqualTo(410);
    }

    @Test
    void forwardWithoutMailSettingsIsRefusedClearly() throws Exception {
        String id = server.receive(ORG_A, "Videresendes");
        HttpResponse<byte[]> r = anne.post("/postmottak/api/items/" + id + "/forward",
                "{\"toAddress\":\"saksbehandler@kommune.no\",\"note\":\"Til deg\"}");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("error").asText()).contains("Videresending");
    }

    @Test
    void bulkActionsReportEachItem() throws Exception {
        String a1 = server.receive(ORG_A, "Bulk 1");
        String a2 = server.receive(ORG_A, "Bulk 2");
        server.inbox.delete(UUID.fromString(a2), "allerede slettet", "test");
        HttpResponse<byte[]> r = anne.post("/postmottak/api/bulk/archive",
                "{\"ids\":[\"" + a1 + "\",\"" + a2 + "\"]}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode result = json(r);
        assertThat(result.get("succeeded").asInt()).isEqualTo(1);
        assertThat(result.get("failed").asInt()).isEqualTo(1);
        assertThat(server.inbox.get(UUID.fromString(a1)).orElseThrow().state()).isEqualTo(ItemState.ARCHIVED);

        String a3 = server.receive(ORG_A, "Bulk 3");
        assertThat(anne.post("/postmottak/api/bulk/delete", "{\"ids\":[\"" + a3 + "\"]}").statusCode())
                .isEqualTo(400);
        assertThat(json(anne.post("/postmottak/api/bulk/delete",
                "{\"ids\":[\"" + a3 + "\"],\"reason\":\"Spam\"}")).get("succeeded").asInt()).isEqualTo(1);
    }

    @Test
    void untouchedItemsGetABadgeAfterTwoHoursAndShowOnTheAdminPage() throws Exception {
        String old = server.receive(ORG_A, "Gammel");
        server.receive(ORG_UNKNOWN, "Til ukjent organisasjon");
        server.clock.advance(Duration.ofHours(3));
        String fresh = server.receive(ORG_A, "Ny");
        JsonNode items = json(anne.get("/postmottak/api/items")).get("items");
        assertThat(items.get(0).get("id").asText()).isEqualTo(fresh);
        assertThat(items.get(0).get("untouched").asBoolean()).isFalse();
        assertThat(items.get(1).get("id").asText()).isEqualTo(old);
        assertThat(items.get(1).get("untouched").asBoolean()).isTrue();

        TestClient admin = TestClient.loggedIn(server.base(), "admin", "admin-pw");
        JsonNode overview = json(admin.get("/postmottak/api/admin/overview"));
        assertThat(overview.get("unconfigured").findValuesAsText("orgnr")).containsExactly(ORG_UNKNOWN);
        assertThat(overview.get("stuck").findValuesAsText("id")).contains(old).doesNotContain(fresh);
        JsonNode orgA = null;
        for (JsonNode o : overview.get("organisations")) {
            if (o.get("orgnr").asText().equals(ORG_A)) {
                orgA = o;
            }
        }
        assertThat(orgA).isNotNull();
        assertThat(orgA.get("counts").get("RECEIVED").asInt()).isEqualTo(2);
        assertThat(overview.get("organisations").findValuesAsText("orgnr")).contains(ORG_UNKNOWN);
        JsonNode archive = overview.get("archive");
        assertThat(archive.get("organisations").findValuesAsText("archiveTarget")).containsOnly("testarkiv");
        assertThat(archive.get("organisations").findValuesAsText("orgnr")).contains(ORG_A)
                .doesNotContain(ORG_UNKNOWN);
        JsonNode target = archive.get("targets").get(0);
        assertThat(target.get("name").asText()).isEqualTo("testarkiv");
        assertThat(target.get("shared").asBoolean()).as("serves both test organisations, shown as a warning")
                .isEqualTo(target.get("organisations").size() > 1);
        assertThat(admin.get("/postmottak/admin.html").statusCode()).isEqualTo(200);
    }
}
