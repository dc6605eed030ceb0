package no.postmottak.archive.noark5.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.api.Channel;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.ItemState;
import no.postmottak.api.Party;
import no.postmottak.api.SenderMetadata;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.arkivmelding.testing.ArchiveFixtures;

class BodiesTest {

    @Test
    void anIncomingJournalpostCarriesTypeDatesWithZoneOurIdAndTheirReference() {
        InboxItem item = ArchiveFixtures.request(1).item();
        ObjectNode jp = Bodies.journalpost(item, "M");
        assertThat(jp.path("tittel").asText()).isEqualTo("Svar på søknad – Æsøy bru");
        assertThat(jp.path("journalposttype").path("kode").asText()).isEqualTo("I");
        assertThat(jp.path("journalstatus").path("kode").asText()).isEqualTo("M");
        // received 09:26:53Z in March: Norwegian winter time
        assertThat(jp.path("mottattDato").asText()).isEqualTo("2026-03-14T10:26:53+01:00");
        assertThat(jp.path("dokumentetsDato").asText()).isEqualTo("2026-03-13+01:00");
        assertThat(jp.path("virksomhetsspesifikkeMetadata").path(Bodies.ITEM_ID).asText())
                .isEqualTo(item.id().toString());
        assertThat(jp.path("virksomhetsspesifikkeMetadata").path(Bodies.THEIR_REFERENCE).asText())
                .isEqualTo("2024/1234-7");
    }

    @Test
    void anOrganisationIsAnEnhetWithItsNumberAndAddress() {
        ObjectNode kp = Bodies.sender(ArchiveFixtures.metadata().sender());
        assertThat(kp.path("korrespondanseparttype").path("kode").asText()).isEqualTo("EA");
        assertThat(kp.path("navn").asText()).isEqualTo("Bærum kommune – Økonomi");
        assertThat(kp.path("enhetsidentifikator").path("organisasjonsnummer").asText()).isEqualTo("974760673");
        assertThat(kp.path("postadresse").path("adresselinje1").asText()).isEqualTo("Postboks 700");
        assertThat(kp.path("postadresse").path("poststed").asText()).isEqualTo("Sandvika");
    }

    @Test
    void aPersonIsAKorrespondansepartpersonWithoutOrganisationNumber() {
        Party person = new Party("Kari Nordmann", null, "01017012345", List.of(), null, null, null);
        assertThat(Bodies.isPerson(person)).isTrue();
        ObjectNode kp = Bodies.sender(person);
        assertThat(kp.path("personidentifikator").get(0).path("foedselsnummer").asText()).isEqualTo("01017012345");
        assertThat(kp.has("enhetsidentifikator")).isFalse();
    }

    @Test
    void aNamelessSenderStillGetsTheRequiredName() {
        assertThat(Bodies.senderName(Party.organisation("", "974760673"))).isEqualTo("Organisasjon 974760673");
    }

    @Test
    void documentsAreMainThenAttachmentsAndAnnounceTheirChecksum() {
        ObjectNode main = Bodies.dokumentbeskrivelse(ArchiveFixtures.stored(0), "brev.pdf");
        ObjectNode attachment = Bodies.dokumentbeskrivelse(ArchiveFixtures.stored(1), "vedlegg.pdf");
        assertThat(main.path("tilknyttetRegistreringSom").path("kode").asText()).isEqualTo("H");
        assertThat(attachment.path("tilknyttetRegistreringSom").path("kode").asText()).isEqualTo("V");
        assertThat(attachment.path("dokumentnummer").asInt()).isEqualTo(2);
        ObjectNode obj = Bodies.dokumentobjekt(ArchiveFixtures.stored(1), "vedlegg.pdf");
        assertThat(obj.path("sjekksum").asText()).isEqualTo(ArchiveFixtures.stored(1).sha256());
        assertThat(obj.path("sjekksumAlgoritme").asText()).isEqualTo("SHA-256");
        assertThat(obj.path("filstoerrelse").asLong()).isEqualTo(ArchiveFixtures.stored(1).size());
    }

    @Test
    void withoutATitleTheSendersOwnTitleIsUsed() {
        SenderMetadata their = new SenderMetadata(null, null, null, null, null, null, null, null, null,
                "Vedtak om tilskudd", null, Map.of());
        IncomingItem m = new IncomingItem(Channel.SVARINN, "fs-1", "910229028", null, null, "", null, null, null,
                null, null, their, null, null, null);
        InboxItem item = new InboxItem(UUID.randomUUID(), m, Instant.now(), ItemState.ARCHIVING, List.of(), null, true);
        assertThat(Bodies.title(item)).isEqualTo("Vedtak om tilskudd");
        assertThat(Bodies.journalpost(item, "J").has("dokumentetsDato")).isFalse();
    }
}
