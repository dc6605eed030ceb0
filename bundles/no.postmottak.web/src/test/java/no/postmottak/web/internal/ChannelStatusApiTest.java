package no.postmottak.web.internal;

import static no.postmottak.web.internal.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import no.postmottak.api.channel.ChannelAccount;
import no.postmottak.api.channel.ChannelAlert;

/** Channel status on the administration page and "poll now", through Jetty, the security filter and the API. */
class ChannelStatusApiTest {

    static TestServer server;
    static TestChannelAccount kommune;
    static TestChannelAccount refused;
    static ChannelAccount broken;
    static TestClient admin;
    static TestClient anne;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer();
        kommune = new TestChannelAccount("kommune", List.of(new ChannelAlert(ChannelAlert.Kind.CERTIFICATE_EXPIRING,
                ChannelAlert.Severity.WARNING, "Sertifikatet går ut 06.12.2026")), true);
        refused = new TestChannelAccount("dobbel", List.of(new ChannelAlert(ChannelAlert.Kind.CONFIGURATION,
                ChannelAlert.Severity.ERROR, "To systemer kan ikke hente for samme organisasjonsnummer")), false);
        broken = TestChannelAccount.broken();
        server.channels.add(11, kommune);
        server.channels.add(12, broken);
        server.channels.add(13, refused);
        admin = TestClient.loggedIn(server.base(), "admin", "admin-pw");
        anne = TestClient.loggedIn(server.base(), "anne", "anne-pw");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theAdministratorSeesEveryAccountAndABrokenOneAsAnErrorLine() throws Exception {
        JsonNode channels = json(admin.get("/postmottak/api/admin/overview")).get("channels");

        assertThat(channels.findValuesAsText("id")).containsExactly("13", "11", "12");
        JsonNode k = channels.get(1);
        assertThat(k.get("channel").asText()).isEqualTo("SvarInn");
        assertThat(k.get("account").asText()).isEqualTo("kommune");
        assertThat(k.get("orgnrs").get(0).asText()).isEqualTo(TestServer.ORG_A);
        assertThat(k.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(k.get("lastPoll").get("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(k.get("lastPoll").get("ended").asText()).startsWith("2026-11-26T0");
        assertThat(k.get("nextPoll").asText()).isEqualTo("2026-11-26T08:15:00Z");
        assertThat(k.get("failed").asLong()).isEqualTo(1);
        assertThat(k.get("severity").asText()).isEqualTo("WARNING");
        assertThat(k.get("alerts").get(0).get("kind").asText()).isEqualTo("CERTIFICATE_EXPIRING");
        assertThat(k.get("alerts").get(0).get("text").asText()).contains("06.12.2026");
        JsonNode error = channels.get(2);
        assertThat(error.get("error").asText()).contains("Status kunne ikke hentes", "IllegalStateException");
        assertThat(error.has("account")).isFalse();

        JsonNode alone = json(admin.get("/postmottak/api/admin/channels")).get("channels");
        assertThat(alone.findValuesAsText("id")).containsExactly("13", "11", "12");
    }

    @Test
    void aClerkGets403OnChannelStatusAndOnPoll() throws Exception {
        int before = kommune.polls.get();
        assertThat(anne.get("/postmottak/api/admin/channels").statusCode()).isEqualTo(403);
        assertThat(anne.post("/postmottak/api/admin/channels/11/poll", "{}").statusCode()).isEqualTo(403);
        assertThat(new String(anne.get("/postmottak/api/admin/overview").body(), StandardCharsets.UTF_8))
                .doesNotContain("kommune");
        assertThat(kommune.polls.get()).isEqualTo(before);
    }

    @Test
    void pollNowNeedsTheCsrfTokenAndShowsTheNewPoll() throws Exception {
        int before = kommune.polls.get();
        assertThat(admin.postWithToken("/postmottak/api/admin/channels/11/poll", "{}", null).statusCode())
                .isEqualTo(403);
        assertThat(admin.postWithToken("/postmottak/api/admin/channels/11/poll", "{}", "feil").statusCode())
                .isEqualTo(403);
        assertThat(admin.get("/postmottak/api/admin/channels/11/poll").statusCode()).as("GET polls nothing")
                .isEqualTo(404);
        assertThat(kommune.polls.get()).isEqualTo(before);

        var r = admin.post("/postmottak/api/admin/channels/11/poll", "{}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(kommune.polls.get()).isEqualTo(before + 1);
        JsonNode channel = json(r).get("channel");
        assertThat(channel.get("lastPoll").get("summary").asText()).isEqualTo("1 mottatt, 0 feilet av 1 ventende");
        assertThat(json(admin.get("/postmottak/api/admin/channels")).get("channels").get(1).get("lastPoll")
                .get("started").asText()).isEqualTo(channel.get("lastPoll").get("started").asText());
    }

    @Test
    void pollNowExplainsUnknownRefusedAndBrokenAccounts() throws Exception {
        assertThat(admin.post("/postmottak/api/admin/channels/99/poll", "{}").statusCode()).isEqualTo(404);
        assertThat(admin.post("/postmottak/api/admin/channels/x/poll", "{}").statusCode()).isEqualTo(404);

        var r = admin.post("/postmottak/api/admin/channels/13/poll", "{}");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("error").asText()).isEqualTo(
                "Kontoen kan ikke hente nå: To systemer kan ikke hente for samme organisasjonsnummer");

        var b = admin.post("/postmottak/api/admin/channels/12/poll", "{}");
        assertThat(b.statusCode()).isEqualTo(502);
        assertThat(json(b).get("retryable").asBoolean()).isTrue();
    }

    @Test
    void anAccountThatGoesAwayDisappearsFromThePage() throws Exception {
        TestChannelAccount temporary = new TestChannelAccount("midlertidig", List.of(), true);
        server.channels.add(20, temporary);
        assertThat(json(admin.get("/postmottak/api/admin/channels")).get("channels").findValuesAsText("account"))
                .contains("midlertidig");
        server.channels.remove(20, kommune); // not the one registered under 20: nothing happens
        server.channels.remove(20, temporary);
        assertThat(json(admin.get("/postmottak/api/admin/channels")).get("channels").findValuesAsText("account"))
                .doesNotContain("midlertidig");
        assertThat(admin.post("/postmottak/api/admin/channels/20/poll", "{}").statusCode()).isEqualTo(404);
    }
}
