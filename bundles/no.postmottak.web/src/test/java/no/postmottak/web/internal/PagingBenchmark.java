package no.postmottak.web.internal;

import static no.postmottak.web.internal.TestClient.json;
import static no.postmottak.web.internal.TestServer.ORG_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.api.inbox.Page;

/**
 * Not a test (surefire does not pick it up): measures the inbox list API at 100,000 items of one organisation on
 * an H2 file database. Run with {@code mvn verify -Dtest=PagingBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * prints the query plan and medians, asserts no timing.
 */
class PagingBenchmark {

    static final int ITEMS = 100_000;

    @Test
    void listPagesAt100kItems(@TempDir Path dir) throws Exception {
        try (TestServer server = new TestServer("jdbc:h2:file:" + dir.resolve("bench") + ";LOCK_TIMEOUT=10000")) {
            server.receiveSmall(ORG_A, "Mal");
            long t0 = System.nanoTime();
            try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement()) {
                // Copies of the one accepted item, one second apart, straight in SQL: accept() would take minutes.
                s.executeUpdate("INSERT INTO inbox_item (id, channel, channel_id, recipient_orgnr, title, sender_name,"
                        + " search_text, received_at, state, state_changed_at, version, org_configured, metadata_json)"
                        + " SELECT RANDOM_UUID(), channel, 'bench-' || X, recipient_orgnr, 'Søknad ' || X, sender_name,"
                        + " 'søknad ' || X || ' ' || sender_name, DATEADD(SECOND, -X, received_at), state,"
                        + " state_changed_at, version, org_configured, metadata_json"
                        + " FROM inbox_item, SYSTEM_RANGE(1, " + (ITEMS - 1) + ")");
                s.executeUpdate("INSERT INTO inbox_document (item_id, idx, file_name, media_type, role, size_bytes,"
                        + " sha256, purged) SELECT i.id, 0, 'brev.txt', 'text/plain', 'MAIN', 1, 'x', FALSE"
                        + " FROM inbox_item i WHERE NOT EXISTS (SELECT 1 FROM inbox_document d WHERE d.item_id = i.id)");
            }
            System.out.printf("seeded %d items in %d ms%n", ITEMS, (System.nanoTime() - t0) / 1_000_000);
            TestClient anne = TestClient.loggedIn(server.base(), "anne", "anne-pw");
            measure(server, anne, "schema as migrated");
        }
    }

    private static void measure(TestServer server, TestClient anne, String label) throws Exception {
        System.out.println("== " + label);
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("EXPLAIN SELECT id FROM inbox_item WHERE recipient_orgnr IN ('" + ORG_A
                    + "') ORDER BY received_at DESC, id DESC FETCH FIRST 51 ROWS ONLY");
            rs.next();
            System.out.println("PLAN " + rs.getString(1).replace('\n', ' '));
        }
        String first = "/postmottak/api/items?state=&limit=50";
        for (int i = 0; i < 3; i++) {
            anne.get(first); // warm-up
        }
        List<Long> firstPage = new ArrayList<>();
        // (the warm-up calls cached the first page's document counts; deep pages below start cold)
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            assertThat(anne.get(first).statusCode()).isEqualTo(200);
            firstPage.add(System.nanoTime() - t);
        }
        // A cursor deep in the list, found through the inbox itself (cheap), then the API timed there.
        // A cursor about 99,000 items deep, from a one-item page in a narrow time window (items are 1 s apart).
        Instant newest = server.inbox.find(InboxQuery.all(Set.of(ORG_A), 1)).items().get(0).receivedAt();
        Page<InboxItem> p = server.inbox.find(new InboxQuery(Set.of(ORG_A), Set.of(), null,
                newest.minusSeconds(ITEMS - 1000), null, null, 1));
        String deep = "/postmottak/api/items?state=&limit=50&cursor="
                + URLEncoder.encode(p.nextCursor(), StandardCharsets.UTF_8);
        List<Long> deepCold = new ArrayList<>();
        List<Long> deepWarm = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long t = System.nanoTime();
            JsonNode page = json(anne.get(deep));
            (i == 0 ? deepCold : deepWarm).add(System.nanoTime() - t);
            assertThat(page.get("items")).hasSize(50);
        }
        List<Long> search = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            anne.get("/postmottak/api/items?state=&limit=50&q=" + URLEncoder.encode("søknad 99999",
                    StandardCharsets.UTF_8));
            search.add(System.nanoTime() - t);
        }
        System.out.printf("first page (50): median %.1f ms%n", median(firstPage));
        System.out.printf("page of 50 after item %d: first call %.1f ms, then median %.1f ms%n",
                ITEMS - 1000, median(deepCold), median(deepWarm));
        System.out.printf("free-text search (50): median %.1f ms%n", median(search));
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }
}
