package no.postmottak.web.internal;

import static no.postmottak.web.internal.TestClient.json;
import static no.postmottak.web.internal.TestServer.ORG_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import no.postmottak.api.ItemState;
import no.postmottak.api.inbox.AuditEntry;

/**
 * Confidential mail over the web API: anne (clerk of org A) and the administrator see that it exists and nothing
 * more, every content URL answers them 403; tove (with postmottak-taushet-910000001) reads it, and each of her looks
 * is in the audit trail. Nobody forwards it by e-mail.
 */
class ConfidentialApiTest {

    TestServer server;
    String secret;
    String open;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        open = server.receive(ORG_A, "Søknad om byggeløyve");
        secret = server.receiveConfidential(ORG_A, "Bekymringsmelding barnevern");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private List<String> contentUrls() {
        String item = "/postmottak/api/items/" + secret;
        return List.of(item, item + "/documents/0", item + "/documents/1", item + "/zip");
    }

    @Test
    void aClerkWithoutTheRoleAndTheAdministratorSeeOnlyThatItExists() throws Exception {
        for (String[] login : new String[][] {{"anne", "anne-pw"}, {"admin", "admin-pw"}}) {
            TestClient user = TestClient.loggedIn(server.base(), login[0], login[1]);
            JsonNode row = row(user, secret);
            assertThat(row.get("masked").asBoolean()).as(login[0]).isTrue();
            assertThat(row.get("title").asText()).isEqualTo("Taushetsbelagt");
            assertThat(row.get("sender").get("name").isNull()).isTrue();
            assertThat(row.get("documentCount").isNull()).isTrue();
            assertThat(row.get("receivedAt").asText()).isNotBlank();
            assertThat(row.get("channel").asText()).isEqualTo("SVARINN");
            assertThat(row(user, open).get("masked").asBoolean()).isFalse();
            assertThat(json(user.get("/postmottak/api/items?q=barnevern")).get("items")).as("its words do not match")
                    .isEmpty();
            for (String url : contentUrls()) {
                var r = user.get(url);
                assertThat(r.statusCode()).as("%s %s", login[0], url).isEqualTo(403);
                assertThat(new String(r.body())).doesNotContain("Bekymringsmelding").contains("postmottak-taushet-");
            }
            assertThat(user.post("/postmottak/api/items/" + secret + "/archive", "{}").statusCode()).isEqualTo(403);
        }
        assertThat(server.inbox.auditTrail(UUID.fromString(secret))).extracting(AuditEntry::action)
                .containsExactly("received");
    }

    @Test
    void aClerkWithTheRoleReadsItAndEachLookIsAudited() throws Exception {
        TestClient tove = TestClient.loggedIn(server.base(), "tove", "tove-pw");
        assertThat(json(tove.get("/postmottak/api/me")).get("confidentialOrgnrs").get(0).asText()).isEqualTo(ORG_A);
        JsonNode row = row(tove, secret);
        assertThat(row.get("masked").asBoolean()).isFalse();
        assertThat(row.get("confidential").asBoolean()).isTrue();
        assertThat(row.get("title").asText()).isEqualTo("Bekymringsmelding barnevern");
        assertThat(json(tove.get("/postmottak/api/items?q=barnevern")).get("items")).hasSize(1);

        JsonNode detail = json(tove.get("/postmottak/api/items/" + secret));
        assertThat(detail.get("title").asText()).isEqualTo("Bekymringsmelding barnevern");
        assertThat(detail.get("actions").get("forward").asBoolean()).isFalse();
        assertThat(tove.get("/postmottak/api/items/" + secret + "/documents/0").statusCode()).isEqualTo(200);
        assertThat(tove.get("/postmottak/api/items/" + secret + "/zip").statusCode()).isEqualTo(200);

        List<AuditEntry> trail = server.inbox.auditTrail(UUID.fromString(secret));
        assertThat(trail.get(0).action()).isEqualTo("received");
        assertThat(trail.subList(1, trail.size())).extracting(e -> e.actor() + ":" + e.action() + ":" + e.detail())
                .containsExactly("tove:view:null", "tove:download:Melding.pdf", "tove:download:Alle dokumenter som zip");
        assertThat(server.inbox.auditTrail(UUID.fromString(open))).extracting(AuditEntry::action)
                .as("ordinary mail is not audited per view").doesNotContain("view");

        var forward = tove.post("/postmottak/api/items/" + secret + "/forward", "{\"toAddress\":\"leder@example.org\"}");
        assertThat(forward.statusCode()).isEqualTo(409);
        assertThat(json(forward).get("error").asText()).contains("Taushetsbelagt post kan ikke videresendes");
        assertThat(server.inbox.get(UUID.fromString(secret)).orElseThrow().state()).isEqualTo(ItemState.RECEIVED);
    }

    private static JsonNode row(TestClient user, String id) throws Exception {
        for (JsonNode row : json(user.get("/postmottak/api/items")).get("items")) {
            if (row.get("id").asText().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("not listed: " + id);
    }
}
