package no.postmottak.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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

import no.postmottak.api.archive.ArchiveProvider;

/**
 * {@code postmottak-archive-noark5} installs alone into a stock Karaf: only the API and arkivmelding bundles come
 * with the provider, and each factory configuration registers a provider of kind {@code noark5} under its name, its
 * secrets kept out of the service properties. The provider talks to no archive until it archives.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class Noark5FeatureIT extends KarafTestSupport {


    @Configuration
    public Option[] configuration() {
        return options(karaf("postmottak-archive-noark5"));
    }

    @Test
    public void theFeatureInstallsAloneAndRegistersOneProviderPerConfiguration() throws Exception {
        Bundle provider = null;
        for (Bundle b : bundleContext.getBundles()) {
            String name = b.getSymbolicName();
            assertTrue("only the API and arkivmelding come with the provider: " + name, !name.startsWith("no.postmottak")
                    || List.of("no.postmottak.api", "no.postmottak.arkivmelding", "no.postmottak.archive.noark5")
                    .contains(name));
            if (name.equals("no.postmottak.archive.noark5")) {
                provider = b;
            }
        }
        assertEquals(Bundle.ACTIVE, provider.getState());

        for (String name : List.of("kommune", "kf")) {
            putFactoryConfiguration("no.postmottak.archive.noark5", name, Map.of("name", name + "-noark5",
                    "root.url", "https://arkiv." + name + ".example/noark5v5/api/", "client.id", "postmottak",
                    ".client.secret", "aldri-synlig", "arkivdel", "Sakarkiv"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> bundleContext.getServiceReferences(ArchiveProvider.class,
                "(" + ArchiveProvider.KIND + "=noark5)").size() == 2);
        for (ServiceReference<ArchiveProvider> ref : bundleContext.getServiceReferences(ArchiveProvider.class,
                "(" + ArchiveProvider.KIND + "=noark5)")) {
            assertTrue(List.of("kommune-noark5", "kf-noark5").contains((String) ref.getProperty(ArchiveProvider.NAME)));
            assertNull(ref.getProperty(".client.secret"));
            assertTrue(bundleContext.getService(ref).canLookUpCases());
        }
    }
}
