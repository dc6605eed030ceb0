package no.postmottak.web.internal;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.servlet.DispatcherType;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.h2.jdbcx.JdbcDataSource;

import no.postmottak.api.Channel;
import no.postmottak.api.DocumentDescriptor;
import no.postmottak.api.DocumentRole;
import no.postmottak.api.ImportSuggestion;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.Link;
import no.postmottak.api.Party;
import no.postmottak.api.SenderMetadata;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;
import no.postmottak.inbox.testing.TestInboxes;

/**
 * The web layer as Pax Web would host it (filter on /postmottak/*, API servlet on /postmottak/api/*, pages servlet
 * on /postmottak/*), in an embedded Jetty 9.4, on the real JDBC inbox over in-memory H2 and a real JAAS
 * login module (Karaf's PropertiesLoginModule reading src/test/resources/users.properties).
 */
final class TestServer implements AutoCloseable {

    static final String ORG_A = "910000001";
    static final String ORG_B = "920000002";
    /** Mail arrives for this one, but nobody configured it. */
    static final String ORG_UNKNOWN = "930000003";
    static final byte[] PDF = minimalPdf();

    private static final AtomicInteger DATABASES = new AtomicInteger();

    final MutableClock clock = new MutableClock();
    /** The login limit's and sessions' clock, apart from the inbox's so "2 hours later" does not end sessions. */
    final MutableClock loginClock = new MutableClock();
    final ChannelAccounts channels = new ChannelAccounts();
    /** How often the real JAAS login was asked: refused logins must not reach it. */
    final AtomicInteger jaasCalls = new AtomicInteger();
    final TestArchive archive = new TestArchive();
    final Inbox inbox;
    private final Server server;
    private final ServletContextHandler context;
    private final InboxApi api;
    private final AtomicInteger channelIds = new AtomicInteger();

    final JdbcDataSource dataSource = new JdbcDataSource();

    TestServer() throws Exception {
        this(false);
    }

    TestServer(boolean deleteRestricted) throws Exception {
        this("jdbc:h2:mem:web-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", deleteRestricted);
    }

    TestServer(String jdbcUrl) throws Exception {
        this(jdbcUrl, false);
    }

    /** @param deleteRestricted whether deleting needs the role postmottak-delete (astrid has it, anne not) */
    TestServer(String jdbcUrl, boolean deleteRestricted) throws Exception {
        this(jdbcUrl, deleteRestricted, Set.of(), true);
    }

    /**
     * As Karaf while it starts: the pages' servlet answers, the API's comes at {@link #registerApi()} (it needs the
     * inbox, so the whiteboard registers it after the pages).
     */
    static TestServer withApiLater() throws Exception {
        return new TestServer("jdbc:h2:mem:web-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", false,
                Set.of(), false);
    }

    /** Registers the API's servlet on a server made by {@link #withApiLater()}. */
    void registerApi() {
        context.getServletHandler().addServletWithMapping(new ServletHolder(new ApiServlet(api)), "/postmottak/api/*");
    }

    /** As if behind a reverse proxy at {@code proxy}, which the configuration trusts. */
    static TestServer behindProxy(String proxy) throws Exception {
        return new TestServer("jdbc:h2:mem:web-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", false,
                Set.of(proxy), true);
    }

    private TestServer(String jdbcUrl, boolean deleteRestricted, Set<String> trustedProxies, boolean apiNow)
            throws Exception {
        JdbcDataSource ds = dataSource;
        ds.setURL(jdbcUrl);
        ds.setUser("sa");
        inbox = TestInboxes.create(ds, Set.of(ORG_A, ORG_B), archive, clock);

        OrgDirectory directory = new KnownOrganisations(inbox, Set.of(ORG_A, ORG_B), clock);
        api = new InboxApi(inbox, directory, new AdminOverview(inbox, directory, channels, clock), clock,
                deleteRestricted);
        Authenticator realJaas = new JaasAuthenticator("postmottak-test",
                Set.of("org.apache.karaf.jaas.boot.principal.RolePrincipal"), jaasConfiguration());
        Authenticator jaas = (user, password) -> {
            jaasCalls.incrementAndGet();
            return realJaas.authenticate(user, password);
        };

        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new SecurityFilter(jaas, new TestConfig(trustedProxies),
                TestInboxes.webSessions(inbox), loginClock)), "/postmottak/*",
                EnumSet.of(DispatcherType.REQUEST));
        if (apiNow) {
            context.addServlet(new ServletHolder(new ApiServlet(api)), "/postmottak/api/*");
        }
        context.addServlet(new ServletHolder(new StaticPagesServlet()), "/postmottak/*");
        server.setHandler(context);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }

    /** Accepts an item with a PDF main document (name with æøå) and an attachment, returns its id. */
    String receive(String orgnr, String title) throws Exception {
        return receive(orgnr, title, new DocumentDescriptor("Søknad om løyve.pdf", "application/pdf", -1, null,
                DocumentRole.MAIN, "brev"), PDF);
    }

    /** A light item: one small text document. */
    String receiveSmall(String orgnr, String title) throws Exception {
        return receiveSmall(orgnr, title, Map.of());
    }

    /** A light item with these channel attributes. */
    String receiveSmall(String orgnr, String title, Map<String, String> attributes) throws Exception {
        IncomingItem item = new IncomingItem(Channel.SVARINN, "s-" + channelIds.incrementAndGet(), orgnr,
                Party.organisation("Avsender " + title, null), null, title, null, null, null, null, null, null, null,
                List.of(), attributes);
        return inbox.accept(item, IncomingDocuments.of(List.of(new IncomingDocument(new DocumentDescriptor(
                "brev.txt", "text/plain", -1, null, DocumentRole.MAIN, null),
                new ByteArrayInputStream(new byte[] {'x'}))))).itemId().toString();
    }

    String receive(String orgnr, String title, DocumentDescriptor main, byte[] content) throws Exception {
        return receive(orgnr, title, main, content, false);
    }

    /** Accepts a confidential item (taushetsbelagt) like {@link #receive(String, String)}; tove may read it. */
    String receiveConfidential(String orgnr, String title) throws Exception {
        return receive(orgnr, title, new DocumentDescriptor("Melding.pdf", "application/pdf", -1, null,
                DocumentRole.MAIN, "brev"), PDF, true);
    }

    private String receive(String orgnr, String title, DocumentDescriptor main, byte[] content, boolean confidential)
            throws Exception {
        String channelId = "f-" + channelIds.incrementAndGet();
        IncomingItem item = new IncomingItem(Channel.SVARINN, channelId, orgnr,
                new Party("Byggmester Hansen AS", "999888777", null, List.of("Storgata 1"), "0155", "Oslo", null),
                null, title, null, 3, "brev", "ref-" + channelId, null,
                new SenderMetadata(2023, 77, null, null, 5, "U", "F", null, null, title, "Kari", Map.of()),
                new ImportSuggestion(2024, 412, "I", "M", null, title),
                List.of(new Link("Les mer", "https://example.org/" + channelId, "lenke")), Map.of(), confidential);
        IncomingDocuments docs = IncomingDocuments.of(List.of(
                new IncomingDocument(main, new ByteArrayInputStream(content)),
                new IncomingDocument(new DocumentDescriptor("vedlegg.txt", "text/plain", -1, null,
                        DocumentRole.ATTACHMENT, null), new ByteArrayInputStream("hei".getBytes()))));
        return inbox.accept(item, docs).itemId().toString();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static Configuration jaasConfiguration() throws URISyntaxException {
        String users = Path.of(TestServer.class.getResource("/users.properties").toURI()).toString();
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return "postmottak-test".equals(name) ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                        "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of("users", users))} : null;
            }
        };
    }

    /** The smallest PDF Chromium renders: one page with one line of text. */
    private static byte[] minimalPdf() {
        String stream = "BT /F1 24 Tf 72 720 Td (Postmottak testdokument) Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                    + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) {
            pdf.append(String.format("%010d 00000 n \n", o));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The defaults of {@link WebConfig}. */
    static final class TestConfig implements WebConfig {
        private final Set<String> trustedProxies;

        TestConfig(Set<String> trustedProxies) {
            this.trustedProxies = trustedProxies;
        }

        @Override
        public String[] trustedProxies() {
            return trustedProxies.toArray(String[]::new);
        }

        @Override
        public Class<? extends java.lang.annotation.Annotation> annotationType() {
            return WebConfig.class;
        }

        @Override
        public String realm() {
            return "postmottak-test";
        }

        @Override
        public String[] rolePrincipalClasses() {
            return new String[] {"org.apache.karaf.jaas.boot.principal.RolePrincipal"};
        }

        @Override
        public int sessionIdleMinutes() {
            return 30;
        }

        @Override
        public int maxSessions() {
            return 100;
        }

        @Override
        public boolean deleteRestricted() {
            return false; // the API under test gets its own flag; this config only feeds the security filter
        }

        @Override
        public String[] organisations() {
            return new String[] {ORG_A, ORG_B};
        }

        @Override
        public int loginMaxFailuresPerUser() {
            return 5;
        }

        @Override
        public int loginMaxFailuresPerAddress() {
            return 20;
        }

        @Override
        public int loginFailureWindowMinutes() {
            return 15;
        }
    }
}
