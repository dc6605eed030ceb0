package no.postmottak.benchmarks.inbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import no.postmottak.api.ItemState;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxQuery;

/**
 * Inbox page latency at a large municipality's scale (default 1,000,000 items, see {@link ScaleLoader} for the mix):
 * p50, p95 and p99 of {@code find} for a page of 50, per query kind the web's QueryParser can make (organisations,
 * states, date range, free text, cursor), then the cost of the paging and search indexes on ingest (item rows
 * inserted one durable transaction each, as accept does, with and without those indexes).
 * Usage: {@code PagingLatency h2|pg [ITEMS] [MAX_RUNS] [SECONDS_PER_KIND]} (defaults 1000000, 200, 15).
 */
public final class PagingLatency {

    /**
     * The indexes the paging and search migration added (V5), and on PostgreSQL the trigram index SearchIndex makes
     * (on organisation and text with btree_gin, else on the text alone).
     */
    static final List<String> SEARCH_INDEXES = List.of("ix_inbox_item_org_state_received",
            "ix_inbox_item_org_search_trgm", "ix_inbox_item_search_trgm");

    private PagingLatency() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int maxRuns = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Duration budget = Duration.ofSeconds(args.length > 3 ? Integer.parseInt(args[3]) : 15);
        Path dir = Files.createTempDirectory("inbox-paging-" + kind);
        try (BenchDatabases db = new BenchDatabases(kind, dir, false)) {
            Inbox inbox = Bench.inbox(db);
            Instant newest = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            long t0 = System.nanoTime();
            ScaleLoader.load(db, inbox, new String[] {Bench.ORG_A, Bench.ORG_B, Bench.ORG_C}, items, newest);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            Bench.result(kind, "load " + items + " items (batches, straight into tables)",
                    String.format("%.0f s (%.0f items/s)", loadSeconds, items / loadSeconds));

            Set<String> a = Set.of(Bench.ORG_A);
            Set<String> three = Set.of(Bench.ORG_A, Bench.ORG_B, Bench.ORG_C);
            Instant yearAgo = newest.minus(Duration.ofDays(300));
            // A cursor 90 % down organisation A's items (found with a date bound, so this costs one page).
            Instant deepAt = newest.minus(ScaleLoader.STEP.multipliedBy(items * 9L / 10));
            String deep = inbox.find(new InboxQuery(a, Set.of(), null, deepAt, null, null, 1)).nextCursor();
            String deepArchived = inbox.find(new InboxQuery(a, Set.of(ItemState.ARCHIVED), null, deepAt, null, null,
                    1)).nextCursor();
            Map<String, InboxQuery> cases = new LinkedHashMap<>();
            cases.put("default page, 1 org (80 %)", InboxQuery.all(a, 50));
            cases.put("default page, clerk of 3 orgs", InboxQuery.all(three, 50));
            cases.put("org B only (10 %)", InboxQuery.all(Set.of(Bench.ORG_B), 50));
            cases.put("deep page (keyset, 90 % down), 1 org", new InboxQuery(a, Set.of(), null, null, null, deep, 50));
            cases.put("deep page, state ARCHIVED, 1 org",
                    new InboxQuery(a, Set.of(ItemState.ARCHIVED), null, null, null, deepArchived, 50));
            for (ItemState s : ItemState.values()) {
                cases.put("state " + s + ", 1 org", new InboxQuery(a, Set.of(s), null, null, null, null, 50));
            }
            cases.put("state OPEN, 1 org", new InboxQuery(a, ItemState.OPEN, null, null, null, null, 50));
            cases.put("state OPEN, clerk of 3 orgs", new InboxQuery(three, ItemState.OPEN, null, null, null, null, 50));
            cases.put("states ARCHIVE_FAILED+ARCHIVING+FORWARDED, 3 orgs", new InboxQuery(three,
                    EnumSet.of(ItemState.ARCHIVE_FAILED, ItemState.ARCHIVING, ItemState.FORWARDED), null, null, null,
                    null, 50));
            cases.put("date range 1 week, 300 days ago, 1 org",
                    new InboxQuery(a, Set.of(), yearAgo.minus(Duration.ofDays(7)), yearAgo, null, null, 50));
            cases.put("date range 1 week + state OPEN, 3 orgs",
                    new InboxQuery(three, ItemState.OPEN, yearAgo.minus(Duration.ofDays(7)), yearAgo, null, null, 50));
            cases.put("text \"søknad\" (common), 1 org", text(a, "søknad", Set.of()));
            cases.put("text \"byggesøknad\" (0.1 %), 1 org", text(a, "byggesøknad", Set.of()));
            cases.put("text \"ærfuglreir\" (20 items), 1 org", text(a, "ærfuglreir", Set.of()));
            cases.put("text sender \"øyvind åsheim\", 1 org", text(a, "Øyvind Åsheim", Set.of()));
            cases.put("text sender \"kystverket\", clerk of 3 orgs", text(three, "Kystverket", Set.of()));
            cases.put("text \"bekymringsmelding\", 3 orgs, confidential allowed", text(three, "bekymringsmelding", three));
            cases.put("text \"xyzzy\" (no match), 1 org", text(a, "xyzzy", Set.of()));
            cases.put("text \"øy\" (2 letters), 1 org", text(a, "øy", Set.of()));
            cases.put("text \"faktura\" + state OPEN, 3 orgs",
                    new InboxQuery(three, ItemState.OPEN, null, null, "faktura", null, 50));
            cases.put("text \"tilsynsrapport\" + 1 week, 1 org",
                    new InboxQuery(a, Set.of(), yearAgo.minus(Duration.ofDays(7)), yearAgo, "tilsynsrapport", null, 50));
            Map<String, Callable<Integer>> runs = new LinkedHashMap<>();
            // The reference for this machine's load in this run: the cheapest read there is.
            UUID some = inbox.find(InboxQuery.all(a, 1)).items().get(0).id();
            runs.put("reference: one item by id", () -> inbox.get(some).isPresent() ? 1 : 0);
            cases.forEach((label, q) -> runs.put(label, () -> inbox.find(q).items().size()));
            // One round over all kinds first: JIT, database caches and post-load background work settle.
            settle(db);
            for (Callable<Integer> run : runs.values()) {
                for (int i = 0; i < 10; i++) {
                    run.call();
                }
            }
            for (var r : runs.entrySet()) {
                measure(kind, maxRuns, budget, r.getKey(), r.getValue());
            }
            if (Boolean.getBoolean("explain")) {
                explain(db);
            }
            ingestCost(db, kind, newest);
        }
    }

    /** The plans of InboxQueries' statement shapes (-Dexplain=true), written to stdout. */
    private static void explain(BenchDatabases db) throws Exception {
        boolean h2 = db.kind.equals("h2");
        String select = "SELECT id, received_at, state, version, org_configured, metadata_json, receipt_json"
                + " FROM inbox_item WHERE recipient_orgnr = '" + Bench.ORG_A + "'";
        String order = " ORDER BY recipient_orgnr, received_at DESC, id DESC FETCH FIRST 51 ROWS ONLY";
        String stateOrder = " ORDER BY recipient_orgnr, state, received_at DESC, id DESC FETCH FIRST 51 ROWS ONLY";
        List<String> sqls = List.of(select + order,
                select + " AND state = 'ARCHIVING'" + stateOrder,
                select + " AND confidential = FALSE AND search_text LIKE '%byggesøknad%' ESCAPE '!'" + order,
                select + " AND confidential = FALSE AND search_text LIKE '%ærfuglreir%' ESCAPE '!'" + order,
                select + " AND confidential = FALSE AND search_text LIKE '%søknad%' ESCAPE '!'" + order,
                select + " AND confidential = FALSE AND search_text LIKE '%kystverket%' ESCAPE '!'" + order,
                select + " AND confidential = FALSE AND search_text LIKE '%øyvind%' ESCAPE '!'"
                        + " AND search_text LIKE '%åsheim%' ESCAPE '!'" + order,
                select + " AND state = 'RECEIVED' AND confidential = FALSE AND search_text LIKE '%faktura%' ESCAPE '!'"
                        + stateOrder,
                // a clerk of several organisations: the keys-only query of a small organisation
                "SELECT received_at, id FROM inbox_item WHERE recipient_orgnr = '" + Bench.ORG_B + "'"
                        + " AND confidential = FALSE AND search_text LIKE '%kystverket%' ESCAPE '!'" + order,
                // PostgreSQL's text probes (InboxQueries.TEXT_PROBE_ROWS): the newest rows in page order, then the
                // count that tells whether the range went on, for a word of 1 % in a small organisation
                probe(Bench.ORG_B, "bekymringsmelding", 1000, order),
                probe(Bench.ORG_B, "bekymringsmelding", 6375, order),
                "SELECT COUNT(*) FROM (SELECT 1 FROM inbox_item WHERE recipient_orgnr = '" + Bench.ORG_B + "'"
                        + order.replace("51", "1000") + ") newest",
                "SELECT received_at, id FROM inbox_item WHERE recipient_orgnr = '" + Bench.ORG_B + "'"
                        + " AND search_text LIKE '%bekymringsmelding%' ESCAPE '!'" + order,
                select + " AND received_at >= CURRENT_TIMESTAMP - INTERVAL '307' DAY"
                        + " AND received_at < CURRENT_TIMESTAMP - INTERVAL '300' DAY"
                        + " AND confidential = FALSE AND search_text LIKE '%tilsynsrapport%' ESCAPE '!'" + order);
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : sqls) {
                System.out.println("PLAN " + sql);
                try (java.sql.ResultSet rs = s.executeQuery((h2 ? "EXPLAIN ANALYZE " : "EXPLAIN (ANALYZE, BUFFERS) ")
                        + sql)) {
                    while (rs.next()) {
                        System.out.println("  " + rs.getString(1));
                    }
                }
            }
        }
    }

    private static String probe(String orgnr, String word, int rows, String order) {
        return "SELECT received_at, id FROM inbox_item WHERE id IN (SELECT id FROM (SELECT recipient_orgnr, state,"
                + " received_at, id, confidential, search_text FROM inbox_item WHERE recipient_orgnr = '" + orgnr + "'"
                + order.replace("51", String.valueOf(rows)) + ") newest WHERE TRUE AND search_text LIKE '%" + word
                + "%' ESCAPE '!'" + order + ")" + order.substring(0, order.indexOf(" FETCH"));
    }

    /** After the bulk load: PostgreSQL writes its dirty pages out now rather than while we measure. */
    private static void settle(BenchDatabases db) throws Exception {
        if (db.kind.equals("pg")) {
            try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
            }
        }
    }

    private static InboxQuery text(Set<String> orgs, String text, Set<String> confidentialOrgs) {
        return new InboxQuery(orgs, Set.of(), null, null, text, null, 50, confidentialOrgs);
    }

    private static void measure(String kind, int maxRuns, Duration budget, String label, Callable<Integer> run)
            throws Exception {
        List<Long> nanos = new ArrayList<>();
        int size = 0;
        long end = System.nanoTime() + budget.toNanos();
        while (nanos.size() < maxRuns && (nanos.size() < 10 || System.nanoTime() < end)) {
            long t = System.nanoTime();
            size = run.call();
            nanos.add(System.nanoTime() - t);
        }
        Bench.result(kind, label, String.format(Locale.ROOT, "p50 %.1f / p95 %.1f / p99 %.1f ms (%d runs, %d items)",
                Bench.percentile(nanos, 50), Bench.percentile(nanos, 95), Bench.percentile(nanos, 99), nanos.size(),
                size));
    }

    /**
     * Item rows inserted one durable transaction each (ItemRows' statement, plus a document row; on H2 with
     * CHECKPOINT SYNC as Db does) into the full table: first with every index, then without the search indexes.
     */
    private static void ingestCost(BenchDatabases db, String kind, Instant newest) throws Exception {
        int n = 1_000;
        double with = insertOneByOne(db, n, newest, "with");
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String index : SEARCH_INDEXES) {
                String definition = indexDefinition(s, db.kind, index);
                if (definition != null) {
                    definitions.add(definition);
                    names.add(index);
                    s.execute("DROP INDEX " + index);
                }
            }
        }
        double without = insertOneByOne(db, n, newest, "without");
        long t = System.nanoTime();
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String definition : definitions) {
                s.execute(definition);
            }
        }
        double rebuild = (System.nanoTime() - t) / 1e9;
        double again = insertOneByOne(db, n, newest, "again");
        Bench.result(kind, "ingest: one item row per transaction at full size", String.format(Locale.ROOT,
                "mean %.2f ms with the search indexes, %.2f ms without, %.2f ms with again → %.2fx", with, without,
                again, (with + again) / 2 / without));
        Bench.result(kind, "building the search indexes at full size", String.format(Locale.ROOT, "%.0f s (%s)",
                rebuild, definitions.isEmpty() ? "none there" : String.join(", ", names)));
    }

    /** The index's CREATE statement when it exists (PostgreSQL: as it was made), else null. */
    private static String indexDefinition(Statement s, String kind, String index) throws Exception {
        String sql = kind.equals("h2")
                ? "SELECT 'CREATE INDEX " + index + " ON inbox_item (recipient_orgnr, state, received_at DESC, id DESC)'"
                        + " FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = '" + index.toUpperCase(Locale.ROOT) + "'"
                : "SELECT indexdef FROM pg_indexes WHERE indexname = '" + index + "'";
        try (java.sql.ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static double insertOneByOne(BenchDatabases db, int n, Instant newest, String tag) throws Exception {
        boolean h2 = db.kind.equals("h2");
        List<Long> nanos = new ArrayList<>();
        try (Connection c = db.dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement items = c.prepareStatement("INSERT INTO inbox_item (id, channel, channel_id,"
                    + " recipient_orgnr, title, sender_name, search_text, received_at, state, state_changed_at,"
                    + " version, org_configured, metadata_json, confidential)"
                    + " VALUES (?, 'SVARINN', ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, 0, TRUE, ?, FALSE)");
                 PreparedStatement docs = c.prepareStatement("INSERT INTO inbox_document (item_id, idx, file_name,"
                         + " media_type, role, document_type, size_bytes, sha256, purged)"
                         + " VALUES (?, 0, 'brev.pdf', 'application/pdf', 'MAIN', 'brev', 1000, 'x', FALSE)");
                 Statement s = c.createStatement()) {
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    UUID id = UUID.randomUUID();
                    String title = "Søknad om ferdigattest " + tag + " " + i;
                    String sender = "Åse Ødegård Bygg AS";
                    OffsetDateTime at = OffsetDateTime.ofInstant(newest.plusMillis(i), ZoneOffset.UTC);
                    items.setObject(1, id);
                    items.setString(2, "ingest-" + tag + "-" + i);
                    items.setString(3, Bench.ORG_A);
                    items.setString(4, title);
                    items.setString(5, sender);
                    items.setString(6, (title + " " + sender).toLowerCase(Locale.ROOT));
                    items.setObject(7, at);
                    items.setObject(8, at);
                    items.setString(9, "{\"title\":\"" + title + "\"}");
                    items.executeUpdate();
                    docs.setObject(1, id);
                    docs.executeUpdate();
                    c.commit();
                    if (h2) {
                        s.execute("CHECKPOINT SYNC");
                    }
                    nanos.add(System.nanoTime() - t);
                }
            }
            c.setAutoCommit(true);
        }
        return nanos.stream().mapToLong(Long::longValue).average().orElseThrow() / 1e6; // mean: GIN flushes count
    }
}
