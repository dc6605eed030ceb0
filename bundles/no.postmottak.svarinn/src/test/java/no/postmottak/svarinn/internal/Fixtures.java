package no.postmottak.svarinn.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real SvarUt fixtures in {@code shared/fixtures}, which lies beside the repository. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Fixture not found (is ../shared beside the repository?): " + relative);
    }
}
