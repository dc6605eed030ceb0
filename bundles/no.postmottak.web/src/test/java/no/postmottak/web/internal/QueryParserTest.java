package no.postmottak.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.postmottak.api.ItemState;
import no.postmottak.api.inbox.InboxQuery;

class QueryParserTest {

    final QueryParser parser = new QueryParser(() -> Set.of("910000001", "920000002", "930000003"));
    final User anne = new User("anne", false, Set.of("910000001"));
    final User admin = new User("root", true, Set.of());

    InboxQuery parse(User user, Map<String, String> params) throws Exception {
        return parser.parse(user, params::get).orElseThrow();
    }

    @Test
    void withoutOrgAClerkSearchesHerOrgsAndAnAdminAllKnownOrgs() throws Exception {
        assertThat(parse(anne, Map.of()).orgnrs()).containsExactly("910000001");
        assertThat(parse(admin, Map.of()).orgnrs()).hasSize(3);
        assertThat(parse(admin, Map.of("org", "999999999")).orgnrs()).containsExactly("999999999");
    }

    @Test
    void anOrgTheUserMayNotSeeIs403() {
        assertThatThrownBy(() -> parse(anne, Map.of("org", "920000002")))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> parse(anne, Map.of("org", "910000001,920000002")))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> parse(anne, Map.of("org", "91000000")))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void datesAreNorwegianDaysWithTheToDayIncluded() throws Exception {
        InboxQuery q = parse(anne, Map.of("from", "2026-07-01", "to", "2026-07-01"));
        assertThat(q.from()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2026-07-01T22:00:00Z"));
        assertThatThrownBy(() -> parse(anne, Map.of("from", "2026-07-02", "to", "2026-07-01")))
                .hasMessageContaining("før");
    }

    @Test
    void statesLimitTextAndCursor() throws Exception {
        InboxQuery q = parse(anne, Map.of("state", "open,archived", "q", "  klage  ", "limit", "25",
                "cursor", "abc"));
        assertThat(q.states()).containsExactlyInAnyOrder(ItemState.RECEIVED, ItemState.ARCHIVE_FAILED,
                ItemState.ARCHIVED);
        assertThat(q.text()).isEqualTo("klage");
        assertThat(q.limit()).isEqualTo(25);
        assertThat(q.cursor()).isEqualTo("abc");
        assertThat(parse(anne, Map.of()).limit()).isEqualTo(QueryParser.DEFAULT_LIMIT);
        assertThatThrownBy(() -> parse(anne, Map.of("limit", "0"))).isInstanceOf(HttpError.class);
        assertThatThrownBy(() -> parse(anne, Map.of("limit", "201"))).isInstanceOf(HttpError.class);
        assertThatThrownBy(() -> parse(anne, Map.of("q", "x".repeat(201)))).isInstanceOf(HttpError.class);
    }

    @Test
    void anAdminWithNoKnownOrganisationGetsNoQuery() throws Exception {
        assertThat(new QueryParser(Set::of).parse(admin, Map.<String, String>of()::get)).isEmpty();
    }
}
