package no.postmottak.keystore.internal.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

import no.postmottak.api.keystore.KeyInfo;
import no.postmottak.api.keystore.NoKeyForRecipientException;
import no.postmottak.testfixtures.SvarInnFixtures;

/** The DS shells driven as SCR would: configurations come, break and go while the service keeps serving. */
class KeyStoreServiceComponentTest {

    private static KeyEntryComponent component(String pid, Map<String, Object> config) {
        KeyConfig typed = Converters.standardConverter().convert(config).to(KeyConfig.class);
        Map<String, Object> properties = new java.util.HashMap<>(config);
        properties.put("service.pid", pid);
        return new KeyEntryComponent(typed, properties);
    }

    private static KeyEntryComponent somdalen(String password) {
        return component("no.postmottak.keystore.key~somdalen", Map.of("account", "efm",
                "orgnrs", new String[] {"910229028"},
                "keystore.file", SvarInnFixtures.path("efm-fiks-meldingsformidler/somdalen.p12").toString(),
                "keystore.password", password));
    }

    @Test
    void configurationsTakeEffectLive() throws Exception {
        KeyStoreServiceComponent service = new KeyStoreServiceComponent();
        KeyEntryComponent broken = somdalen("not-the-password");
        service.addKey(broken);
        KeyInfo info = service.keys().get(0);
        assertThat(info.usable()).isFalse();
        assertThat(info.problem()).contains("Wrong password").doesNotContain("not-the-password");
        assertThat(info.name()).isEqualTo("no.postmottak.keystore.key~somdalen");
        assertThatThrownBy(() -> decrypt(service, "efm-ks-svarut/empty_encrypted_svarinnfiles.zip"))
                .isInstanceOf(NoKeyForRecipientException.class).hasMessageContaining("serial=526A935A");

        // The operator fixes the password: SCR deactivates the old instance and activates a new one.
        KeyEntryComponent fixed = somdalen("changeit");
        service.removeKey(broken);
        service.addKey(fixed);
        KeyEntryComponent sp = component("no.postmottak.keystore.key~sp", Map.of(
                "pem.key.file", SvarInnFixtures.path("svarut-sak-mottak/sp-key.pem").toString(),
                "pem.certificate.file", SvarInnFixtures.path("svarut-sak-mottak/sp-cert.pem").toString()));
        service.addKey(sp);
        assertThat(service.keys()).extracting(KeyInfo::serialHex).containsExactly("526A935A", "FBCAEA76FC34BC6A");
        assertThat(service.keys().get(0).orgnrs()).containsExactly("910229028");
        assertThat(decrypt(service, "efm-ks-svarut/empty_encrypted_svarinnfiles.zip")).hasSize(22);
        assertThat(decrypt(service, "svarut-sak-mottak/small.crypt")).hasSize(3151);

        service.removeKey(fixed);
        assertThatThrownBy(() -> decrypt(service, "efm-ks-svarut/empty_encrypted_svarinnfiles.zip"))
                .isInstanceOf(NoKeyForRecipientException.class);
        assertThat(decrypt(service, "svarut-sak-mottak/small.crypt")).hasSize(3151);
        assertThat(fixed.entry().toString()).doesNotContain("changeit");
    }

    @Test
    void privatePasswordPropertyIsUsed() {
        KeyEntryComponent entry = component("no.postmottak.keystore.key~private", Map.of(
                "keystore.file", SvarInnFixtures.path("efm-ks-svarut/somdalen.jks").toString(),
                ".keystore.password", "changeit"));
        assertThat(entry.entry().problem()).isNull();
    }

    @Test
    void orgNumbersFromACfgLineAreSplitAndAMalformedOneIsAProblem() {
        KeyEntryComponent listed = component("no.postmottak.keystore.key~listed", Map.of(
                "keystore.file", SvarInnFixtures.path("efm-ks-svarut/somdalen.jks").toString(),
                ".keystore.password", "changeit", "orgnrs", "910229028, 921 123 450"));
        assertThat(listed.entry().info().orgnrs()).containsExactly("910229028", "921123450");

        KeyEntryComponent typo = component("no.postmottak.keystore.key~typo", Map.of(
                "keystore.file", SvarInnFixtures.path("efm-ks-svarut/somdalen.jks").toString(),
                ".keystore.password", "changeit", "orgnrs", "910229028, 92112345"));
        assertThat(typo.entry().info().usable()).isFalse();
        assertThat(typo.entry().info().problem()).contains("92112345");
    }

    @Test
    void configurationWithoutKeyIsVisibleAsProblem() {
        KeyEntryComponent empty = component("no.postmottak.keystore.key~empty", Map.of("account", "x"));
        assertThat(empty.entry().info().problem()).contains("exactly one of keystore.file or pem.key.file");
    }

    private static byte[] decrypt(KeyStoreServiceComponent service, String fixture) throws Exception {
        try (InputStream in = Files.newInputStream(SvarInnFixtures.path(fixture)); InputStream plain = service.decrypt(in)) {
            return plain.readAllBytes();
        }
    }
}
