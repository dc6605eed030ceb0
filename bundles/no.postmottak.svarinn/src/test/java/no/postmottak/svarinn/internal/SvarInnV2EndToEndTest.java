package no.postmottak.svarinn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.svarinn.simulator.Dokument;
import no.postmottak.svarinn.simulator.ForsendelseSpec;
import no.postmottak.svarinn.simulator.ForsendelseState;
import no.postmottak.svarinn.simulator.ForsendelseStatus;
import no.postmottak.svarinn.simulator.ImportMetadata;
import no.postmottak.svarinn.simulator.PayloadMode;
import no.postmottak.svarinn.simulator.ServerKnobs.Operation;

/**
 * Every case of {@link SvarInnEndToEndTest} again over SvarInn V2, with the same outcomes, and what only V2 has:
 * pages of 200, confidential mail, and an account that moves from V1 to V2 while mail flows.
 */
class SvarInnV2EndToEndTest extends SvarInnEndToEndTest {

    @Override
    String version() {
        return "v2";
    }

    @Test
    void twoHundredThirtyWaitingAreAllReceivedInOnePollEachExactlyOnce() throws Exception {
        Instant date = Instant.now().minusSeconds(1000);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            ids.add(sim.addForsendelse(ForsendelseSpec.builder().mottaker(FJORDVIK, "Fjordvik").tittel("Nr " + i)
                    .date(date.plusSeconds(i)).mode(PayloadMode.BARE_PDF)
                    .dokument(Dokument.of("brev.pdf", "application/pdf", "H", pdf("nr " + i))).build()));
        }

        poller.poll();

        assertThat(sim.forsendelser()).hasSize(230).allSatisfy(s -> {
            assertThat(s.status()).as(s.id()).isEqualTo(ForsendelseStatus.LEST);
            assertThat(s.nedlastinger()).as("downloaded once: %s", s.id()).isEqualTo(1);
            assertThat(s.kvitteringer()).as("acknowledged once: %s", s.id()).isEqualTo(1);
        });
        assertThat(receiver.inbox.find(no.postmottak.api.inbox.InboxQuery.all(java.util.Set.of(FJORDVIK), 500))
                .items()).extracting(i -> i.metadata().channelId()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(poller.status().lastResult()).isEqualTo("230 mottatt, 0 feilet av 230 ventende");
    }

    @Test
    void aConfidentialItemArrivesConfidentialWithItsV2Metadata() throws Exception {
        String id = sim.addForsendelse(ForsendelseSpec.builder().mottaker(FJORDVIK, "Fjordvik").tittel("Bekymring")
                .taushetsbelagt(true).niva("4").avgivendeSystem("EDIALOG").forsendelseType("Innkommende dokument")
                .forImport(new ImportMetadata(412, 2024, "I", "M", OffsetDateTime.now(), "Svar"))
                .dokument(Dokument.of("a.pdf", "application/pdf", "H", pdf("a"))).build());

        poller.poll();

        assertThat(status(id)).isEqualTo(ForsendelseStatus.LEST);
        IncomingItem item = inboxItems().get(0).metadata();
        assertThat(item.confidential()).isTrue();
        assertThat(item.securityLevel()).isEqualTo(4);
        assertThat(item.forsendelseType()).isEqualTo("Innkommende dokument");
        assertThat(item.importSuggestion().caseNumber()).contains(new CaseNumber(2024, 412));
        assertThat(item.channelAttributes()).containsEntry(ForsendelseMapper.SENDING_SYSTEM, "EDIALOG")
                .containsEntry(ForsendelseMapper.API_VERSION, "v2");
    }

    @Test
    void anAccountMovedFromV1ToV2WhileMailFlowsLosesNothingAndStoresNothingTwice() throws Exception {
        poller.stop(Duration.ofSeconds(5));
        SvarInnApi v1 = receiver.client("v1", sim.baseUri(), USER, PASSWORD);
        poller = receiver.poller(v1, receiver.receiver(v1, java.util.Set.of(FJORDVIK, HAVN), true,
                FailurePolicy.DEFAULT));
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add(send(FJORDVIK, "Før byttet " + i, PayloadMode.ZIP));
        }
        // The last acknowledgements over V1 never reach SvarUt: stored here, still waiting there.
        sim.knobs().failNext(Operation.KVITTER_MOTTAK, 503, 3);
        poller.poll();
        assertThat(first.stream().filter(id -> status(id) == ForsendelseStatus.KLAR_FOR_MOTTAK)).hasSize(3);

        List<String> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            after.add(send(HAVN, "Etter byttet " + i, PayloadMode.ZIP));
        }
        poller.stop(Duration.ofSeconds(5));
        poller = poller(true, FailurePolicy.DEFAULT); // the same account, now on V2
        poller.poll();

        List<ForsendelseState> states = sim.forsendelser();
        assertThat(states).hasSize(15).allSatisfy(s -> {
            assertThat(s.status()).as(s.id()).isEqualTo(ForsendelseStatus.LEST);
            assertThat(s.nedlastinger()).as("never downloaded again: %s", s.id()).isEqualTo(1);
        });
        List<InboxItem> items = inboxItems();
        assertThat(items).extracting(i -> i.metadata().channelId()).doesNotHaveDuplicates().hasSize(15);
        assertThat(items).filteredOn(i -> after.contains(i.metadata().channelId()))
                .allSatisfy(i -> assertThat(i.metadata().channelAttributes())
                        .containsEntry(ForsendelseMapper.API_VERSION, "v2"));
        assertThat(poller.status().lastResult()).isEqualTo("8 mottatt, 0 feilet av 8 ventende");
    }
}
