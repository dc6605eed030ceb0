package no.postmottak.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import no.postmottak.api.Channel;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.ItemState;
import no.postmottak.api.Party;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.api.inbox.Page;
import no.postmottak.inbox.internal.TestDatabases.Kind;

/**
 * Every filter the web offers, paged through in small pages: each page is in order, and together they are exactly the
 * items that match (worked out here in Java from what was stored), across organisations, states and equal times.
 */
class FilteredPagingTest {

    private static final List<String> ORGS = List.of("910000001", "920000002", "930000003");
    private static final String[] WORDS = {"søknad", "klage", "faktura", "ærfugl", "Øvre", "årvoll", "bygg", "VEDTAK"};
    private static final String[] SENDERS = {"Åse Ødegård", "Ærlig Regnskap AS", "Kystverket", "Ola Nordmann"};
    private static final Instant BASE = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    /** What was stored, to work out the expected pages. */
    private record Row(UUID id, String orgnr, ItemState state, Instant receivedAt, String title, String sender,
                       boolean confidential) {

        boolean contains(String text) {
            String haystack = (title + " " + sender).toLowerCase(Locale.ROOT);
            return InboxQueries.words(text).stream().allMatch(haystack::contains);
        }
    }

    private static final Comparator<Row> NEWEST_FIRST = Comparator.comparing(Row::receivedAt)
            .thenComparing(Row::id, FilteredPagingTest::unsigned).reversed();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void filteredPagesAreInOrderAndTogetherExactlyTheMatches(Kind kind) throws Exception {
        DataSource ds = TestDatabases.create(kind, dir);
        JdbcInbox inbox = Fixtures.inbox(ds, new Fixtures.Orgs(), new ArchiveProviders());
        // More items per organisation (~1,170) than PostgreSQL's text probe reads (InboxQueries.TEXT_PROBE_ROWS):
        // its three outcomes are all taken below (a page found in the probe; the range read to its end; neither,
        // so the planner's query runs, as for the page as large as the probe's matches).
        int count = 3_500;
        List<Row> rows = insert(ds, count);
        Set<String> all = Set.copyOf(ORGS);
        Set<String> one = Set.of(ORGS.get(0));
        Instant from = BASE.minusSeconds(count / 10 * 3 / 4); // items are received up to count / 10 s before BASE
        Instant to = BASE.minusSeconds(count / 10 / 4);

        check(inbox, rows, new InboxQuery(one, Set.of(), null, null, null, null, 37), r -> true);
        check(inbox, rows, new InboxQuery(all, Set.of(), null, null, null, null, 37), r -> true);
        check(inbox, rows, new InboxQuery(one, Set.of(ItemState.ARCHIVING), null, null, null, null, 7),
                r -> r.state == ItemState.ARCHIVING);
        check(inbox, rows, new InboxQuery(all, ItemState.OPEN, null, null, null, null, 37),
                r -> ItemState.OPEN.contains(r.state));
        Set<ItemState> finals = EnumSet.of(ItemState.ARCHIVED, ItemState.DELETED, ItemState.FORWARDED);
        check(inbox, rows, new InboxQuery(all, finals, from, to, null, null, 23),
                r -> finals.contains(r.state) && !r.receivedAt.isBefore(from) && r.receivedAt.isBefore(to));
        check(inbox, rows, new InboxQuery(all, Set.of(), null, null, "SØKNAD", null, 37),
                r -> !r.confidential && r.contains("søknad"));
        // One organisation's page as large as the matches among its newest rows: PostgreSQL's probe cannot fill it.
        int inProbe = (int) rows.stream().filter(r -> r.orgnr.equals(ORGS.get(0))).sorted(NEWEST_FIRST)
                .limit(InboxQueries.TEXT_PROBE_ROWS).filter(r -> !r.confidential && r.contains("søknad")).count();
        check(inbox, rows, new InboxQuery(one, Set.of(), null, null, "søknad", null, inProbe),
                r -> !r.confidential && r.contains("søknad"));
        check(inbox, rows, new InboxQuery(all, Set.of(), null, null, "ærfugl ødegård", null, 5, one),
                r -> (!r.confidential || r.orgnr.equals(ORGS.get(0))) && r.contains("ærfugl ødegård"));
        check(inbox, rows, new InboxQuery(all, ItemState.OPEN, from, null, "ÅRVOLL", null, 11, all),
                r -> ItemState.OPEN.contains(r.state) && !r.receivedAt.isBefore(from) && r.contains("årvoll"));
    }

    private static void check(JdbcInbox inbox, List<Row> rows, InboxQuery query, Predicate<Row> filter)
            throws Exception {
        List<UUID> expected = rows.stream().filter(r -> query.orgnrs().contains(r.orgnr)).filter(filter)
                .sorted(NEWEST_FIRST).map(Row::id).toList();
        List<UUID> paged = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        int pages = 0;
        for (InboxQuery q = query; ; pages++) {
            Page<InboxItem> page = inbox.find(q);
            assertThat(page.items().size()).isLessThanOrEqualTo(query.limit());
            for (InboxItem item : page.items()) {
                assertThat(seen.add(item.id())).as("on two pages: %s", item.id()).isTrue();
                paged.add(item.id());
            }
            if (!page.hasNext()) {
                break;
            }
            assertThat(page.items()).hasSize(query.limit());
            q = q.after(page);
        }
        assertThat(expected).as("the test data must exercise the filter").hasSizeGreaterThan(query.limit());
        assertThat(paged).as("%s", query).containsExactlyElementsOf(expected);
        assertThat(pages).isGreaterThan(0);
    }

    /** Rows as accept writes them (ItemRows), states moved by hand; ten items per timestamp on average. */
    private static List<Row> insert(DataSource ds, int count) throws Exception {
        Random random = new Random(17);
        List<Row> rows = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement state = c.prepareStatement("UPDATE inbox_item SET state = ? WHERE id = ?")) {
                for (int i = 0; i < count; i++) {
                    String orgnr = ORGS.get(random.nextInt(ORGS.size()));
                    String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)]
                            + " " + i;
                    String sender = SENDERS[random.nextInt(SENDERS.length)];
                    boolean confidential = random.nextInt(8) == 0;
                    Instant at = BASE.minusSeconds(random.nextInt(count / 10));
                    ItemState s = ItemState.values()[random.nextInt(ItemState.values().length)];
                    UUID id = UUID.randomUUID();
                    ItemRows.insert(c, id, new IncomingItem(Channel.SVARINN, "p-" + i, orgnr,
                            Party.organisation(sender, "999888777"), null, title, null, 3, "brev", null, null, null,
                            null, List.of(), null, confidential), at, true);
                    state.setString(1, s.name());
                    state.setObject(2, id);
                    state.executeUpdate();
                    rows.add(new Row(id, orgnr, s, at, title, sender, confidential));
                }
            }
            c.commit();
        }
        return rows;
    }

    private static int unsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
