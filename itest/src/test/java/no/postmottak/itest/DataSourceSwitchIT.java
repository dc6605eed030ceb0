package no.postmottak.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import no.postmottak.api.Channel;
import no.postmottak.api.DocumentDescriptor;
import no.postmottak.api.DocumentRole;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;

/**
 * The inbox feature works on its zero-setup H2 default, and moves to PostgreSQL by changing the data source
 * configuration only: no bundle is reinstalled, the schema is created by the migrations on the new database. On both,
 * the shipped content store under data/postmottak/innhold takes a document's content (a folder per day).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DataSourceSwitchIT extends KarafTestSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Configuration
    public Option[] configuration() {
        return options(karaf("postmottak-inbox"), systemProperty("postmottak.pgUrl").value(TestPostgres.start()));
    }

    @Test
    public void theH2DefaultWorksAndSwitchingToPostgresqlNeedsOnlyConfiguration() throws Exception {
        UUID onH2 = accept("h2-1");
        assertTrue(inbox().isStored(Channel.SVARINN, "h2-1"));
        assertLargeDocumentGoesToTheContentStore("h2-large");
        Bundle inboxBundle = inboxBundle();

        org.osgi.service.cm.Configuration dataSource = configAdmin
                .listConfigurations("(dataSourceName=postmottak)")[0];
        Dictionary<String, Object> postgres = new Hashtable<>(Map.of(
                "osgi.jdbc.driver.class", "org.postgresql.Driver",
                "dataSourceName", "postmottak",
                "url", System.getProperty("postmottak.pgUrl"),
                "user", "postgres"));
        dataSource.update(postgres);

        // The inbox rebinds to the new data source: a fresh, migrated database without the H2 item.
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> !inbox().isStored(Channel.SVARINN, "h2-1"));
        UUID onPostgres = accept("pg-1");
        assertTrue(inbox().get(onPostgres).isPresent());
        assertFalse(inbox().get(onH2).isPresent());
        assertEquals("the same bundle, never reinstalled", inboxBundle.getBundleId(), inboxBundle().getBundleId());
        assertLargeDocumentGoesToTheContentStore("pg-large");
    }

    /** 3 MiB: all of it in the document's file, in the folder of the accept's day (UTC), read back whole. */
    private void assertLargeDocumentGoesToTheContentStore(String channelId) throws Exception {
        byte[] content = new byte[3 * 1024 * 1024];
        new java.util.Random(channelId.hashCode()).nextBytes(content);
        String id = accept(channelId, content).toString();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        java.nio.file.Path store = java.nio.file.Path.of(System.getProperty("karaf.data"), "postmottak", "innhold");
        java.nio.file.Path file = store.resolve(today.toString()).resolve(id + "-0");
        if (!java.nio.file.Files.exists(file)) { // accepted just before midnight
            file = store.resolve(today.minusDays(1).toString()).resolve(id + "-0");
        }
        assertEquals(channelId + ": the file", 3L * 1024 * 1024, java.nio.file.Files.size(file));
        try (java.io.InputStream in = inbox().openDocument(UUID.fromString(id), 0)) {
            assertTrue(channelId + " reads back whole", java.util.Arrays.equals(content, in.readAllBytes()));
        }
    }

    private UUID accept(String channelId) throws Exception {
        return accept(channelId, "%PDF-1.4 test".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private UUID accept(String channelId, byte[] pdf) throws Exception {
        IncomingItem item = new IncomingItem(Channel.SVARINN, channelId, "921123450", null, null, "Test " + channelId,
                null, 3, null, null, null, null, null, List.of(), Map.of());
        return inbox().accept(item, IncomingDocuments.of(List.of(new IncomingDocument(new DocumentDescriptor(
                "brev.pdf", "application/pdf", pdf.length, null, DocumentRole.MAIN, null),
                new ByteArrayInputStream(pdf))))).itemId();
    }

    /** Looked up each time: the service is re-registered when its data source changes. */
    private Inbox inbox() {
        ServiceReference<Inbox> reference = bundleContext.getServiceReference(Inbox.class);
        if (reference == null) {
            throw new UncheckedIOException(new IOException("no Inbox service right now"));
        }
        return bundleContext.getService(reference);
    }

    private Bundle inboxBundle() {
        return java.util.Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName().equals("no.postmottak.inbox")).findFirst().orElseThrow();
    }
}
