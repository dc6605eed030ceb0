package no.postmottak.eformidling.simulator.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.eformidling.simulator.Message;
import no.postmottak.eformidling.simulator.SentMessage;

/**
 * What receivers send ({@code POST /api/messages/out}: their receipts) and the status log
 * ({@code GET /api/statuses}): INNKOMMENDE_MOTTATT when a message arrives, INNKOMMENDE_LEVERT when it is deleted,
 * OPPRETTET and SENDT for what is sent. Thread-safe.
 */
final class Outbox {

    private record Status(long id, Instant at, String status, String conversationId, String messageId) {
    }

    private final ObjectMapper json;
    private final List<SentMessage> sent = new CopyOnWriteArrayList<>();
    private final List<Status> statuses = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    Outbox(ObjectMapper json) {
        this.json = json;
    }

    void incoming(Message m) {
        status("INNKOMMENDE_MOTTATT", m.conversationId(), m.messageId());
    }

    /**
     * Takes a sent SBD (a receipt), gives it ids where it has none, and answers with it.
     *
     * @throws IllegalArgumentException when it is not an SBD with a receiver and a document type
     */
    JsonNode accept(String body) {
        ObjectNode sbd;
        try {
            JsonNode tree = json.readTree(body);
            if (!(tree instanceof ObjectNode o) || !o.has("standardBusinessDocumentHeader")) {
                throw new IllegalArgumentException("Not a StandardBusinessDocument");
            }
            sbd = o;
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
        }
        JsonNode header = sbd.get("standardBusinessDocumentHeader");
        String receiver = header.path("receiver").path(0).path("identifier").path("value").asText(null);
        ObjectNode id = header instanceof ObjectNode h ? h.withObjectProperty("documentIdentification") : null;
        if (receiver == null || id == null || id.path("type").asText("").isBlank()) {
            throw new IllegalArgumentException("receiver and documentIdentification.type are required");
        }
        String messageId = id.path("instanceIdentifier").asText("");
        if (messageId.isBlank()) {
            messageId = UUID.randomUUID().toString();
            id.put("instanceIdentifier", messageId);
        }
        if (id.path("creationDateAndTime").asText("").isBlank()) {
            id.put("creationDateAndTime", OffsetDateTime.now(ZoneId.of("Europe/Oslo")).truncatedTo(ChronoUnit.SECONDS)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        ArrayNode scopes = ((ObjectNode) header).withObjectProperty("businessScope").withArrayProperty("scope");
        JsonNode conversation = null;
        for (JsonNode s : scopes) {
            if ("ConversationId".equals(s.path("type").asText())) {
                conversation = s;
            }
        }
        if (conversation == null) {
            conversation = scopes.addObject().put("type", "ConversationId");
        }
        String conversationId = conversation.path("instanceIdentifier").asText("");
        if (conversationId.isBlank()) {
            conversationId = UUID.randomUUID().toString();
            ((ObjectNode) conversation).put("instanceIdentifier", conversationId);
        }
        String type = id.path("type").asText();
        JsonNode business = sbd.path(type);
        List<String> texts = new ArrayList<>();
        for (JsonNode msg : business.path("messages")) {
            texts.add(msg.path("code").asText("") + ": " + msg.path("text").asText(""));
        }
        sent.add(new SentMessage(messageId, conversationId, receiver, type, business.path("receiptType").asText(null),
                business.path("relatedToMessageId").asText(null), texts, sbd.toString()));
        status("OPPRETTET", conversationId, messageId);
        status("SENDT", conversationId, messageId);
        return sbd;
    }

    void delivered(Message m) {
        status("INNKOMMENDE_LEVERT", m.conversationId(), m.messageId());
    }

    /** The status log as a Spring page, for one message or all. */
    String statuses(String messageId) {
        ObjectNode page = json.createObjectNode();
        ArrayNode content = page.putArray("content");
        for (Status s : statuses) {
            if (messageId == null || messageId.equals(s.messageId())) {
                content.addObject().put("id", s.id()).put("lastUpdate", OffsetDateTime.ofInstant(s.at(),
                                ZoneId.of("Europe/Oslo")).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                        .put("status", s.status()).put("convId", s.id()).put("conversationId", s.conversationId())
                        .put("messageId", s.messageId());
            }
        }
        page.put("totalElements", content.size()).put("totalPages", 1).put("number", 0)
                .put("size", content.size()).put("first", true).put("last", true).put("empty", content.isEmpty());
        return page.toString();
    }

    List<SentMessage> sent() {
        return List.copyOf(sent);
    }

    void clear() {
        sent.clear();
        statuses.clear();
    }

    private void status(String status, String conversationId, String messageId) {
        statuses.add(new Status(ids.incrementAndGet(), Instant.now(), status, conversationId, messageId));
    }
}
