package no.postmottak.inbox.internal;

import static no.postmottak.inbox.internal.Fixtures.ORGNR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import no.postmottak.api.IncomingItem;
import no.postmottak.api.ItemState;
import no.postmottak.api.inbox.AuditEntry;
import no.postmottak.api.inbox.ForwardRequest;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.inbox.internal.TestDatabases.Kind;

/** Confidential mail: stored as such, found by its words only for who may read it, audited when looked at, never mailed. */
class ConfidentialTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aConfidentialItemIsKeptFromTheTextFilterAuditedAndNeverForwarded(Kind kind) throws Exception {
        JdbcInbox inbox = Fixtures.inbox(TestDatabases.create(kind, dir), new Fixtures.Orgs(), new ArchiveProviders());
        IncomingItem open = Fixtures.item("c-1", ORGNR, "Melding om barnevern", "Skolen", null);
        IncomingItem secret = confidential(Fixtures.item("c-2", ORGNR, "Melding om barnevern", "Helsestasjonen",
                null));
        UUID openId = inbox.accept(open, Fixtures.docs(new byte[] {1})).itemId();
        UUID secretId = inbox.accept(secret, Fixtures.docs(new byte[] {2})).itemId();

        assertThat(inbox.get(secretId).orElseThrow().metadata().confidential()).isTrue();
        assertThat(inbox.get(openId).orElseThrow().metadata().confidential()).isFalse();
        assertThat(inbox.find(InboxQuery.all(Set.of(ORGNR), 10)).items()).as("listed for everyone").hasSize(2);
        assertThat(inbox.find(text("barnevern", Set.of())).items()).extracting(i -> i.id()).containsExactly(openId);
        assertThat(inbox.find(text("barnevern", Set.of(ORGNR))).items()).hasSize(2);

        inbox.auditAccess(secretId, "kari", "view", null);
        assertThat(inbox.auditTrail(secretId)).last().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("kari");
            assertThat(e.action()).isEqualTo("view");
            assertThat(e.from()).isEqualTo(ItemState.RECEIVED);
            assertThat(e.to()).isEqualTo(ItemState.RECEIVED);
        });

        assertThatThrownBy(() -> inbox.forward(secretId, new ForwardRequest("leder@example.org", ""), "kari"))
                .isInstanceOf(InboxException.class).hasMessageContaining("Taushetsbelagt post kan ikke videresendes")
                .satisfies(e -> assertThat(((InboxException) e).isRetryable()).isFalse());
        assertThat(inbox.get(secretId).orElseThrow().state()).isEqualTo(ItemState.RECEIVED);
        assertThat(inbox.auditTrail(secretId)).extracting(AuditEntry::action).doesNotContain("forward");
    }

    private static InboxQuery text(String words, Set<String> confidentialOrgnrs) {
        return new InboxQuery(Set.of(ORGNR), Set.of(), null, null, words, null, 10, confidentialOrgnrs);
    }

    private static IncomingItem confidential(IncomingItem i) {
        return new IncomingItem(i.channel(), i.channelId(), i.recipientOrgnr(), i.sender(), i.recipient(), i.title(),
                i.sentAt(), 4, i.forsendelseType(), i.eksternRef(), i.replyToChannelId(), i.senderMetadata(),
                i.importSuggestion(), i.links(), i.channelAttributes(), true);
    }
}
