package no.postmottak.testfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SvarInnFixturesTest {

    /** A row of the README's file table: {@code | file | source path | bytes | sha256 |}. */
    private static final Pattern ROW = Pattern.compile("^\\| (\\S+) \\| .* \\| (\\d+) \\| ([0-9a-f]{64}) \\|$");

    @Test
    void everyFileIsListedInTheReadmeAndByteIdenticalToItsSource() throws Exception {
        Map<String, String> listed = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                listed.put(m.group(1), m.group(2) + " " + m.group(3));
            }
        }
        Map<String, String> actual = new TreeMap<>();
        Path root = SvarInnFixtures.root();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                actual.put(name, Files.size(file) + " " + sha256(SvarInnFixtures.open(name)));
            }
        }
        assertThat(listed).hasSize(19);
        assertThat(actual).isEqualTo(listed);
    }

    @Test
    void namesOnlyFilesInsideTheFixtureFolder() {
        assertThat(SvarInnFixtures.path("svarut-sak-mottak/sp-key.pem")).isRegularFile()
                .startsWith(SvarInnFixtures.root());
        assertThatThrownBy(() -> SvarInnFixtures.path("svarut-sak-mottak/nope.pem"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.pem");
        assertThatThrownBy(() -> SvarInnFixtures.path("../svarinn-real/svarut-sak-mottak"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SvarInnFixtures.path("../../pom.xml")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extractsTheFolderFromAJar(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("fixtures.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("no/postmottak/testfixtures/SvarInnFixtures.class"));
            zip.putNextEntry(new ZipEntry("svarinn-real/"));
            zip.putNextEntry(new ZipEntry("svarinn-real/dekrypter/privatekey.pem"));
            zip.write(Files.readAllBytes(SvarInnFixtures.path("dekrypter/privatekey.pem")));
        }
        Path root = SvarInnFixtures.Root.extract(jar, Files.createDirectory(dir.resolve("out")));

        assertThat(root).isEqualTo(dir.resolve("out/svarinn-real"));
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(root.resolve("dekrypter/privatekey.pem"));
        }
        assertThat(root.resolve("dekrypter/privatekey.pem"))
                .hasSameBinaryContentAs(SvarInnFixtures.path("dekrypter/privatekey.pem"));
    }

    private static String sha256(InputStream in) throws IOException, java.security.NoSuchAlgorithmException {
        try (in) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
