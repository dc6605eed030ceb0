package no.postmottak.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

import no.postmottak.api.keystore.KeyInfo;
import no.postmottak.api.keystore.KeyStoreService;
import no.postmottak.api.keystore.NoKeyForRecipientException;

/**
 * The key store in a real Karaf: keys come and go with ConfigAdmin factory configurations, secrets come through
 * ConfigAdmin interpolation, a broken configuration is visible and harms no other, and the shell commands work.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KeyStoreIT extends KarafTestSupport {

    private static final String KEY_PID = "no.postmottak.keystore.key";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SOMDALEN_SERIAL = "526A935A";
    private static final String SVARUT_SERIAL = "FBCAEA76FC34BC6A";
    private static final String KRYPTERING_SERIAL = "8242EA7DEE5BD4A5";

    @Inject
    private KeyStoreService keyStore;

    @Configuration
    public Option[] configuration() {
        return options(karaf("postmottak-keystore"));
    }

    @Test
    public void keysFollowConfigurationLive() throws Exception {
        // The PKCS#12 password comes from a secret file through Felix' interpolation plugin, not from the config.
        Path secret = Path.of(System.getProperty("karaf.etc"), "somdalen-password");
        Files.writeString(secret, "changeit", StandardCharsets.UTF_8);
        putFactoryConfiguration(KEY_PID, "somdalen", Map.of(
                "account", "demo-mottakersystem",
                "orgnrs", new String[] {"910229028"},
                "keystore.file", fixture("svarinn-real/efm-fiks-meldingsformidler/somdalen.p12").toString(),
                ".keystore.password", "$[secret:somdalen-password]"));
        var svarut = putFactoryConfiguration(KEY_PID, "svarut", Map.of(
                "account", "sak-mottak",
                "pem.key.file", fixture("svarinn-real/svarut-sak-mottak/sp-key.pem").toString(),
                "pem.certificate.file", fixture("svarinn-real/svarut-sak-mottak/sp-cert.pem").toString()));

        await().atMost(TIMEOUT).until(() -> usableSerials().containsAll(List.of(SOMDALEN_SERIAL, SVARUT_SERIAL)));
        assertEquals("6a83244caebca5728ea03a6ad62cb86bab0ed9239f16b4a393f48dfe3c92de0f",
                decryptSha256("svarinn-real/efm-ks-svarut/somdalen-dokumenter-ae68b33d.zip"));
        assertEquals("8b628fc6410a8617083a6a265c4d9ac6c8f501aa378d8137e9aae0403db95d39",
                decryptSha256("svarinn-real/svarut-sak-mottak/small.crypt"));

        // A broken configuration shows why and leaves the others working.
        putFactoryConfiguration(KEY_PID, "broken", Map.of(
                "keystore.file", fixture("svarinn-real/kryptering/keystore.p12").toString(),
                "keystore.password", "not-the-password"));
        await().atMost(TIMEOUT).until(() -> key("broken").map(k -> !k.usable()).orElse(false));
        KeyInfo broken = key("broken").orElseThrow();
        assertFalse(broken.problem().contains("not-the-password"));
        assertEquals("8b628fc6410a8617083a6a265c4d9ac6c8f501aa378d8137e9aae0403db95d39",
                decryptSha256("svarinn-real/svarut-sak-mottak/small.crypt"));

        // Updating a configuration with another key file takes effect without a restart.
        svarut.update(new java.util.Hashtable<>(Map.of(
                "keystore.file", fixture("svarinn-real/kryptering/keystore.p12").toString(),
                "keystore.password", "test1234",
                "keystore.alias", "kryptering")));
        await().atMost(TIMEOUT).until(() -> usableSerials().contains(KRYPTERING_SERIAL)
                && !usableSerials().contains(SVARUT_SERIAL));
        assertThrows(NoKeyForRecipientException.class,
                () -> decryptSha256("svarinn-real/svarut-sak-mottak/small.crypt"));

        // Deleting removes the key.
        svarut.delete();
        await().atMost(TIMEOUT).until(() -> !usableSerials().contains(KRYPTERING_SERIAL));
        assertTrue(usableSerials().contains(SOMDALEN_SERIAL));
    }

    @Test
    public void shellCommandsGenerateAndListKeysWithoutSecrets() throws Exception {
        Path dir = Files.createTempDirectory("keygen");
        Path p12 = dir.resolve("mottak.p12");
        String generated = executeCommand("postmottak:key-generate --subject \"CN=Eksempel kommune mottak, O=Eksempel kommune\""
                + " --password hemmelig-passord --certificate " + dir.resolve("mottak.pem") + " --csr "
                + dir.resolve("mottak.csr") + " " + p12);
        assertTrue(generated, Files.isRegularFile(p12));
        assertTrue(generated, Files.isRegularFile(dir.resolve("mottak.csr")));
        assertTrue(generated, Files.readString(dir.resolve("mottak.pem")).contains("BEGIN CERTIFICATE"));

        putFactoryConfiguration(KEY_PID, "generated", Map.of(
                "account", "eksempel",
                "keystore.file", p12.toString(),
                ".keystore.password", "hemmelig-passord"));
        await().atMost(TIMEOUT).until(() -> key("generated").map(KeyInfo::usable).orElse(false));
        assertNoServicePropertyContains("hemmelig-passord");

        String listed = executeCommand("postmottak:key-list");
        assertTrue(listed, listed.contains("Eksempel kommune mottak"));
        assertFalse(listed, listed.contains("hemmelig-passord"));
    }

    /** Passwords given as private (dot) properties must not leak into service properties (service:list, console). */
    private void assertNoServicePropertyContains(String secret) throws Exception {
        for (ServiceReference<?> reference : bundleContext.getAllServiceReferences(null, null)) {
            for (String key : reference.getPropertyKeys()) {
                Object value = reference.getProperty(key);
                String text = value instanceof Object[] array ? java.util.Arrays.toString(array) : String.valueOf(value);
                assertFalse("service property " + key + " of " + reference, text.contains(secret));
            }
        }
    }

    private List<String> usableSerials() {
        return keyStore.keys().stream().filter(KeyInfo::usable).map(KeyInfo::serialHex).toList();
    }

    private Optional<KeyInfo> key(String configName) {
        return keyStore.keys().stream().filter(k -> k.name().contains(configName)).findFirst();
    }

    private String decryptSha256(String fixture) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (InputStream plain = keyStore.decrypt(Files.newInputStream(fixture(fixture)))) {
            byte[] buffer = new byte[8192];
            for (int n; (n = plain.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
