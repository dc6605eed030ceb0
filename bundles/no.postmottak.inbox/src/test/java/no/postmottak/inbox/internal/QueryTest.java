package no.postmottak.inbox.internal;

import static no.postmottak.inbox.internal.Fixtures.ORGNR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import no.postmottak.api.IncomingItem;
import no.postmottak.api.ItemState;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.api.inbox.Page;
import no.postmottak.inbox.internal.TestDatabases.Kind;

class QueryTest {

    private static final String OTHER_ORG = "920000002";

    @TempDir
    Path dir;

    private final Fixtures.Orgs orgs = new Fixtures.Orgs();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void filtersByOrganisationStateDatesAndText(Kind kind) throws Exception {
        JdbcInbox inbox = Fixtures.inbox(TestDatabases.create(kind, dir), orgs, new ArchiveProviders());
        Instant before = Instant.now().minusSeconds(1);
        UUID bygg = inbox.accept(Fixtures.item("q-1", ORGNR, "Søknad om byggetillatelse", "Byggmester Hansen AS",
                null), Fixtures.docs(new byte[] {1})).itemId();
        UUID faktura = inbox.accept(Fixtures.item("q-2", ORGNR, "Faktura 100%_rabatt", "Kontorrekvisita AS", null),
                Fixtures.docs(new byte[] {1})).itemId();
        UUID annen = inbox.accept(Fixtures.item("q-3", OTHER_ORG, "Søknad om skjenkebevilling", "Kafé Hansen",
                null), Fixtures.docs(new byte[] {1})).itemId();
        inbox.delete(faktura, "Feil mottaker", "kari");

        assertThat(ids(inbox.find(InboxQuery.all(Set.of(ORGNR), 10)))).containsExactly(faktura, bygg);
        assertThat(ids(inbox.find(InboxQuery.all(Set.of(ORGNR, OTHER_ORG), 10)))).containsExactly(annen, faktura, bygg);
        assertThat(ids(find(inbox, Set.of(ORGNR, OTHER_ORG), Set.of(ItemState.RECEIVED), null, null, "hansen")))
                .containsExactly(annen, bygg);
        assertThat(ids(find(inbox, Set.of(ORGNR, OTHER_ORG), Set.of(), null, null, "SØKNAD bygg")))
                .containsExactly(bygg);
        assertThat(ids(find(inbox, Set.of(ORGNR), Set.of(), null, null, "100%_"))).containsExactly(faktura);
        assertThat(ids(find(inbox, Set.of(ORGNR), Set.of(), null, null, "0%_r"))).containsExactly(faktura);
        assertThat(ids(find(inbox, Set.of(ORGNR), Set.of(), null, null, "_x"))).isEmpty();
        assertThat(ids(find(inbox, Set.of(ORGNR), Set.of(ItemState.DELETED), null, null, null))).containsExactly(faktura);
        assertThat(ids(find(inbox, Set.of(ORGNR), Set.of(), before, null, null))).hasSize(2);
        assertThat(ids(find(inbox, Set.of(ORGNR), Set.of(), null, before, null))).isEmpty();

        assertThat(inbox.countByState(ORGNR)).containsEntry(ItemState.RECEIVED, 1L)
                .containsEntry(ItemState.DELETED, 1L).containsEntry(ItemState.ARCHIVED, 0L);
        assertThat(inbox.untouchedSince(Instant.now().plusSeconds(1), 10)).extracting(InboxItem::id)
                .containsExactly(bygg, annen);
        assertThat(inbox.untouchedSince(before, 10)).isEmpty();
        assertThatThrownBy(() -> inbox.find(new InboxQuery(Set.of(ORGNR), Set.of(), null, null, null, "tull", 5)))
                .hasMessageContaining("Ugyldig sidemarkør");
    }

    /** 100,000 items, many sharing a timestamp: keyset pages visit each exactly once, also while new mail arrives. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void pagesThroughAHundredThousandItemsStably(Kind kind) throws Exception {
        DataSource ds = TestDatabases.create(kind, dir);
        JdbcInbox inbox = Fixtures.inbox(ds, orgs, new ArchiveProviders());
        int total = 100_000;
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        insertMetadataOnly(kind, ds, total, base);

        Set<UUID> seen = new HashSet<>();
        List<InboxItem> previous = new ArrayList<>();
        InboxQuery query = InboxQuery.all(Set.of(ORGNR), 500);
        int pages = 0;
        while (true) {
            Page<InboxItem> page = inbox.find(query);
            pages++;
            for (InboxItem item : page.items()) {
                assertThat(seen.add(item.id())).as("seen twice: " + item.id()).isTrue();
            }
            previous.addAll(page.items());
            if (pages == 3) { // new mail arrives while the clerk pages: it must not shift later pages
                inbox.accept(Fixtures.item("new-arrival"), Fixtures.docs(new byte[] {1}));
            }
            if (!page.hasNext()) {
                break;
            }
            query = query.after(page);
        }
        assertThat(seen).hasSize(total);
        assertThat(pages).isEqualTo(total / 500);
        for (int i = 1; i < previous.size(); i++) {
            assertThat(previous.get(i).receivedAt()).isBeforeOrEqualTo(previous.get(i - 1).receivedAt());
        }
        assertThat(previous.get(0).receivedAt()).isEqualTo(base.plusSeconds((total - 1) / 10));
        assertThat(inbox.countByState(ORGNR).get(ItemState.RECEIVED)).isEqualTo(total + 1L);
    }

    /** Metadata-only rows generated inside the database (one statement), ten per timestamp. */
    private static void insertMetadataOnly(Kind kind, DataSource ds, int total, Instant base) throws Exception {
        IncomingItem template = Fixtures.item("bulk");
        String rows = kind == Kind.H2 ? "SELECT RANDOM_UUID() AS id, X AS n FROM SYSTEM_RANGE(0, ?)"
                : "SELECT gen_random_uuid() AS id, n FROM generate_series(0, ?) AS n";
        String at = kind == Kind.H2 ? "CAST(? AS TIMESTAMP WITH TIME ZONE) + (r.n / 10) * INTERVAL '1' SECOND"
                : "CAST(? AS TIMESTAMP WITH TIME ZONE) + (r.n / 10) * INTERVAL '1 second'";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO inbox_item"
                + " (id, channel, channel_id, recipient_orgnr, title, sender_name, search_text, received_at, state,"
                + " state_changed_at, version, org_configured, metadata_json) SELECT r.id, 'SVARINN',"
                + " CONCAT('bulk-', CAST(r.n AS VARCHAR(20))), ?, ?, ?, ?, " + at + ", 'RECEIVED', "
                + at.replace("?", "?") + ", 0, FALSE, ? FROM (" + rows + ") r");
             Statement analyze = c.createStatement()) {
            int i = 1;
            ps.setString(i++, ORGNR);
            ps.setString(i++, template.title());
            ps.setString(i++, template.sender().name());
            ps.setString(i++, template.title().toLowerCase());
            Db.setInstant(ps, i++, base);
            Db.setInstant(ps, i++, base);
            ps.setString(i++, Json.write(template));
            ps.setInt(i, total - 1);
            assertThat(ps.executeUpdate()).isEqualTo(total);
            analyze.execute("ANALYZE"); // as autovacuum (PostgreSQL) would after a bulk load
        }
    }

    private static Page<InboxItem> find(JdbcInbox inbox, Set<String> orgnrs, Set<ItemState> states, Instant from,
                                        Instant to, String text) throws Exception {
        return inbox.find(new InboxQuery(orgnrs, states, from, to, text, null, 50));
    }

    private static List<UUID> ids(Page<InboxItem> page) {
        return page.items().stream().map(InboxItem::id).toList();
    }
}
