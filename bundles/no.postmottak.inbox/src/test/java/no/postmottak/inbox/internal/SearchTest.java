package no.postmottak.inbox.internal;

import static no.postmottak.inbox.internal.Fixtures.ORGNR;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

import no.postmottak.api.IncomingItem;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.inbox.internal.TestDatabases.Kind;

/** The text filter: case-insensitive substrings of title and sender name, every word, the same on both databases. */
class SearchTest {

    @TempDir
    Path dir;

    private final Fixtures.Orgs orgs = new Fixtures.Orgs();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void findsWordsOfTitleAndSenderWhateverTheCaseWithNorwegianLetters(Kind kind) throws Exception {
        JdbcInbox inbox = Fixtures.inbox(TestDatabases.create(kind, dir), orgs, new ArchiveProviders());
        UUID attest = accept(inbox, Fixtures.item("s-1", ORGNR, "Søknad om ferdigattest", "Åse Ødegård", null));
        UUID klage = accept(inbox, Fixtures.item("s-2", ORGNR, "Klage på vedtak", "ÆRLIG REGNSKAP AS", null));
        UUID reir = accept(inbox, Fixtures.item("s-3", ORGNR, "Melding om ÆRFUGLREIR ved Øvre Årvoll", "Kystverket",
                null));
        UUID secret = accept(inbox, confidential(Fixtures.item("s-4", ORGNR, "Bekymringsmelding",
                "Øyvind Åsheim", null)));

        assertThat(search(inbox, "ødegård")).containsExactly(attest);
        assertThat(search(inbox, "ÅSE")).containsExactly(attest);
        assertThat(search(inbox, "gård")).as("a substring").containsExactly(attest);
        assertThat(search(inbox, "ærlig")).containsExactly(klage);
        assertThat(search(inbox, "Ærfuglreir")).containsExactly(reir);
        assertThat(search(inbox, "øvre årvoll")).containsExactly(reir);
        assertThat(search(inbox, "KLAGE ærlig")).as("a title word and a sender word").containsExactly(klage);
        assertThat(search(inbox, "  søknad   ødegård ")).containsExactly(attest);
        assertThat(search(inbox, "søknad ærlig")).as("every word must match").isEmpty();
        assertThat(search(inbox, "om")).containsExactly(reir, attest);
        assertThat(search(inbox, "a")).containsExactly(klage, attest); // not the confidential one
        assertThat(search(inbox, "bekymring")).as("confidential, not for this user").isEmpty();
        assertThat(search(inbox, "ØYVIND")).isEmpty();
        assertThat(ids(inbox.find(new InboxQuery(Set.of(ORGNR), Set.of(), null, null, "åsheim", null, 10,
                Set.of(ORGNR))))).containsExactly(secret);
        assertThat(search(inbox, "kystverket ærfugl")).containsExactly(reir);
        assertThat(search(inbox, "ærfuglreir!")).isEmpty();
    }

    /**
     * The longest title and sender, in letters of three bytes each: the item is stored (on PostgreSQL its text is in
     * the page-order indexes, whose rows have a size limit) and is found by the start of its title.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aLongTitleOutsideLatin1IsStoredAndFoundByItsStart(Kind kind) throws Exception {
        JdbcInbox inbox = Fixtures.inbox(TestDatabases.create(kind, dir), orgs, new ArchiveProviders());
        String title = "ᚠᚢᚦ " + "ᚨ".repeat(996);
        UUID runes = accept(inbox, Fixtures.item("s-1", ORGNR, title, "ᛗ".repeat(500), null));
        UUID plain = accept(inbox, Fixtures.item("s-2", ORGNR, "Søknad om ferdigattest", "Åse Ødegård", null));

        assertThat(ItemRows.searchText(title, "ᛗ".repeat(500)).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(ItemRows.SEARCH_TEXT_MAX_BYTES);
        assertThat(inbox.get(runes).orElseThrow().metadata().title()).isEqualTo(title);
        assertThat(search(inbox, "ᚠᚢᚦ")).containsExactly(runes);
        assertThat(search(inbox, "ødegård")).containsExactly(plain);
    }

    /**
     * On PostgreSQL the page-order indexes carry the text filter's columns, so a probe can read them alone (V7), and
     * autovacuum marks recent pages all-visible sooner than by default.
     */
    @Test
    void postgresPageOrderIndexesCarryTheTextColumns() throws Exception {
        DataSource ds = TestDatabases.create(Kind.POSTGRES, dir);
        Fixtures.inbox(ds, orgs, new ArchiveProviders());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN"
                     + " ('ix_inbox_item_org_received', 'ix_inbox_item_org_state_received') ORDER BY indexname")) {
            for (String name : List.of("ix_inbox_item_org_received", "ix_inbox_item_org_state_received")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(name);
                assertThat(rs.getString(2)).endsWith("INCLUDE (confidential, search_text)");
            }
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT array_to_string(reloptions, ',') FROM pg_class"
                     + " WHERE relname = 'inbox_item'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("recent pages all-visible sooner")
                    .contains("autovacuum_vacuum_insert_scale_factor=0.01");
        }
    }

    /**
     * The index the text filter needs on PostgreSQL exists with both columns, PostgreSQL can answer the text condition
     * from it, and the text-only index is not kept beside it. (Which index serves organisation and text together is
     * the planner's choice by the table's statistics: shown at 1,000,000 items by benchmarks/inbox-bench.sh.)
     */
    @Test
    void postgresAnswersTheTextConditionFromTheIndexOnOrganisationAndText() throws Exception {
        DataSource ds = TestDatabases.create(Kind.POSTGRES, dir);
        Fixtures.inbox(ds, orgs, new ArchiveProviders());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // On an empty table the plan would otherwise read it whole, or read a page-order index whole (V7: the
            // text is in those too, to be tested there); a bitmap scan needs an index that serves the condition.
            s.execute("SET enable_seqscan = off");
            s.execute("SET enable_indexscan = off");
            s.execute("SET enable_indexonlyscan = off");
            String sql = "EXPLAIN SELECT id FROM inbox_item WHERE " + InboxQueries.TEXT_CONDITION.replace("?",
                    "'" + InboxQueries.containing(InboxQueries.words("ærfuglreir").get(0)) + "'");
            assertThat(plan(s, sql)).contains(SearchIndex.ORG_NAME);
            try (ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE indexname = '"
                    + SearchIndex.ORG_NAME + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains("gin (recipient_orgnr, search_text").contains("gin_trgm_ops");
            }
        }
        assertThat(indexExists(ds, SearchIndex.NAME)).isFalse();
    }

    /**
     * A database user that may not create extensions: the inbox starts, warns, and searches without the index;
     * once a DBA has created pg_trgm, the next start makes the index.
     */
    @Test
    void postgresWithoutTheRightToCreateTheExtensionSearchesWithoutTheIndexUntilADbaCreatesIt() throws Exception {
        PGSimpleDataSource admin = (PGSimpleDataSource) TestDatabases.create(Kind.POSTGRES, dir);
        String role = "inbox_app_" + admin.getDatabaseName();
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN");
            s.execute("REVOKE CREATE ON DATABASE " + admin.getDatabaseName() + " FROM PUBLIC");
            s.execute("GRANT CONNECT ON DATABASE " + admin.getDatabaseName() + " TO " + role);
            s.execute("GRANT ALL ON SCHEMA public TO " + role);
        }
        PGSimpleDataSource app = new PGSimpleDataSource();
        app.setURL(admin.getURL());
        app.setUser(role);

        JdbcInbox inbox = Fixtures.inbox(app, orgs, new ArchiveProviders());
        UUID attest = accept(inbox, Fixtures.item("s-1", ORGNR, "Søknad om ferdigattest", "Åse Ødegård", null));
        assertThat(indexExists(admin, SearchIndex.NAME)).isFalse();
        assertThat(search(inbox, "ødegård")).containsExactly(attest);

        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION pg_trgm"); // the DBA's first step (README)
        }
        inbox = Fixtures.inbox(app, orgs, new ArchiveProviders());
        assertThat(indexExists(admin, SearchIndex.NAME)).as("text only, without btree_gin").isTrue();
        assertThat(search(inbox, "ødegård")).containsExactly(attest);

        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION btree_gin"); // the DBA's second step (README)
        }
        inbox = Fixtures.inbox(app, orgs, new ArchiveProviders());
        assertThat(indexExists(admin, SearchIndex.ORG_NAME)).isTrue();
        assertThat(indexExists(admin, SearchIndex.NAME)).as("replaced").isFalse();
        assertThat(search(inbox, "ødegård")).containsExactly(attest);
    }

    private static boolean indexExists(DataSource ds, String name) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pg_indexes WHERE indexname = '" + name + "'")) {
            return rs.next();
        }
    }

    private static String plan(Statement s, String sql) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static IncomingItem confidential(IncomingItem i) {
        return new IncomingItem(i.channel(), i.channelId(), i.recipientOrgnr(), i.sender(), i.recipient(), i.title(),
                i.sentAt(), 4, i.forsendelseType(), i.eksternRef(), i.replyToChannelId(), i.senderMetadata(),
                i.importSuggestion(), i.links(), i.channelAttributes(), true);
    }

    private static UUID accept(JdbcInbox inbox, IncomingItem item) throws Exception {
        return inbox.accept(item, Fixtures.docs(new byte[] {1})).itemId();
    }

    private static List<UUID> search(JdbcInbox inbox, String text) throws Exception {
        return ids(inbox.find(new InboxQuery(Set.of(ORGNR), Set.of(), null, null, text, null, 10)));
    }

    private static List<UUID> ids(no.postmottak.api.inbox.Page<InboxItem> page) {
        return page.items().stream().map(InboxItem::id).toList();
    }
}
