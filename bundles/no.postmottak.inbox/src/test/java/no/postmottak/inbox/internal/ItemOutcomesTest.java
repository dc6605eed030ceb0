package no.postmottak.inbox.internal;

import static no.postmottak.inbox.internal.Fixtures.ORGNR;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.Channel;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.ItemState;
import no.postmottak.api.archive.ArchiveProvider;
import no.postmottak.api.inbox.AuditEntry;
import no.postmottak.api.inbox.ItemOutcomes.ItemOutcome;
import no.postmottak.inbox.internal.TestDatabases.Kind;

class ItemOutcomesTest {

    private static final CaseNumber FALLBACK = new CaseNumber(2024, 1);

    @TempDir
    Path dir;

    private JdbcInbox inbox(Kind kind) throws Exception {
        ArchiveProviders providers = new ArchiveProviders();
        providers.add(new TestArchive(true, Set.of(FALLBACK)), Map.of(ArchiveProvider.KIND, "test",
                ArchiveProvider.NAME, "kommunearkivet"));
        return Fixtures.inbox(TestDatabases.create(kind, dir),
                new Fixtures.Orgs().put(Fixtures.org(ORGNR, "test", FALLBACK, null)), providers);
    }

    private static UUID receive(JdbcInbox inbox, Channel channel, String id) throws Exception {
        IncomingItem svarinn = Fixtures.item(id, ORGNR, "Brev " + id, "Direktoratet", null);
        IncomingItem item = new IncomingItem(channel, id, ORGNR, svarinn.sender(), null, svarinn.title(), null,
                null, null, null, null, null, null, null, Map.of());
        return inbox.accept(item, Fixtures.docs(new byte[] {1})).itemId();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void finalStatesArePendingUntilReportedInTheSameTransactionAsTheMove(Kind kind) throws Exception {
        JdbcInbox inbox = inbox(kind);
        JdbcItemOutcomes outcomes = inbox.outcomes();
        UUID archived = receive(inbox, Channel.EFORMIDLING, "m1");
        UUID deleted = receive(inbox, Channel.EFORMIDLING, "m2");
        UUID open = receive(inbox, Channel.EFORMIDLING, "m3");
        UUID otherChannel = receive(inbox, Channel.SVARINN, "f1");
        assertThat(outcomes.pending(Channel.EFORMIDLING, Set.of(ORGNR), 10)).as("nothing final yet").isEmpty();

        inbox.archive(archived, null, "kari");
        inbox.delete(deleted, "Feil mottaker", "kari");
        inbox.delete(otherChannel, "Dublett", "kari");

        List<ItemOutcome> pending = outcomes.pending(Channel.EFORMIDLING, Set.of(ORGNR), 10);
        assertThat(pending).extracting(o -> o.item().id()).containsExactly(archived, deleted);
        assertThat(pending.get(0).item().state()).isEqualTo(ItemState.ARCHIVED);
        assertThat(pending.get(0).item().receipt()).isNotNull();
        assertThat(pending.get(1).detail()).isEqualTo("Feil mottaker");
        assertThat(outcomes.pending(Channel.EFORMIDLING, Set.of("999999999"), 10)).isEmpty();
        assertThat(outcomes.pending(Channel.SVARINN, Set.of(ORGNR), 10)).extracting(o -> o.item().id())
                .containsExactly(otherChannel);

        outcomes.reportFailed(archived, "eformidling", "Integrasjonspunktet svarer ikke");
        outcomes.reportFailed(archived, "eformidling", "Integrasjonspunktet svarer ikke");
        outcomes.reportFailed(archived, "eformidling", "HTTP 500");
        ItemOutcome failing = outcomes.pending(Channel.EFORMIDLING, Set.of(ORGNR), 10).get(0);
        assertThat(failing.attempts()).isEqualTo(3);
        assertThat(failing.lastError()).isEqualTo("HTTP 500");
        outcomes.reported(archived, "eformidling", "Kvittering OK sendt");
        outcomes.reported(archived, "eformidling", "sendt igjen");

        assertThat(outcomes.pending(Channel.EFORMIDLING, Set.of(ORGNR), 10)).extracting(o -> o.item().id())
                .containsExactly(deleted);
        List<AuditEntry> trail = inbox.auditTrail(archived);
        assertThat(trail).extracting(AuditEntry::action).containsSubsequence("outcome-failed", "outcome-failed",
                "outcome-reported");
        assertThat(trail.stream().filter(e -> e.action().equals("outcome-failed"))).as("new errors only")
                .hasSize(2);
        assertThat(trail.get(trail.size() - 1).detail()).isEqualTo("Kvittering OK sendt");
        assertThat(inbox.get(open).orElseThrow().state()).isEqualTo(ItemState.RECEIVED);
    }
}
