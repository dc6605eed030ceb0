package no.postmottak.svarinn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.api.Channel;
import no.postmottak.api.IncomingItem;
import no.postmottak.svarinn.internal.json.Forsendelse;
import no.postmottak.testfixtures.SvarInnFixtures;

class ForsendelseJsonTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ForsendelseMapper mapper = new ForsendelseMapper("konto", Set.of("910229028"));

    private List<Forsendelse> read(String fixture) throws Exception {
        try (InputStream in = SvarInnFixtures.open(fixture)) {
            return json.readValue(in, new TypeReference<List<Forsendelse>>() { });
        }
    }

    @Test
    void readsTheRealTestEnvironmentCaptureWithNullsAndNoHashes() throws Exception {
        Forsendelse f = read("efm-ks-svarut/sampleresponse.json").get(0);
        assertThat(f.id()).isEqualTo("9b45ab9e-e13a-489e-832d-56e836c9a8bc");
        assertThat(f.date()).isEqualTo(Instant.ofEpochMilli(1487069340334L));
        assertThat(f.filer()).singleElement().satisfies(m -> {
            assertThat(m.sha256hash()).isNull();
            assertThat(m.size()).isNull();
        });

        IncomingItem item = mapper.toIncomingItem(f);
        assertThat(item.channel()).isEqualTo(Channel.SVARINN);
        assertThat(item.recipientOrgnr()).isEqualTo("910229028");
        assertThat(item.securityLevel()).isEqualTo(3);
        assertThat(item.channelAttributes()).doesNotContainKey(ForsendelseMapper.ORGNR_NOT_LISTED);
    }

    @Test
    void readsKsOwnFakeDataWhereMottakerLacksOrgnrAndTheSuggestedCaseIsMinusOne() throws Exception {
        List<Forsendelse> list = read("svarut-sak-mottak/SvarUtForsendelse.json");
        List<IncomingItem> items = list.stream().map(mapper::toIncomingItem).toList();

        assertThat(items).hasSize(3);
        assertThat(items.get(0).recipientOrgnr()).isEqualTo("999888777");
        assertThat(items.get(0).channelAttributes()).containsKey(ForsendelseMapper.ORGNR_NOT_LISTED);
        assertThat(items.get(1).recipientOrgnr()).as("first org number of the account").isEqualTo("910229028");
        assertThat(items.get(1).channelAttributes()).containsEntry(ForsendelseMapper.ORGNR_MISSING, "true");
        assertThat(items.get(2).importSuggestion().sakssekvensnummer()).isEqualTo(-1);
        assertThat(items.get(2).importSuggestion().caseNumber()).isEmpty();
    }

    @Test
    void sendersCaseIsTheirReferenceAndReplyToPartyIsTheSender() throws Exception {
        Forsendelse f = read("efm-dpf-feature/nextmove_receive_dpf.hentNyeForsendelser.json").get(0);
        IncomingItem item = mapper.toIncomingItem(f);
        assertThat(item.recipientOrgnr()).isEqualTo("910077473");
        assertThat(item.sender().orgnr()).isEqualTo("910229028");
        assertThat(item.senderMetadata().saksaar()).isEqualTo(2016);
        assertThat(item.channelAttributes()).containsEntry(ForsendelseMapper.ORGNR_NOT_LISTED, "true");
        assertThat(item.eksternRef()).isEqualTo(f.eksternRef());
    }

    @Test
    void unknownFieldsNullNumbersAndBothDateFormsAreRead() throws Exception {
        String body = """
            [{"id":"a1","tittel":"Søknad","date":"2024-06-17T09:30:13.310+02:00","niva":"4","nyttFelt":{"x":1},
              "mottaker":{"orgnr":"910229028","navn":"Kommunen","adresse1":"Postboks 1"},
              "avsender":{"navn":"Staten","adresselinje1":"Gate 1","postnr":"0001","poststed":"Oslo"},
              "svarSendesTil":null,
              "metadataFraAvleverendeSystem":{"journalaar":null,"journalpostnummer":null,"journaldato":1718575200000,
                 "ekstraMetadata":[{"key":null,"value":null},{"key":"fagsystemRef","value":"BYGG-1"}]},
              "metadataForImport":{"saksaar":2024,"sakssekvensnummer":412,"dokumentetsDato":"2024-06-17T00:00:00.000+02:00"},
              "filmetadata":[{"filnavn":"a.pdf","mimetype":"application/pdf","sha256hash":null,"size":0,"ekstra":true}],
              "lenker":[{"ledetekst":"Se","urlLenke":"https://example.no","urlTekst":"lenke"}]}]""";
        Forsendelse f = json.readValue(body, new TypeReference<List<Forsendelse>>() { }).get(0);
        IncomingItem item = mapper.toIncomingItem(f);
        assertThat(item.sentAt()).isEqualTo(Instant.parse("2024-06-17T07:30:13.310Z"));
        assertThat(item.sender().name()).isEqualTo("Staten");
        assertThat(item.sender().addressLines()).containsExactly("Gate 1");
        assertThat(item.senderMetadata().journaldato()).isEqualTo(Instant.ofEpochMilli(1718575200000L));
        assertThat(item.senderMetadata().ekstraMetadata()).containsOnlyKeys("fagsystemRef");
        assertThat(item.importSuggestion().caseNumber()).hasValueSatisfying(c ->
                assertThat(c.toString()).isEqualTo("2024/412"));
        assertThat(item.importSuggestion().dokumentetsDato()).isEqualTo(LocalDate.of(2024, 6, 17));
        assertThat(item.links()).singleElement().satisfies(l -> assertThat(l.url()).isEqualTo("https://example.no"));
        assertThat(item.securityLevel()).isEqualTo(4);
    }

    @Test
    void aDateThatIsNeitherMillisNorIsoIsAClearError() {
        assertThatThrownBy(() -> json.readValue("[{\"id\":\"x\",\"date\":\"i går\"}]",
                new TypeReference<List<Forsendelse>>() { }))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("i går");
    }

    @Test
    void missingRecipientOrgnrWithNoAccountOrgnrIsRefusedClearly() throws Exception {
        Forsendelse f = json.readValue("[{\"id\":\"x\",\"mottaker\":{\"navn\":\"Uten orgnr\"}}]",
                new TypeReference<List<Forsendelse>>() { }).get(0);
        assertThatThrownBy(() -> new ForsendelseMapper("konto", Set.of()).toIncomingItem(f))
                .hasMessageContaining("mottakerens organisasjonsnummer");
    }
}
