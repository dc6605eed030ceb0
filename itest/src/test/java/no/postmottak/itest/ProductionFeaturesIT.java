package no.postmottak.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Simulators are never installed in production: no feature but {@code postmottak-simulators} reaches a simulator
 * bundle, through any chain of features. Reads the built feature descriptor; no Karaf needed.
 */
class ProductionFeaturesIT {

    private static final String SIMULATORS = "postmottak-simulators";

    @Test
    void onlyTheSimulatorsFeatureInstallsSimulators() throws Exception {
        Map<String, Element> features = features();
        assertThat(features).containsKeys("postmottak", "postmottak-archive-websak", "postmottak-archive-noark5",
                "postmottak-eformidling",
                SIMULATORS);
        for (String name : features.keySet()) {
            if (!name.equals(SIMULATORS)) {
                assertThat(bundles(name, features, new LinkedHashSet<>())).as(name)
                        .noneMatch(b -> b.contains("simulator"));
            }
        }
        assertThat(bundles(SIMULATORS, features, new LinkedHashSet<>()))
                .anyMatch(b -> b.contains("/no.postmottak.simulator.http/"))
                .anyMatch(b -> b.contains("/no.postmottak.svarinn.simulator/"))
                .anyMatch(b -> b.contains("/no.postmottak.eformidling.simulator/"))
                .anyMatch(b -> b.contains("/no.postmottak.archive.simulator/"))
                .anyMatch(b -> b.contains("/no.postmottak.archive.noark5.simulator/"));
    }

    /** The bundles a feature installs, through the features it names (Karaf's own are not in this file). */
    private static Set<String> bundles(String feature, Map<String, Element> features, Set<String> seen) {
        Set<String> out = new LinkedHashSet<>();
        Element f = features.get(feature);
        if (f == null || !seen.add(feature)) {
            return out;
        }
        NodeList bundles = f.getElementsByTagName("bundle");
        for (int i = 0; i < bundles.getLength(); i++) {
            out.add(bundles.item(i).getTextContent().strip());
        }
        NodeList named = f.getElementsByTagName("feature");
        for (int i = 0; i < named.getLength(); i++) {
            out.addAll(bundles(named.item(i).getTextContent().strip(), features, seen));
        }
        return out;
    }

    private static Map<String, Element> features() throws Exception {
        String version = System.getProperty("postmottak.version", "0.1.0-SNAPSHOT");
        Path xml = Path.of(System.getProperty("postmottak.reactorRepo", "target/reactor-repo"), "no", "postmottak",
                "postmottak-features", version, "postmottak-features-" + version + "-features.xml");
        assertThat(xml).exists();
        NodeList list;
        try (var in = Files.newInputStream(xml)) {
            list = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(in).getDocumentElement()
                    .getChildNodes();
        }
        Map<String, Element> features = new HashMap<>();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i) instanceof Element e && e.getTagName().equals("feature")) {
                features.put(e.getAttribute("name"), e);
            }
        }
        return features;
    }
}
