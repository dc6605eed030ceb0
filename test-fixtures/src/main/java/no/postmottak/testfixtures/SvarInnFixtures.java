package no.postmottak.testfixtures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The real KS SvarUt payloads and the test keys published with them, by their path below {@code svarinn-real/},
 * e.g. {@code path("svarut-sak-mottak/small.crypt")}. This module's README says where each file comes from, under
 * which licence, and which key decrypts which file.
 * <p>
 * Key stores and the simulator want files, so {@link #path} gives one: when this class comes from a folder
 * ({@code target/classes} in an IDE or a reactor build up to {@code test}) the files are read in place; when it comes
 * from the jar, they are copied once into a temporary folder that is deleted when the JVM exits.
 */
public final class SvarInnFixtures {

    /** The folder in this artifact that holds the files. */
    public static final String FOLDER = "svarinn-real";

    private SvarInnFixtures() {
    }

    /** The folder holding all fixtures (e.g. to hand a whole directory to a simulator). */
    public static Path root() {
        return Root.PATH;
    }

    /**
     * A fixture file.
     *
     * @param relative its path below {@code svarinn-real/}, with {@code /} as separator
     * @throws IllegalArgumentException when there is no such fixture
     */
    public static Path path(String relative) {
        Path file = Root.PATH.resolve(relative).normalize();
        if (!file.startsWith(Root.PATH) || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No SvarInn fixture " + relative + " in " + Root.PATH);
        }
        return file;
    }

    /** Opens a fixture file for reading; the caller closes the stream. */
    public static InputStream open(String relative) throws IOException {
        return Files.newInputStream(path(relative));
    }

    /** Initialised on first use only, so that a failure names the fixture a test asked for. */
    static final class Root {
        static final Path PATH = locate();

        private static Path locate() {
            try {
                Path origin = Path.of(SvarInnFixtures.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(origin)) {
                    return origin.resolve(FOLDER).toAbsolutePath();
                }
                Path target = Files.createTempDirectory("postmottak-svarinn-fixtures-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(target), "delete-svarinn-fixtures"));
                return extract(origin, target);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the SvarInn fixtures", e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException("Cannot locate the SvarInn fixtures", e);
            }
        }

        /** Copies the fixture folder out of {@code jar} into {@code target}; returns the copy's root. */
        static Path extract(Path jar, Path target) throws IOException {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    if (entry.isDirectory() || !entry.getName().startsWith(FOLDER + "/")) {
                        continue;
                    }
                    Path file = target.resolve(entry.getName()).normalize();
                    if (!file.startsWith(target)) {
                        throw new IOException("Entry outside the fixture folder: " + entry.getName());
                    }
                    Files.createDirectories(file.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, file);
                    }
                }
            }
            Path root = target.resolve(FOLDER);
            if (!Files.isDirectory(root)) {
                throw new NoSuchFileException(jar + "!/" + FOLDER);
            }
            return root;
        }

        private static void deleteQuietly(Path dir) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder: the OS cleans it up eventually
            }
        }
    }
}
