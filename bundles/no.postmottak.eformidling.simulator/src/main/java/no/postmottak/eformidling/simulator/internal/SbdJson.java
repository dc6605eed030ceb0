package no.postmottak.eformidling.simulator.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.eformidling.simulator.Message;

/** The StandardBusinessDocument of a message as the integrasjonspunkt returns it at peek and DELETE. */
final class SbdJson {

    static final String AUTHORITY = "iso6523-actorid-upis";

    private SbdJson() {
    }

    static ObjectNode of(Message m, ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        ObjectNode header = root.putObject("standardBusinessDocumentHeader");
        header.put("headerVersion", "1.0");
        party(header.putArray("sender"), m.senderOrgnr());
        party(header.putArray("receiver"), m.receiverOrgnr());
        ObjectNode id = header.putObject("documentIdentification");
        id.put("standard", "urn:no:difi:arkivmelding:xsd::" + m.documentType());
        id.put("typeVersion", m.typeVersion());
        id.put("instanceIdentifier", m.messageId());
        id.put("type", m.documentType());
        id.put("creationDateAndTime", OffsetDateTime.ofInstant(m.created().truncatedTo(ChronoUnit.SECONDS),
                ZoneId.of("Europe/Oslo")).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        ObjectNode scope = header.putObject("businessScope").putArray("scope").addObject();
        scope.put("type", "ConversationId");
        scope.put("instanceIdentifier", m.conversationId());
        // Digdir's own documentation sample spells it "identfier"; receivers must cope.
        scope.put(m.misspeltScope() ? "identfier" : "identifier", m.process());
        scope.putArray("scopeInformation").addObject().put("expectedResponseDateTime",
                OffsetDateTime.ofInstant(m.created().plus(java.time.Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS),
                        ZoneId.of("Europe/Oslo")).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        ObjectNode business = root.putObject(m.documentType());
        if (!m.isReceipt()) {
            if (!m.documents().isEmpty()) {
                business.put("hoveddokument", m.documents().get(0).fileName());
            }
            business.put("sikkerhetsnivaa", 3);
        }
        return root;
    }

    private static void party(ArrayNode parties, String orgnr) {
        ObjectNode identifier = parties.addObject().putObject("identifier");
        identifier.put("authority", AUTHORITY);
        identifier.put("value", "0192:" + orgnr);
    }
}
