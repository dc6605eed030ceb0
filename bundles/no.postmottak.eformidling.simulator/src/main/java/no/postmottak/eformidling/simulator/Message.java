package no.postmottak.eformidling.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One incoming message as a sending state agency's system would make it: the SBD the integrasjonspunkt shows at
 * peek and the ASiC-E it streams at pop (an {@code arkivmelding.xml} in the eFormidling schema, the documents, a
 * Digdir {@code manifest.xml} and {@code META-INF/}). Build with {@link #builder()}.
 *
 * @param messageId         the message id ({@code instanceIdentifier})
 * @param conversationId    the conversation id
 * @param process           the process URN
 * @param serviceIdentifier DPO, DPF, DPV, ... (any text: unknown identifiers are data)
 * @param documentType      {@code arkivmelding}, {@code arkivmelding_kvittering}, ...
 * @param typeVersion       "1.0" or "2.0"
 * @param senderOrgnr       the sending organisation
 * @param senderName        its name (korrespondansepart Avsender)
 * @param receiverOrgnr     the receiving organisation
 * @param title             the journal post's title
 * @param saksaar           the sender's case year, or null
 * @param sakssekvensnummer the sender's case sequence number, or null
 * @param journalpostnummer the sender's journal post number, or null
 * @param documents         the documents, the main document first
 * @param fault             what is wrong with the content
 * @param misspeltScope     write the scope's {@code identifier} as {@code identfier}, as Digdir's own sample does
 * @param created           {@code creationDateAndTime}
 * @since 1.0.0
 */
public record Message(String messageId, String conversationId, String process, String serviceIdentifier,
                      String documentType, String typeVersion, String senderOrgnr, String senderName,
                      String receiverOrgnr, String title, Integer saksaar, Integer sakssekvensnummer,
                      Integer journalpostnummer, List<SimDocument> documents, MessageFault fault,
                      boolean misspeltScope, Instant created) {

    /** The process of a plain arkivmelding about building and planning. */
    public static final String PROCESS_PLAN = "urn:no:difi:profile:arkivmelding:planByggOgGeodata:ver1.0";
    /** The confidential process. */
    public static final String PROCESS_CONFIDENTIAL = "urn:no:difi:profile:arkivmelding:taushetsbelagt:ver1.0";
    /** The process of receipts. */
    public static final String PROCESS_RESPONSE = "urn:no:difi:profile:arkivmelding:response:ver1.0";

    public Message {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(receiverOrgnr, "receiverOrgnr");
        documents = List.copyOf(documents);
        fault = fault == null ? MessageFault.NONE : fault;
    }

    /** Whether this is a receipt (no ASiC-E: pop answers 204). */
    public boolean isReceipt() {
        return "arkivmelding_kvittering".equals(documentType);
    }

    /** A builder with a fresh message and conversation id, process planByggOgGeodata, DPO, typeVersion 2.0. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Message}. */
    public static final class Builder {
        private String messageId = UUID.randomUUID().toString();
        private String conversationId = UUID.randomUUID().toString();
        private String process = PROCESS_PLAN;
        private String serviceIdentifier = "DPO";
        private String documentType = "arkivmelding";
        private String typeVersion = "2.0";
        private String senderOrgnr = "910076787";
        private String senderName = "Testdirektoratet";
        private String receiverOrgnr;
        private String title = "Brev";
        private Integer saksaar;
        private Integer sakssekvensnummer;
        private Integer journalpostnummer;
        private final List<SimDocument> documents = new ArrayList<>();
        private MessageFault fault = MessageFault.NONE;
        private boolean misspeltScope;
        private Instant created = Instant.now();

        private Builder() {
        }

        public Builder messageId(String value) {
            messageId = value;
            return this;
        }

        public Builder conversationId(String value) {
            conversationId = value;
            return this;
        }

        public Builder process(String value) {
            process = value;
            return this;
        }

        public Builder serviceIdentifier(String value) {
            serviceIdentifier = value;
            return this;
        }

        public Builder documentType(String value) {
            documentType = value;
            return this;
        }

        public Builder typeVersion(String value) {
            typeVersion = value;
            return this;
        }

        public Builder sender(String orgnr, String name) {
            senderOrgnr = orgnr;
            senderName = name;
            return this;
        }

        public Builder receiver(String orgnr) {
            receiverOrgnr = orgnr;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        /** The sender's case and journal post number, e.g. 2026, 117, 3 for "2026/117-3". */
        public Builder senderCase(int year, int sequence, int journalpost) {
            saksaar = year;
            sakssekvensnummer = sequence;
            journalpostnummer = journalpost;
            return this;
        }

        public Builder document(SimDocument document) {
            documents.add(document);
            return this;
        }

        public Builder fault(MessageFault value) {
            fault = value;
            return this;
        }

        public Builder misspeltScope(boolean value) {
            misspeltScope = value;
            return this;
        }

        public Builder created(Instant value) {
            created = value;
            return this;
        }

        /** A receipt instead of an arkivmelding: no content, process response. */
        public Builder receipt() {
            documentType = "arkivmelding_kvittering";
            process = PROCESS_RESPONSE;
            return this;
        }

        public Message build() {
            return new Message(messageId, conversationId, process, serviceIdentifier, documentType, typeVersion,
                    senderOrgnr, senderName, receiverOrgnr, title, saksaar, sakssekvensnummer, journalpostnummer,
                    documents, fault, misspeltScope, created);
        }
    }
}
