package no.postmottak.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class BundledMigrationsTest {

    private final BundledMigrations migrations = new BundledMigrations(getClass().getClassLoader());

    @Test
    void listsEveryScriptInTheMigrationFolder() throws Exception {
        Path folder = Path.of(getClass().getClassLoader().getResource(BundledMigrations.FOLDER).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .as("a new migration must be added to BundledMigrations.SCRIPTS")
                    .containsExactlyElementsOf(BundledMigrations.SCRIPTS);
        }
    }

    @Test
    void findsVersionedScriptsByPrefixAndReadsThem() throws Exception {
        assertThat(migrations.getResources("V", new String[] {".sql"})).hasSize(BundledMigrations.SCRIPTS.size());
        assertThat(migrations.getResources("R", new String[] {".sql"})).isEmpty();
        assertThat(migrations.getResources("V", new String[] {".java"})).isEmpty();
        try (Reader r = migrations.getResource("V1__inbox.sql").read()) {
            char[] start = new char[200];
            assertThat(new String(start, 0, r.read(start))).containsIgnoringCase("CREATE TABLE");
        }
        assertThat(migrations.getResource("V9__none.sql")).isNull();
    }

}
