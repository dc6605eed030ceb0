package no.postmottak.eformidling.simulator;

import java.util.List;

/**
 * A message a fagsystem sent through {@code POST /api/messages/out}: for a receiver, its receipts.
 *
 * @param messageId          the id the simulator gave it (or the one it came with)
 * @param conversationId     its conversation
 * @param receiverIdentifier e.g. {@code 0192:910076787}
 * @param documentType       e.g. {@code arkivmelding_kvittering}
 * @param receiptType        OK, NOTSUPPORTED, WARNING or ERROR for a receipt, else null
 * @param relatedToMessageId the message a receipt answers, else null
 * @param messages           the receipt's {@code messages} as {@code code: text}
 * @param json               the SBD as sent
 * @since 1.0.0
 */
public record SentMessage(String messageId, String conversationId, String receiverIdentifier, String documentType,
                          String receiptType, String relatedToMessageId, List<String> messages, String json) {

    public SentMessage {
        messages = List.copyOf(messages);
    }
}
