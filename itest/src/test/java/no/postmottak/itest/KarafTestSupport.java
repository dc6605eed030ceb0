package no.postmottak.itest;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.awaitility.Awaitility;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;


/**
 * Boots a real Karaf (the root pom's version) with Postmottak's features, on free ports, with Maven Central as the only remote
 * repository and this build's bundles read in place from {@code target/reactor-repo}.
 */
public abstract class KarafTestSupport {

    protected static final String VERSION = System.getProperty("postmottak.version", "0.1.0-SNAPSHOT");

    @Inject
    protected ConfigurationAdmin configAdmin;

    @Inject
    protected SessionFactory sessionFactory;

    @Inject
    protected BundleContext bundleContext;

    /** The options every test class shares; subclasses add the features they test. */
    protected Option karaf(String... featureNames) {
        String localRepo = System.getProperty("org.ops4j.pax.url.mvn.localRepository",
                System.getProperty("user.home") + "/.m2/repository");
        String reactorRepo = new File(System.getProperty("postmottak.reactorRepo", "target/reactor-repo"))
                .getAbsoluteFile().toURI().toString();
        String fixtures = new File(System.getProperty("postmottak.fixtures", "target/fixtures")).getAbsolutePath();
        boolean offline = Boolean.getBoolean("postmottak.offline");
        String mvnCfg = "etc/org.ops4j.pax.url.mvn.cfg";
        return composite(
                karafDistributionConfiguration()
                        .frameworkUrl(maven("org.apache.karaf", "apache-karaf").type("tar.gz").version(buildVersion("karaf")))
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                when(Boolean.getBoolean("postmottak.keepRuntime")).useOptions(keepRuntimeFolder()),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                jdk9PlusOptions(),
                freePorts(),
                editConfigurationFilePut(mvnCfg, "org.ops4j.pax.url.mvn.localRepository", localRepo),
                editConfigurationFilePut(mvnCfg, "org.ops4j.pax.url.mvn.repositories",
                        "https://repo1.maven.org/maven2@id=central"),
                editConfigurationFileExtend(mvnCfg, "org.ops4j.pax.url.mvn.defaultRepositories",
                        reactorRepo + "@id=reactor@snapshots"),
                when(offline).useOptions(editConfigurationFilePut(mvnCfg, "org.ops4j.pax.url.mvn.offline", "true")),
                systemProperty("postmottak.fixtures").value(fixtures),
                mavenBundle("org.awaitility", "awaitility", buildVersion("awaitility")),
                mavenBundle("org.hamcrest", "hamcrest", buildVersion("hamcrest")),
                features(maven("no.postmottak", "postmottak-features").classifier("features").type("xml")
                        .version(VERSION), featureNames));
    }

    /**
     * A version the root pom defines (each is defined there once), handed over by failsafe as
     * {@code postmottak.version.<name>}. Read only while the test JVM configures Karaf, never inside it.
     */
    private static String buildVersion(String name) {
        String version = System.getProperty("postmottak.version." + name);
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("postmottak.version." + name + " is not set: run the itests through Maven");
        }
        return version;
    }

    private static Option jdk9PlusOptions() {
        String karafVersion = buildVersion("karaf");
        return composite(
                vmOption("--add-reads=java.xml=java.logging"),
                vmOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
                vmOption("--patch-module"),
                vmOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar"),
                vmOption("--patch-module"),
                vmOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar"),
                vmOption("--add-opens"), vmOption("java.base/java.security=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.base/java.net=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.base/java.lang=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.base/java.util=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED"),
                vmOption("--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED"),
                vmOption("--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED"),
                vmOption("--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED"),
                vmOption("--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED"),
                vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
                vmOption("-Xmx512m"));
    }

    /** Karaf's own ports are fixed unless overridden: take free ones so parallel builds do not clash. */
    private static Option freePorts() {
        String httpPort = port();
        return composite(
                systemProperty("postmottak.httpPort").value(httpPort),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", port()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", port()),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", port()),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "javax.servlet.context.tempdir",
                        "${karaf.data}/pax-web/tmp"));
    }

    private static String port() {
        return Integer.toString(FreePort.next());
    }

    /** Karaf's HTTP base URL, e.g. {@code http://localhost:41234}. */
    protected static String httpBase() {
        return "http://localhost:" + System.getProperty("postmottak.httpPort");
    }

    /** A fixture file (postmottak-test-fixtures, unpacked into {@code target/fixtures}), as the Karaf process sees it. */
    protected static Path fixture(String relative) {
        return Path.of(System.getProperty("postmottak.fixtures"), relative);
    }

    /** Creates or updates the factory configuration {@code factoryPid~name}, bound to no bundle in particular. */
    protected Configuration putFactoryConfiguration(String factoryPid, String name, Map<String, ?> properties)
            throws IOException {
        Configuration configuration = configAdmin.getFactoryConfiguration(factoryPid, name, "?");
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        configuration.update(dictionary);
        return configuration;
    }

    /** Creates or updates the singleton configuration {@code pid}. */
    protected Configuration putConfiguration(String pid, Map<String, ?> properties) throws IOException {
        Configuration configuration = configAdmin.getConfiguration(pid, "?");
        configuration.update(new Hashtable<>(properties));
        return configuration;
    }

    /** Runs a shell command as an operator would and returns what it printed. */
    protected String executeCommand(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Session session = sessionFactory.create(System.in, out, out);
            Object result = session.execute(command);
            if (result != null) {
                out.println(result);
            }
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** An HTTP client logged in to the web inbox as {@code user} (JAAS), with its session cookie. */
    protected HttpClient loggedIn(String user, String password) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest login = HttpRequest.newBuilder(URI.create(httpBase() + "/postmottak/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", httpBase())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build();
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> http.send(login, HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 303);
        return http;
    }

    /** GET {@code url} as that client. */
    protected static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The installed bundle with this symbolic name. */
    protected Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (b.getSymbolicName().equals(symbolicName)) {
                return b;
            }
        }
        throw new IllegalStateException("No bundle " + symbolicName);
    }


    /** A PEM certificate, as {@code postmottak:key-generate} writes it. */
    protected static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
