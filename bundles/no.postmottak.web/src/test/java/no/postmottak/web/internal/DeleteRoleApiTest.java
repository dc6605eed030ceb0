package no.postmottak.web.internal;

import static no.postmottak.web.internal.TestClient.json;
import static no.postmottak.web.internal.TestServer.ORG_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import no.postmottak.api.ItemState;

/** With {@code deleteRestricted}, only the role postmottak-delete (and administrators) may delete, one or in bulk. */
class DeleteRoleApiTest {

    TestServer server;

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void onlyTheDeleteRoleMayDeleteWhenRestricted() throws Exception {
        server = new TestServer(true);
        String item = server.receive(ORG_A, "Reklame");
        TestClient anne = TestClient.loggedIn(server.base(), "anne", "anne-pw");
        TestClient astrid = TestClient.loggedIn(server.base(), "astrid", "astrid-pw");
        assertThat(json(anne.get("/postmottak/api/me")).get("mayDelete").asBoolean()).isFalse();
        assertThat(json(astrid.get("/postmottak/api/me")).get("mayDelete").asBoolean()).isTrue();

        var single = anne.post("/postmottak/api/items/" + item + "/delete", "{\"reason\":\"reklame\"}");
        assertThat(single.statusCode()).isEqualTo(403);
        assertThat(json(single).get("error").asText()).contains("postmottak-delete");
        var bulk = anne.post("/postmottak/api/bulk/delete", "{\"ids\":[\"" + item + "\"],\"reason\":\"reklame\"}");
        assertThat(bulk.statusCode()).isEqualTo(403);
        assertThat(server.inbox.get(UUID.fromString(item)).orElseThrow().state()).isEqualTo(ItemState.RECEIVED);

        assertThat(astrid.post("/postmottak/api/items/" + item + "/delete", "{\"reason\":\"reklame\"}").statusCode())
                .isEqualTo(200);
        assertThat(server.inbox.get(UUID.fromString(item)).orElseThrow().state()).isEqualTo(ItemState.DELETED);
    }

    @Test
    void everyClerkMayDeleteByDefault() throws Exception {
        server = new TestServer();
        String item = server.receive(ORG_A, "Feilsendt");
        TestClient anne = TestClient.loggedIn(server.base(), "anne", "anne-pw");
        assertThat(json(anne.get("/postmottak/api/me")).get("mayDelete").asBoolean()).isTrue();
        assertThat(anne.post("/postmottak/api/items/" + item + "/delete", "{\"reason\":\"feilsendt\"}").statusCode())
                .isEqualTo(200);
    }
}
