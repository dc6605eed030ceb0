package no.postmottak.inbox.internal;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The inbox's SQL migrations, read by name from this bundle's class loader. Flyway's own classpath scanning in OSGi
 * goes through the Flyway bundle's context, which does not exist yet when Karaf starts our bundle first (both sit on
 * the same start level): the scan then finds nothing and leaves an empty database ("No migrations found").
 */
final class BundledMigrations implements ResourceProvider {

    static final String FOLDER = "db/migration/";
    /** Every migration, in order; {@code BundledMigrationsTest} checks this against the folder. */
    static final List<String> SCRIPTS = List.of("V1__inbox.sql", "V2__confidential.sql", "V3__item_outcomes.sql",
            "V4__cluster_state.sql", "V5__inbox_search.sql", "V6__chunk_storage.sql",
            "V7__pg_text_in_index.sql", "V8__content_store.sql",
            "V9__content_store_days.sql");

    private final ClassLoader loader;

    BundledMigrations(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public LoadableResource getResource(String name) {
        return SCRIPTS.stream().filter(s -> name.equals(s) || name.equals(FOLDER + s)).findFirst()
                .map(Script::new).orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return SCRIPTS.stream().filter(s -> s.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(s::endsWith))
                .<LoadableResource>map(Script::new).toList();
    }

    private final class Script extends LoadableResource {

        private final String fileName;

        Script(String fileName) {
            this.fileName = fileName;
        }

        @Override
        public Reader read() {
            InputStream in = loader.getResourceAsStream(FOLDER + fileName);
            if (in == null) {
                throw new UncheckedIOException(new java.io.FileNotFoundException(
                        "Databaseskriptet " + FOLDER + fileName + " mangler i postmottak-bundelen"));
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + fileName;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return FOLDER + fileName;
        }

        @Override
        public String getFilename() {
            return fileName;
        }

        @Override
        public String getRelativePath() {
            return fileName;
        }
    }
}
