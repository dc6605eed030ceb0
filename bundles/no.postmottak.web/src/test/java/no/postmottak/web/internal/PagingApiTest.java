package no.postmottak.web.internal;

import static no.postmottak.web.internal.TestClient.json;
import static no.postmottak.web.internal.TestServer.ORG_A;
import static no.postmottak.web.internal.TestServer.ORG_B;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Keyset paging through a few thousand items: every item exactly once, newest first, filters respected. */
class PagingApiTest {

    static final int PER_ORG = 1000;
    static TestServer server;
    static Set<String> idsA = new HashSet<>();

    @BeforeAll
    static void fill() throws Exception {
        server = new TestServer();
        for (int i = 0; i < PER_ORG; i++) {
            idsA.add(server.receiveSmall(ORG_A, (i % 10 == 0 ? "Klage " : "Søknad ") + i));
            server.receiveSmall(ORG_B, "Annen org " + i);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void pagingVisitsEveryItemOfTheOrgOnceNewestFirst() throws Exception {
        TestClient anne = TestClient.loggedIn(server.base(), "anne", "anne-pw");
        List<JsonNode> all = pages(anne, "/postmottak/api/items?limit=200");
        assertThat(all).hasSize(PER_ORG);
        Set<String> seen = new HashSet<>();
        Instant previous = Instant.MAX;
        for (JsonNode i : all) {
            assertThat(i.get("orgnr").asText()).isEqualTo(ORG_A);
            assertThat(i.get("documentCount").asInt()).isEqualTo(1);
            assertThat(seen.add(i.get("id").asText())).as("seen once").isTrue();
            Instant at = Instant.parse(i.get("receivedAt").asText());
            assertThat(at).isBeforeOrEqualTo(previous);
            previous = at;
        }
        assertThat(seen).isEqualTo(idsA);
    }

    @Test
    void filtersNarrowThePages() throws Exception {
        TestClient anne = TestClient.loggedIn(server.base(), "anne", "anne-pw");
        List<JsonNode> klager = pages(anne, "/postmottak/api/items?limit=37&q=" + URLEncoder.encode("klage",
                StandardCharsets.UTF_8));
        assertThat(klager).hasSize(PER_ORG / 10).allMatch(i -> i.get("title").asText().startsWith("Klage"));
        assertThat(pages(anne, "/postmottak/api/items?limit=200&state=ARCHIVED")).isEmpty();
        assertThat(pages(anne, "/postmottak/api/items?limit=200&state=OPEN")).hasSize(PER_ORG);
        assertThat(pages(anne, "/postmottak/api/items?limit=200&to=2000-01-01")).isEmpty();
    }

    private static List<JsonNode> pages(TestClient c, String first) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String url = first;
        for (int guard = 0; guard < 1000; guard++) {
            var r = c.get(url);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode page = json(r);
            page.get("items").forEach(all::add);
            if (page.get("nextCursor").isNull()) {
                return all;
            }
            url = first + "&cursor=" + URLEncoder.encode(page.get("nextCursor").asText(), StandardCharsets.UTF_8);
        }
        throw new AssertionError("paging did not end");
    }
}
