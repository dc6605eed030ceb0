package no.postmottak.svarinn.simulator;

import static no.postmottak.svarinn.simulator.TestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import no.postmottak.svarinn.simulator.internal.DemoKeys;

class DemoSeedTest {

    @Test
    void demoMailIsRealisticAndDecryptsToPdfs() throws Exception {
        DemoKeys.KeyAndCertificate keys = TestSupport.keys("Demo");
        try (SvarInnSimulator sim = SvarInnSimulator.start(0)) {
            List<Mottakersystem> systems = sim.seedDemo(keys.certificate());
            assertThat(systems).hasSize(2);
            Set<String> orgs = new HashSet<>();
            int docs = 0;
            boolean suggestedCase = false;
            boolean links = false;
            for (Mottakersystem m : systems) {
                JsonNode list = list(sim, m.brukernavn(), m.passord());
                assertThat(list).hasSizeGreaterThanOrEqualTo(2);
                for (JsonNode f : list) {
                    orgs.add(f.get("mottaker").get("orgnr").asText());
                    suggestedCase |= f.get("metadataForImport").get("sakssekvensnummer").asInt() > 0;
                    links |= f.get("lenker").size() > 0;
                    byte[] cms = getBytes(URI.create(f.get("downloadUrl").asText()), m.brukernavn(), m.passord()).body();
                    Map<String, byte[]> entries = unzip(decryptAll(cms, keys.privateKey()), StandardCharsets.UTF_8);
                    int i = 0;
                    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                        JsonNode fm = f.get("filmetadata").get(i++);
                        assertThat(e.getKey()).isEqualTo(fm.get("filnavn").asText()).endsWith(".pdf");
                        assertThat(new String(e.getValue(), 0, 8, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4");
                        assertThat(sha256(e.getValue())).isEqualTo(fm.get("sha256hash").asText());
                        docs++;
                    }
                    assertThat(i).isEqualTo(f.get("filmetadata").size());
                }
            }
            assertThat(orgs).hasSizeGreaterThanOrEqualTo(3);
            assertThat(docs).isGreaterThanOrEqualTo(8);
            assertThat(suggestedCase).isTrue();
            assertThat(links).isTrue();
            assertThat(sim.forsendelser()).anyMatch(s -> s.tittel().equals("Vedtak om byggetillatelse – gnr 12 bnr 345"));
            JsonNode v2 = MAPPER.readTree(get(URI.create(sim.baseUri() + "/v2/forsendelser"),
                    systems.get(0).brukernavn(), systems.get(0).passord()).body());
            assertThat(v2).as("a confidential demo item over V2").anySatisfy(f -> {
                assertThat(f.get("taushetsbelagtPost").asBoolean()).isTrue();
                assertThat(f.get("sikkerhetsniva").asText()).isEqualTo("HOYESTE");
            });
        }
    }
}
