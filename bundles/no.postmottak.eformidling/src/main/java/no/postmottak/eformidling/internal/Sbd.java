package no.postmottak.eformidling.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * What we need of a StandardBusinessDocument (the JSON the integrasjonspunkt answers {@code peek} with), read
 * leniently: {@code typeVersion} "1.0" or "2.0", a scope's {@code identifier} also when spelt {@code identfier} (as
 * in Digdir's own sample), unknown fields ignored, every value but the message id optional.
 *
 * @param messageId          {@code documentIdentification.instanceIdentifier}: the id pop and DELETE take
 * @param conversationId     the ConversationId scope's {@code instanceIdentifier}, or null
 * @param process            the ConversationId scope's {@code identifier}: the process URN, or null
 * @param standard           {@code documentIdentification.standard}, e.g. {@code urn:no:difi:arkivmelding:xsd::arkivmelding}
 * @param documentType       {@code documentIdentification.type}, e.g. {@code arkivmelding}, or the standard's last part
 * @param typeVersion        {@code documentIdentification.typeVersion}, or null
 * @param senderIdentifier   the first sender's identifier value, e.g. {@code 0192:910076787}, or null
 * @param receiverIdentifier the first receiver's identifier value, or null
 * @param created            {@code creationDateAndTime}, or null
 * @param senderRef          the SenderRef scope's identifier, or null
 * @param receiverRef        the ReceiverRef scope's identifier (the message this one answers), or null
 * @param businessMessage    the business message (the property named after the type), never null (missing node)
 */
public record Sbd(String messageId, String conversationId, String process, String standard, String documentType,
                  String typeVersion, String senderIdentifier, String receiverIdentifier, Instant created,
                  String senderRef, String receiverRef, JsonNode businessMessage) {

    /** The document type of receipts (pop answers 204 for them). */
    public static final String RECEIPT_TYPE = "arkivmelding_kvittering";
    public static final String ARKIVMELDING_TYPE = "arkivmelding";
    /** The process of confidential arkivmelding (taushetsbelagt). */
    public static final String CONFIDENTIAL_PROCESS = "urn:no:difi:profile:arkivmelding:taushetsbelagt:ver1.0";

    /**
     * Reads an SBD.
     *
     * @throws IllegalArgumentException when it has no message id
     */
    public static Sbd of(JsonNode root) {
        JsonNode header = root.path("standardBusinessDocumentHeader");
        JsonNode id = header.path("documentIdentification");
        String messageId = text(id, "instanceIdentifier");
        if (messageId == null) {
            throw new IllegalArgumentException("The SBD has no documentIdentification.instanceIdentifier");
        }
        String standard = text(id, "standard");
        String type = text(id, "type");
        if (type == null && standard != null && standard.contains("::")) {
            type = standard.substring(standard.lastIndexOf("::") + 2);
        }
        String conversationId = null;
        String process = null;
        String senderRef = null;
        String receiverRef = null;
        for (JsonNode scope : header.path("businessScope").path("scope")) {
            String scopeType = text(scope, "type");
            if ("ConversationId".equalsIgnoreCase(scopeType)) {
                conversationId = text(scope, "instanceIdentifier");
                process = identifier(scope);
            } else if ("SenderRef".equalsIgnoreCase(scopeType)) {
                senderRef = firstNonNull(identifier(scope), text(scope, "instanceIdentifier"));
            } else if ("ReceiverRef".equalsIgnoreCase(scopeType)) {
                receiverRef = firstNonNull(identifier(scope), text(scope, "instanceIdentifier"));
            }
        }
        return new Sbd(messageId, conversationId, process, standard, type, text(id, "typeVersion"),
                party(header.path("sender")), party(header.path("receiver")),
                instant(text(id, "creationDateAndTime")), senderRef, receiverRef, businessMessage(root, type));
    }

    /** Whether this is a receipt ({@code arkivmelding_kvittering}). */
    public boolean isReceipt() {
        return RECEIPT_TYPE.equals(documentType);
    }

    /** Whether the process is the confidential one (taushetsbelagt). */
    public boolean isConfidential() {
        return CONFIDENTIAL_PROCESS.equals(process);
    }

    /** The organisation number in the sender's identifier ({@code 0192:<orgnr>}, on-behalf-of form included). */
    public String senderOrgnr() {
        return orgnr(senderIdentifier);
    }

    /** The organisation number in the receiver's identifier. */
    public String receiverOrgnr() {
        return orgnr(receiverIdentifier);
    }

    /** {@code sikkerhetsnivaa} of an arkivmelding business message (3 or 4), or null. */
    public Integer securityLevel() {
        JsonNode n = businessMessage.path("sikkerhetsnivaa");
        return n.canConvertToInt() ? Integer.valueOf(n.asInt()) : n.isTextual() ? parseInt(n.asText()) : null;
    }

    /** {@code hoveddokument} of an arkivmelding business message: the main document's file name, or null. */
    public String mainDocument() {
        return text(businessMessage, "hoveddokument");
    }

    /** {@code dpf.forsendelseType} of a message converted from SvarInn, or null. */
    public String dpfForsendelseType() {
        return text(businessMessage.path("dpf"), "forsendelseType");
    }

    /**
     * The organisation number in an identifier: {@code 0192:910076787} gives 910076787; the legacy on-behalf-of form
     * {@code 0192:<orgnr>:<onbehalf>} gives the organisation it was sent for; a bare number is itself.
     */
    static String orgnr(String identifier) {
        if (identifier == null) {
            return null;
        }
        String[] parts = identifier.trim().split(":");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (parts[i].matches("\\d{9}")) {
                return parts[i];
            }
        }
        return null;
    }

    private static String identifier(JsonNode scope) {
        // Digdir's own sample spells it "identfier".
        return firstNonNull(text(scope, "identifier"), text(scope, "identfier"));
    }

    private static String party(JsonNode parties) {
        JsonNode first = parties.isArray() ? parties.path(0) : parties;
        return text(first.path("identifier"), "value");
    }

    private static JsonNode businessMessage(JsonNode root, String type) {
        if (type != null && root.has(type)) {
            return root.get(type);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!"standardBusinessDocumentHeader".equals(field.getKey()) && field.getValue().isObject()) {
                return field.getValue();
            }
        }
        return MissingNode.getInstance();
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.path(field);
        if (n.isMissingNode() || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String s = n.asText().trim();
        return s.isEmpty() ? null : s;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
