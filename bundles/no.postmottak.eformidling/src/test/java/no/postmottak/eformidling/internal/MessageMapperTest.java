package no.postmottak.eformidling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.api.Channel;
import no.postmottak.api.IncomingItem;
import no.postmottak.arkivmelding.ArkivmeldingReader;
import no.postmottak.arkivmelding.IncomingArkivmelding;
import no.postmottak.eformidling.simulator.IntegrasjonspunktSimulator;
import no.postmottak.eformidling.simulator.Message;

class MessageMapperTest {

    private final MessageMapper mapper = new MessageMapper("ip", List.of("910075918", "910075919"));

    private static Sbd sbd(Message m) throws IOException {
        return Sbd.of(new ObjectMapper().readTree(IntegrasjonspunktSimulator.sbdJson(m)));
    }

    private static IncomingArkivmelding arkivmelding(Message m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IntegrasjonspunktSimulator.writeArkivmelding(m, out);
        return ArkivmeldingReader.create().read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void aLetterFromAStateAgency() throws IOException {
        Message m = AsicReaderTest.letter().created(Instant.parse("2026-03-03T08:12:44Z")).build();

        IncomingItem item = mapper.toIncomingItem(sbd(m), "DPO", arkivmelding(m), "vedtak.pdf", List.of());

        assertThat(item.channel()).isEqualTo(Channel.EFORMIDLING);
        assertThat(item.channelId()).isEqualTo(m.messageId());
        assertThat(item.recipientOrgnr()).isEqualTo("910075918");
        assertThat(item.sender().name()).isEqualTo("Statsforvalteren i Vestland");
        assertThat(item.sender().orgnr()).as("from the SBD sender").isEqualTo("910076787");
        assertThat(item.title()).isEqualTo("Vedtak om løyve – Ærøy");
        assertThat(item.sentAt()).isEqualTo(Instant.parse("2026-03-03T08:12:44Z"));
        assertThat(item.securityLevel()).isEqualTo(3);
        assertThat(item.senderMetadata().reference()).as("their reference").contains("2026/117-3");
        assertThat(item.senderMetadata().journalposttype()).isEqualTo("Utgående dokument");
        assertThat(item.importSuggestion()).as("their numbers are never ours").isNull();
        assertThat(item.channelAttributes()).containsEntry(MessageMapper.CONVERSATION_ID, m.conversationId())
                .containsEntry(MessageMapper.PROCESS, Message.PROCESS_PLAN)
                .containsEntry(MessageMapper.SERVICE, "DPO")
                .containsEntry(MessageMapper.ACCOUNT, "ip")
                .doesNotContainKeys(MessageMapper.WARNINGS, MessageMapper.ORGNR_NOT_LISTED);
        assertThat(item.confidential()).isFalse();
    }

    @Test
    void withoutArkivmeldingTheSbdSenderAndTheFileNameAndTheWarnings() throws IOException {
        Message m = AsicReaderTest.letter().receiver("999888777").build();

        IncomingItem item = mapper.toIncomingItem(sbd(m), "DPO", null, "vedtak.pdf",
                List.of("Meldingen har ingen arkivmelding.xml"));

        assertThat(item.sender().orgnr()).isEqualTo("910076787");
        assertThat(item.sender().name()).isEqualTo("Organisasjonsnummer 910076787");
        assertThat(item.title()).isEqualTo("vedtak.pdf");
        assertThat(item.senderMetadata()).isNull();
        assertThat(item.recipientOrgnr()).isEqualTo("999888777");
        assertThat(item.channelAttributes()).containsEntry(MessageMapper.ORGNR_NOT_LISTED, "true")
                .containsEntry(MessageMapper.WARNINGS, "Meldingen har ingen arkivmelding.xml");
    }

    @Test
    void theConfidentialProcessMarksTheItem() throws IOException {
        Message m = AsicReaderTest.letter().process(Message.PROCESS_CONFIDENTIAL).misspeltScope(true).build();
        IncomingItem item = mapper.toIncomingItem(sbd(m), "DPO", arkivmelding(m), "x", List.of());
        assertThat(item.confidential()).isTrue();
    }

    @Test
    void svarUtMailThroughTheIntegrasjonspunktIsTheSvarInnForsendelse() throws IOException {
        Message m = AsicReaderTest.letter().serviceIdentifier("DPF").build();
        IncomingItem item = mapper.toIncomingItem(sbd(m), "DPF", arkivmelding(m), "x", List.of());
        assertThat(item.channel()).isEqualTo(Channel.SVARINN);
        assertThat(item.channelId()).isEqualTo(m.messageId());
        assertThat(item.channelAttributes()).containsEntry(MessageMapper.SERVICE, "DPF");
    }

    @Test
    void aMissingReceiverFallsBackToTheFirstOrgnrAndIsFlagged() throws IOException {
        String json = IntegrasjonspunktSimulator.sbdJson(AsicReaderTest.letter().build())
                .replace("\"0192:910075918\"", "\"\"");
        IncomingItem item = mapper.toIncomingItem(Sbd.of(new ObjectMapper().readTree(json)), "DPO", null, "x",
                List.of());
        assertThat(item.recipientOrgnr()).isEqualTo("910075918");
        assertThat(item.channelAttributes()).containsEntry(MessageMapper.ORGNR_MISSING, "true");
        assertThatThrownBy(() -> new MessageMapper("ip", List.of()).toIncomingItem(
                Sbd.of(new ObjectMapper().readTree(json)), "DPO", null, "x", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
