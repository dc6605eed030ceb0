package no.postmottak.inbox.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import no.postmottak.api.ItemState;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.api.inbox.Page;

/**
 * Inbox listings. Pages use a keyset cursor (received_at, id), newest first: a page costs the same at item 100,000
 * as at item 0, and items arriving meanwhile never shift or repeat the later pages.
 */
final class InboxQueries {

    record Cursor(Instant receivedAt, UUID id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((receivedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) throws InboxException {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new InboxException("Ugyldig sidemarkør: " + text, false, e);
            }
        }
    }

    /**
     * The text filter, once per word: a case-insensitive substring of title or sender name (search_text holds both
     * lower-cased, as {@link #words} lower-cases the query, in Java on both databases: the same for æ, ø and å).
     * PostgreSQL answers it from the pg_trgm index ({@link SearchIndex}) when the words are rare, or reads the
     * organisation's items in page order when they are common; H2 always does the latter.
     */
    static final String TEXT_CONDITION = "search_text LIKE ? ESCAPE '!'";

    private InboxQueries() {
    }

    /** The query's words, lower-cased. */
    static List<String> words(String text) {
        return java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).trim().split("\\s+"))
                .filter(w -> !w.isEmpty()).toList();
    }

    /** The LIKE pattern for one word: anywhere, with the pattern characters taken literally. */
    static String containing(String word) {
        return "%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /**
     * One index-ordered query per organisation, and per state when the query names states, merged newest first.
     * Equality on the org number (and the state) lets H2 and PostgreSQL read an index in page order and stop after
     * limit+1 rows: {@code (recipient_orgnr, received_at DESC, id DESC)} without a state filter,
     * {@code (recipient_orgnr, state, received_at DESC, id DESC)} with one. A state IN (...) in one query would make
     * the database either read the organisation's items until enough match (a rare state at a million items: all of
     * them) or fetch every item in those states and sort them (OPEN at a million items: 100,000 rows).
     * With several queries, each returns only its keys (received_at, id: index columns), and the page's rows are
     * read by id afterwards: 9 queries (3 organisations, 3 states) would otherwise read and parse 459 items for 50.
     */
    static Page<InboxItem> find(Connection c, InboxQuery q, boolean postgres) throws SQLException, InboxException {
        if (postgres && q.text() != null) {
            // The plan depends on the words (rare: the trigram index; common: the page-ordered scan). After five runs
            // of one statement the JDBC driver prepares it on the server, and PostgreSQL may then reuse a generic plan
            // made without the words: measured, a 0.7 ms query took 170 ms. LOCAL: until this read commits.
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            }
        }
        Cursor cursor = q.cursor() == null ? null : Cursor.decode(q.cursor());
        List<ItemState> states = q.states().isEmpty() ? java.util.Collections.singletonList(null)
                : new ArrayList<>(new java.util.TreeSet<>(q.states()));
        List<String> orgnrs = new ArrayList<>(new java.util.TreeSet<>(q.orgnrs()));
        if (orgnrs.size() == 1 && states.size() == 1) {
            List<InboxItem> items = select(c, ItemRows.COLUMNS, orgnrs.get(0), states.get(0), q, cursor, postgres,
                    rs -> ItemRows.map(rs, List.of()));
            if (items.size() <= q.limit()) {
                return new Page<>(items, null);
            }
            InboxItem last = items.get(q.limit() - 1);
            return new Page<>(items.subList(0, q.limit()), new Cursor(last.receivedAt(), last.id()).encode());
        }
        List<Cursor> keys = new ArrayList<>();
        for (String orgnr : orgnrs) {
            for (ItemState state : states) {
                keys.addAll(select(c, "received_at, id", orgnr, state, q, cursor, postgres,
                        rs -> new Cursor(Db.getInstant(rs, "received_at"), rs.getObject("id", UUID.class))));
            }
        }
        keys.sort(NEWEST_FIRST);
        List<Cursor> page = keys.subList(0, Math.min(q.limit(), keys.size()));
        return new Page<>(byId(c, page), keys.size() > q.limit() ? page.get(page.size() - 1).encode() : null);
    }

    /** The database's order (received_at DESC, id DESC); UUIDs compare as the database compares them. */
    private static final java.util.Comparator<Cursor> NEWEST_FIRST = java.util.Comparator
            .comparing(Cursor::receivedAt).thenComparing(Cursor::id, InboxQueries::compareUuid).reversed();

    private static int compareUuid(UUID a, UUID b) {
        // H2 and PostgreSQL both order UUIDs as unsigned 128-bit numbers; java.util.UUID compares signed.
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** The items of these keys, in their order. */
    private static List<InboxItem> byId(Connection c, List<Cursor> keys) throws SQLException {
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<UUID, InboxItem> found = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ItemRows.COLUMNS + " FROM inbox_item WHERE id IN ("
                + String.join(", ", java.util.Collections.nCopies(keys.size(), "?")) + ")")) {
            for (int i = 0; i < keys.size(); i++) {
                ps.setObject(i + 1, keys.get(i).id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    InboxItem item = ItemRows.map(rs, List.of());
                    found.put(item.id(), item);
                }
            }
        }
        // Items are never removed (deleting is a state), so every key is found.
        return keys.stream().map(k -> found.get(k.id())).filter(java.util.Objects::nonNull).toList();
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * PostgreSQL, text filter: the newest this many rows of the range (organisation, state, dates, cursor) are read in
     * page order first. When a page of matches is among them, or the range has no more rows, that is the answer,
     * whatever the words: the planner cannot then choose a bitmap plan for words it thinks rare (measured at
     * 1,000,000 items: a small organisation's ~560 ARCHIVE_FAILED items and "faktura", 16.8 ms ANDing the state index
     * with the trigram index against under 1 ms in page order).
     */
    static final int TEXT_PROBE_ROWS = 1000;
    /**
     * When the first probe found some matches but not a page, a second one reads as many rows as the density seen
     * says a page needs (a quarter more), up to this many; a word with no match in the first probe, or too sparse,
     * goes to the planner, which should then use the trigram index (whose bitmap reads every match in the range).
     */
    static final int TEXT_PROBE_MAX_ROWS = 20_000;

    /** One organisation's first limit+1 matches, in one state or (state null) in all, newest first. */
    private static <T> List<T> select(Connection c, String columns, String orgnr, ItemState state, InboxQuery q,
                                      Cursor cursor, boolean postgres, RowMapper<T> mapper) throws SQLException {
        StringBuilder range = new StringBuilder(" FROM inbox_item WHERE recipient_orgnr = ?");
        List<Object> rangeArgs = new ArrayList<>(List.of(orgnr));
        if (state != null) {
            range.append(" AND state = ?");
            rangeArgs.add(state.name());
        }
        if (q.from() != null) {
            range.append(" AND received_at >= ?");
            rangeArgs.add(Db.micros(q.from()));
        }
        if (q.to() != null) {
            range.append(" AND received_at < ?");
            rangeArgs.add(Db.micros(q.to()));
        }
        if (cursor != null) {
            // The first condition bounds the index range; the second drops the rows up to the cursor itself.
            range.append(" AND received_at <= ? AND (received_at < ? OR id < ?)");
            rangeArgs.add(cursor.receivedAt());
            rangeArgs.add(cursor.receivedAt());
            rangeArgs.add(cursor.id());
        }
        StringBuilder text = new StringBuilder();
        List<Object> textArgs = new ArrayList<>();
        if (q.text() != null) {
            if (!q.confidentialOrgnrs().contains(orgnr)) {
                // A confidential item's title and sender are not for this user: they must not make it match.
                text.append(" AND confidential = FALSE");
            }
            for (String word : words(q.text())) {
                text.append(" AND ").append(TEXT_CONDITION);
                textArgs.add(containing(word));
            }
        }
        // Naming the org (and state) column too lets H2 see that the index delivers this order ("index sorted").
        // One row more than asked tells whether a next page exists.
        String order = state == null ? " ORDER BY recipient_orgnr, received_at DESC, id DESC"
                : " ORDER BY recipient_orgnr, state, received_at DESC, id DESC";
        String first = " FETCH FIRST " + (q.limit() + 1) + " ROWS ONLY";
        List<Object> args = new ArrayList<>(rangeArgs);
        args.addAll(textArgs);
        if (postgres && q.text() != null) {
            for (int budget = TEXT_PROBE_ROWS, probes = 0; probes < 2; probes++) {
                // Subqueries with a row limit are not merged into the outer query: the inner one is read in page
                // order, from the index alone where the table's pages are all-visible (its columns are all in the
                // page-order indexes, V7); the matches' rows are then read by id.
                String newest = order + " FETCH FIRST " + budget + " ROWS ONLY";
                List<T> probed = rows(c, "SELECT " + columns + " FROM inbox_item WHERE id IN (SELECT id FROM (SELECT"
                        + " recipient_orgnr, state, received_at, id, confidential, search_text" + range + newest
                        + ") newest WHERE TRUE" + text + order + first + ")" + order, args, mapper);
                if (probed.size() > q.limit() || rows(c, "SELECT COUNT(*) FROM (SELECT 1" + range + newest
                        + ") newest", rangeArgs, rs -> rs.getInt(1)).get(0) < budget) {
                    return probed;
                }
                long needed = probed.isEmpty() ? Long.MAX_VALUE
                        : (long) budget * (q.limit() + 1) * 5 / 4 / probed.size();
                if (needed > TEXT_PROBE_MAX_ROWS) {
                    break;
                }
                budget = (int) needed;
            }
        }
        return rows(c, "SELECT " + columns + range + text + order + first, args, mapper);
    }

    private static <T> List<T> rows(Connection c, String sql, List<Object> args, RowMapper<T> mapper)
            throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
        }
        return rows;
    }

    static Map<ItemState, Long> countByState(Connection c, String orgnr) throws SQLException {
        Map<ItemState, Long> counts = new EnumMap<>(ItemState.class);
        for (ItemState s : ItemState.values()) {
            counts.put(s, 0L);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT state, COUNT(*) FROM inbox_item WHERE recipient_orgnr = ? GROUP BY state")) {
            ps.setString(1, orgnr);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(ItemState.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /** Items still RECEIVED (no clerk action has moved them) since before {@code receivedBefore}, oldest first. */
    static List<InboxItem> untouchedSince(Connection c, Instant receivedBefore, int limit) throws SQLException {
        List<InboxItem> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ItemRows.COLUMNS + " FROM inbox_item"
                + " WHERE state = ? AND received_at < ? ORDER BY received_at, id FETCH FIRST "
                + Math.max(1, Math.min(limit, 10_000)) + " ROWS ONLY")) {
            ps.setString(1, ItemState.RECEIVED.name());
            Db.setInstant(ps, 2, receivedBefore);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(ItemRows.map(rs, List.of()));
                }
            }
        }
        return items;
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Instant instant) {
                Db.setInstant(ps, i + 1, instant);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }
}
