package no.postmottak.keystore.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.postmottak.api.keystore.KeyInfo;
import no.postmottak.api.keystore.KeyStoreService;
import no.postmottak.keystore.internal.KeyEntry;
import no.postmottak.keystore.internal.KeyRing;
import no.postmottak.keystore.internal.KeySource;

/** The commands are thin: generate writes loadable files, list prints the key infos without secrets. */
class ShellCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void generateThenList() throws Exception {
        KeyGenerateCommand generate = new KeyGenerateCommand();
        generate.keystore = tmp.resolve("mottak.p12").toString();
        generate.subject = "CN=Postmottak, O=Testkommune";
        generate.password = "cmd-Secret-1";
        generate.csr = tmp.resolve("mottak.csr").toString();
        String generated = capture(() -> generate.execute());
        assertThat(generated).contains("mottak.cert.pem").contains("last dette opp til SvarUt").doesNotContain("cmd-Secret");
        assertThat(Files.readString(tmp.resolve("mottak.cert.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(tmp.resolve("mottak.csr"))).startsWith("-----BEGIN CERTIFICATE REQUEST-----");

        KeyRing ring = new KeyRing();
        ring.add(KeyEntry.load(KeySource.keystore("no.postmottak.keystore.key~ny", "kommune", List.of("123456789"),
                tmp.resolve("mottak.p12"), "cmd-Secret-1".toCharArray(), null)));
        ring.add(KeyEntry.load(KeySource.keystore("no.postmottak.keystore.key~feil", "kommune", List.of(),
                tmp.resolve("mottak.p12"), "wrong-Secret-2".toCharArray(), null)));
        KeyListCommand list = new KeyListCommand();
        list.keyStore = new KeyStoreService() {
            @Override
            public java.io.InputStream decrypt(java.io.InputStream cms) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<KeyInfo> keys() {
                return ring.infos();
            }
        };
        String listed = capture(() -> list.execute());
        assertThat(listed).contains("key~ny", "postmottak", "CN=Postmottak,O=Testkommune", "kommune", "123456789",
                "Feil passord").doesNotContain("Secret");
    }

    private static String capture(ThrowingRunnable action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
