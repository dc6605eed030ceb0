package no.postmottak.benchmarks.inbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import no.postmottak.api.ItemState;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxQuery;

/**
 * Inbox page latency at 100,000 items of one organisation (plus 20,000 in each of two more, for a clerk of three
 * organisations): p50 and p95 of {@code find} for a page of 50, per query shape. States are spread as in a busy
 * inbox (80 % archived, 15 % received, 1 % archiving failed, 4 % deleted); 1 item in 1,000 is a "byggesøknad".
 * Usage: {@code PagingLatency h2|pg [ITEMS] [RUNS]} (defaults 100000, 300).
 */
public final class PagingLatency {

    private PagingLatency() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Path dir = Files.createTempDirectory("inbox-paging-" + kind);
        try (BenchDatabases db = new BenchDatabases(kind, dir)) {
            Inbox inbox = Bench.inbox(db);
            long t0 = System.nanoTime();
            Instant newest = Instant.EPOCH;
            for (String[] org : new String[][] {{Bench.ORG_A, "" + items}, {Bench.ORG_B, "" + items / 5},
                    {Bench.ORG_C, "" + items / 5}}) {
                UUID template = inbox.accept(Bench.item("template-" + org[0], org[0], "Mal"),
                        Bench.documents(1, 1000)).itemId();
                newest = inbox.get(template).orElseThrow().receivedAt();
                seed(db, template, org[0], Integer.parseInt(org[1]));
            }
            System.out.printf("%s: seeded %d items in %.0f s%n", kind, items * 7 / 5 + 3, (System.nanoTime() - t0) / 1e9);

            Set<String> a = Set.of(Bench.ORG_A);
            Set<String> three = Set.of(Bench.ORG_A, Bench.ORG_B, Bench.ORG_C);
            // a cursor about 99,000 items deep: the newest item older than the 1,000 oldest (items are 1 s apart)
            String deep = inbox.find(new InboxQuery(a, Set.of(), null, newest.minusSeconds(items - 1000), null,
                    null, 1)).nextCursor();
            java.util.Map<String, InboxQuery> cases = new java.util.LinkedHashMap<>();
            cases.put("first page, 1 org", InboxQuery.all(a, 50));
            cases.put("page ~99,000 deep, 1 org",
                    new InboxQuery(a, Set.of(), null, null, null, deep, 50));
            cases.put("state OPEN (16 %), 1 org",
                    new InboxQuery(a, ItemState.OPEN, null, null, null, null, 50));
            cases.put("state ARCHIVE_FAILED (1 %), 1 org",
                    new InboxQuery(a, Set.of(ItemState.ARCHIVE_FAILED), null, null, null, null, 50));
            cases.put("text \"byggesøknad\" (0.1 %), 1 org",
                    new InboxQuery(a, Set.of(), null, null, "byggesøknad", null, 50));
            cases.put("text \"søknad 4242\" (20 matches), 1 org",
                    new InboxQuery(a, Set.of(), null, null, "søknad 4242", null, 50));
            cases.put("first page, clerk of 3 orgs", InboxQuery.all(three, 50));
            cases.put("state OPEN, clerk of 3 orgs",
                    new InboxQuery(three, ItemState.OPEN, null, null, null, null, 50));
            // One pass over all shapes first: JIT, database caches and post-load background work settle.
            for (InboxQuery q : cases.values()) {
                for (int i = 0; i < runs / 3; i++) {
                    inbox.find(q);
                }
            }
            for (var c : cases.entrySet()) {
                measure(kind, inbox, runs, c.getKey(), c.getValue());
            }
        }
    }

    /** Copies of the template item, one second apart going back, straight in SQL (accept would take long). */
    private static void seed(BenchDatabases db, UUID template, String orgnr, int count) throws Exception {
        boolean h2 = db.kind.equals("h2");
        String range = h2 ? "SYSTEM_RANGE(1, ?) r" : "generate_series(1, ?) AS r(x)";
        String uuid = h2 ? "RANDOM_UUID()" : "gen_random_uuid()";
        String second = h2 ? "INTERVAL '1' SECOND" : "INTERVAL '1 second'";
        try (Connection c = db.dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbox_item (id, channel, channel_id,"
                    + " recipient_orgnr, title, sender_name, search_text, received_at, state, state_changed_at,"
                    + " version, org_configured, metadata_json) SELECT " + uuid + ", t.channel,"
                    + " CONCAT('bench-', t.recipient_orgnr, '-', CAST(r.x AS VARCHAR(20))), t.recipient_orgnr,"
                    + " CONCAT('Søknad om ', CAST(r.x AS VARCHAR(20))), t.sender_name,"
                    + " CONCAT(CASE WHEN MOD(r.x, 1000) = 7 THEN 'byggesøknad ' ELSE 'søknad ' END,"
                    + " CAST(r.x AS VARCHAR(20)), ' byggmester hansen as'), t.received_at - r.x * " + second + ","
                    + " CASE WHEN MOD(r.x, 100) < 80 THEN 'ARCHIVED' WHEN MOD(r.x, 100) < 95 THEN 'RECEIVED'"
                    + " WHEN MOD(r.x, 100) = 95 THEN 'ARCHIVE_FAILED' ELSE 'DELETED' END, t.state_changed_at,"
                    + " 0, t.org_configured, t.metadata_json FROM inbox_item t, " + range + " WHERE t.id = ?");
                 PreparedStatement docs = c.prepareStatement("INSERT INTO inbox_document (item_id, idx, file_name,"
                         + " media_type, role, document_type, size_bytes, sha256, purged) SELECT i.id, 0, 'brev.pdf',"
                         + " 'application/pdf', 'MAIN', 'brev', 1000, 'x', FALSE FROM inbox_item i"
                         + " WHERE i.recipient_orgnr = ? AND i.channel_id LIKE 'bench-%'");
                 Statement s = c.createStatement()) {
                ps.setInt(1, count);
                ps.setObject(2, template);
                ps.executeUpdate();
                docs.setString(1, orgnr);
                docs.executeUpdate();
                s.execute(h2 ? "ANALYZE" : "VACUUM ANALYZE"); // as autovacuum would after a bulk load
            }
        }
    }

    private static void measure(String kind, Inbox inbox, int runs, String label, InboxQuery query)
            throws Exception {
        List<Long> nanos = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < runs + runs / 10; i++) {
            long t = System.nanoTime();
            size = inbox.find(query).items().size();
            if (i >= runs / 10) { // the first tenth warms up
                nanos.add(System.nanoTime() - t);
            }
        }
        Bench.result(kind, label, String.format("p50 %.1f ms, p95 %.1f ms (%d items)", Bench.percentile(nanos, 50),
                Bench.percentile(nanos, 95), size));
    }
}
