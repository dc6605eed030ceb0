package no.postmottak.eformidling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class SbdTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The shape of Digdir's worked example (typeVersion 2.0, a SenderRef scope). */
    private static final String WORKED = """
            {
              "standardBusinessDocumentHeader": {
                "headerVersion": "1.0",
                "sender": [ { "identifier": { "authority": "iso6523-actorid-upis", "value": "0192:910076787" } } ],
                "receiver": [ { "identifier": { "authority": "iso6523-actorid-upis", "value": "0192:910075918" } } ],
                "documentIdentification": {
                  "standard": "urn:no:difi:arkivmelding:xsd::arkivmelding",
                  "typeVersion": "2.0",
                  "instanceIdentifier": "5b0c6f0e-3d7a-4f5e-9a51-2f1d7c9e8a10",
                  "type": "arkivmelding",
                  "creationDateAndTime": "2025-03-03T09:12:44+01:00"
                },
                "businessScope": { "scope": [
                  { "type": "ConversationId", "instanceIdentifier": "e3a1c2b4-8f6d-4c1e-b0a7-6d2f9e4b1c55",
                    "identifier": "urn:no:difi:profile:arkivmelding:planByggOgGeodata:ver1.0",
                    "scopeInformation": [ { "expectedResponseDateTime": "2025-03-04T09:12:44+01:00" } ] },
                  { "type": "SenderRef", "identifier": "9d8f1a22-7c3b-4e0a-8b6e-1f2a3b4c5d6e" }
                ] }
              },
              "arkivmelding": { "hoveddokument": "vedtak.pdf", "sikkerhetsnivaa": 3 }
            }""";

    /** The shape of the restdocs (typeVersion 1.0), with the scope spelt "identfier" as in Digdir's sample. */
    private static final String RESTDOCS = """
            {
              "standardBusinessDocumentHeader": {
                "sender": [ { "identifier": { "value": "0192:910077473:987654321" } } ],
                "receiver": [ { "identifier": { "value": "0192:910075918" } } ],
                "documentIdentification": {
                  "standard": "urn:no:difi:arkivmelding:xsd::arkivmelding",
                  "typeVersion": "1.0",
                  "instanceIdentifier": "ff88849c-e281-4809-8555-7cd54952b916",
                  "creationDateAndTime": "not a date"
                },
                "businessScope": { "scope": [
                  { "type": "ConversationId", "instanceIdentifier": "conv-1",
                    "identfier": "urn:no:difi:profile:arkivmelding:taushetsbelagt:ver1.0" },
                  { "type": "ReceiverRef", "identfier": "our-earlier-message" }
                ] },
                "unknownHeaderField": { "x": 1 }
              },
              "arkivmelding": { "sikkerhetsnivaa": "4", "dpf": { "forsendelseType": "Byggesak" } }
            }""";

    @Test
    void readsDigdirsWorkedExample() throws Exception {
        Sbd sbd = Sbd.of(JSON.readTree(WORKED));
        assertThat(sbd.messageId()).isEqualTo("5b0c6f0e-3d7a-4f5e-9a51-2f1d7c9e8a10");
        assertThat(sbd.conversationId()).isEqualTo("e3a1c2b4-8f6d-4c1e-b0a7-6d2f9e4b1c55");
        assertThat(sbd.process()).isEqualTo("urn:no:difi:profile:arkivmelding:planByggOgGeodata:ver1.0");
        assertThat(sbd.documentType()).isEqualTo("arkivmelding");
        assertThat(sbd.typeVersion()).isEqualTo("2.0");
        assertThat(sbd.senderOrgnr()).isEqualTo("910076787");
        assertThat(sbd.receiverOrgnr()).isEqualTo("910075918");
        assertThat(sbd.created()).isEqualTo(Instant.parse("2025-03-03T08:12:44Z"));
        assertThat(sbd.senderRef()).isEqualTo("9d8f1a22-7c3b-4e0a-8b6e-1f2a3b4c5d6e");
        assertThat(sbd.mainDocument()).isEqualTo("vedtak.pdf");
        assertThat(sbd.securityLevel()).isEqualTo(3);
        assertThat(sbd.isReceipt()).isFalse();
        assertThat(sbd.isConfidential()).isFalse();
    }

    @Test
    void toleratesTypeVersionOneTheMisspeltScopeOnBehalfOfAndMissingParts() throws Exception {
        Sbd sbd = Sbd.of(JSON.readTree(RESTDOCS));
        assertThat(sbd.typeVersion()).isEqualTo("1.0");
        assertThat(sbd.documentType()).as("from the standard").isEqualTo("arkivmelding");
        assertThat(sbd.process()).isEqualTo(Sbd.CONFIDENTIAL_PROCESS);
        assertThat(sbd.isConfidential()).isTrue();
        assertThat(sbd.receiverRef()).isEqualTo("our-earlier-message");
        assertThat(sbd.senderOrgnr()).as("sent on behalf of").isEqualTo("987654321");
        assertThat(sbd.created()).isNull();
        assertThat(sbd.securityLevel()).isEqualTo(4);
        assertThat(sbd.dpfForsendelseType()).isEqualTo("Byggesak");
        assertThat(sbd.mainDocument()).isNull();
    }

    @Test
    void recognisesReceiptsAndNeedsAMessageId() throws Exception {
        Sbd receipt = Sbd.of(JSON.readTree("""
                {"standardBusinessDocumentHeader": {"documentIdentification": {
                   "standard": "urn:no:difi:arkivmelding:xsd::arkivmelding_kvittering", "instanceIdentifier": "k1"}},
                 "arkivmelding_kvittering": {"receiptType": "OK", "relatedToMessageId": "m1"}}"""));
        assertThat(receipt.isReceipt()).isTrue();
        assertThat(receipt.businessMessage().path("receiptType").asText()).isEqualTo("OK");
        assertThatThrownBy(() -> Sbd.of(JSON.readTree("{\"standardBusinessDocumentHeader\": {}}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void organisationNumbersFromIdentifiers() {
        assertThat(Sbd.orgnr("0192:910076787")).isEqualTo("910076787");
        assertThat(Sbd.orgnr("910076787")).isEqualTo("910076787");
        assertThat(Sbd.orgnr("0192:910076787:987654321")).isEqualTo("987654321");
        assertThat(Sbd.orgnr("12345678901")).as("a person").isNull();
        assertThat(Sbd.orgnr(null)).isNull();
    }
}
