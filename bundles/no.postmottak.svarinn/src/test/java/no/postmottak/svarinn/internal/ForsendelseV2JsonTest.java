package no.postmottak.svarinn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.IncomingItem;
import no.postmottak.svarinn.internal.json.ForsendelseV2;

/** SvarInn V2's model read tolerantly and mapped onto the same inbox item as V1. */
class ForsendelseV2JsonTest {

    private static final String FULL = """
        [{"id":"7d1c0e0a-3f5b-4d6e-9a8b-1c2d3e4f5a6b","tittel":"Vedtak om barnevernstiltak",
          "dato":"2026-03-01T10:15:30+01:00","sikkerhetsniva":"HOYESTE","taushetsbelagtPost":true,
          "avgivendeSystem":"EDIALOG","type":"Innkommende dokument","eksternRef":"ref-1","nyttFeltFraKs":{"x":1},
          "svarPaForsendelse":"0d5f5e3c-7e0a-4a51-9f3c-5a1b2c3d4e5f",
          "avsender":{"navn":"Nabokommunen","adresselinje1":"Rådhuset","postnummer":"0150","poststed":"Oslo"},
          "mottaker":{"organisasjonsnummer":"910229028","navn":"Fjordvik kommune","land":"Norge"},
          "svarSendesTil":{"fodselsnummer":"01017012345","navn":"Kari Nordmann","adresselinje1":"Storgata 1",
                           "postnummer":"5003","poststed":"Bergen"},
          "metadataFraAvleverendeSystem":{"saksaar":2025,"sakssekvensnummer":12,"saksbehandler":"Ola",
             "journaldato":"2026-02-28","virksomhetsspesifikkeMetadata":[{"key":"k","value":"v"}]},
          "metadataForImport":{"mappeId":{"mappeId":"m1","systemId":"4711","saksaar":2024,"sakssekvensnummer":412},
             "journalpostId":{"systemId":"9001","registreringsId":"2024/412-3","journalpostnummer":3},
             "dokumentetsDato":"2026-02-27T00:00:00","tittel":"Svar"},
          "filer":[{"filnavn":"vedtak.pdf","mimeType":"application/pdf","hash":"ab","storrelse":42,"type":"H",
                    "ekstraMetadata":[{"key":"a","value":"b"}]}],
          "lenker":[{"ledetekst":"Les mer","lenke":"https://example.org","tekst":"her"}],
          "nedlastingslenke":"https://svarut.ks.no/tjenester/svarinn/v2/forsendelser/7d1c0e0a-3f5b-4d6e-9a8b-1c2d3e4f5a6b"}]
        """;

    // The client's own reader: unknown fields are ignored.
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            false);
    private final ForsendelseMapper mapper = new ForsendelseMapper("konto", Set.of("910229028"));

    private ForsendelseV2 read(String body) throws Exception {
        return json.readValue(body, new TypeReference<List<ForsendelseV2>>() { }).get(0);
    }

    @Test
    void everyV2FieldReachesTheInboxItem() throws Exception {
        ForsendelseV2 f = read(FULL);
        assertThat(f.date()).isEqualTo(Instant.parse("2026-03-01T09:15:30Z"));
        assertThat(f.downloadUrl()).endsWith("/svarinn/v2/forsendelser/" + f.id());
        assertThat(f.filer()).singleElement().satisfies(file -> {
            assertThat(file.mimetype()).isEqualTo("application/pdf");
            assertThat(file.sha256hash()).isEqualTo("ab");
            assertThat(file.size()).isEqualTo(42L);
            assertThat(file.dokumentType()).isEqualTo("H");
        });

        IncomingItem item = mapper.toIncomingItem(f);

        assertThat(item.confidential()).isTrue();
        assertThat(item.securityLevel()).isEqualTo(4);
        assertThat(item.recipientOrgnr()).isEqualTo("910229028");
        assertThat(item.forsendelseType()).isEqualTo("Innkommende dokument");
        assertThat(item.sender().name()).isEqualTo("Kari Nordmann");
        assertThat(item.sender().fnr()).isEqualTo("01017012345");
        assertThat(item.sender().postnr()).isEqualTo("5003");
        assertThat(item.replyToChannelId()).isEqualTo("0d5f5e3c-7e0a-4a51-9f3c-5a1b2c3d4e5f");
        assertThat(item.senderMetadata().saksbehandler()).isEqualTo("Ola");
        assertThat(item.senderMetadata().ekstraMetadata()).containsEntry("k", "v");
        assertThat(item.importSuggestion().caseNumber()).contains(new CaseNumber(2024, 412));
        assertThat(item.importSuggestion().caseSystemId()).isEqualTo("4711");
        assertThat(item.importSuggestion().dokumentetsDato()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(item.links()).singleElement().satisfies(l -> assertThat(l.url()).isEqualTo("https://example.org"));
        assertThat(item.channelAttributes())
                .containsEntry(ForsendelseMapper.SENDING_SYSTEM, "EDIALOG")
                .containsEntry(ForsendelseMapper.API_VERSION, "v2")
                .containsEntry(ForsendelseMapper.REPLY_TO_JOURNALPOST,
                        "2024/412-3, journalpostnummer 3, arkivets id 9001")
                .doesNotContainKey(ForsendelseMapper.ORGNR_NOT_LISTED);
    }

    @Test
    void nullsUnknownLevelsAndDatesWithoutOffsetDoNotStopTheItem() throws Exception {
        ForsendelseV2 f = read("""
            [{"id":"x","tittel":null,"dato":"2026-03-01T10:15:30","sikkerhetsniva":"SUBSTANSIELL",
              "taushetsbelagtPost":null,"mottaker":{"organisasjonsnummer":"910229028","navn":"F"},
              "filer":null,"lenker":null,"metadataForImport":{"mappeId":null,"journalpostId":null}}]""");

        IncomingItem item = mapper.toIncomingItem(f);

        assertThat(item.confidential()).isFalse();
        assertThat(item.securityLevel()).as("an unknown level is kept out, not fatal").isNull();
        assertThat(item.sentAt()).as("Norwegian local time").isEqualTo(Instant.parse("2026-03-01T09:15:30Z"));
        assertThat(f.filer()).isEmpty();
        assertThat(item.importSuggestion().caseNumber()).isEmpty();
        assertThat(item.channelAttributes()).doesNotContainKey(ForsendelseMapper.REPLY_TO_JOURNALPOST);
        assertThat(read("[{\"id\":\"y\",\"dato\":1418800000000}]").date())
                .isEqualTo(Instant.ofEpochMilli(1418800000000L));
    }

    @Test
    void levelsMapToTheInboxNumbers() {
        assertThat(ForsendelseMapper.sikkerhetsniva("BETYDELIG")).isEqualTo(3);
        assertThat(ForsendelseMapper.sikkerhetsniva("hoyeste")).isEqualTo(4);
        assertThat(ForsendelseMapper.sikkerhetsniva("4")).isEqualTo(4);
        assertThat(ForsendelseMapper.sikkerhetsniva(null)).isNull();
    }

    @Test
    void aV1BaseUrlServesV2TooSoAnAccountMovesByChangingOnlyItsVersion() {
        assertThat(SvarInnHttp.root(URI.create("https://svarut.ks.no/tjenester/svarinn/")))
                .isEqualTo(URI.create("https://svarut.ks.no/tjenester/"));
        assertThat(SvarInnHttp.root(URI.create("https://svarut.ks.no/tjenester")))
                .isEqualTo(URI.create("https://svarut.ks.no/tjenester/"));
    }
}
