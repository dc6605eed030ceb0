package no.postmottak.operations.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.inbox.InboxException;

/** DS shell: {@code GET /metrics} in the Prometheus text format, for users with a metrics role (HTTP Basic). */
@Component(service = Servlet.class, configurationPid = MetricsConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
// Pax Web 8 refuses a second servlet with the same name in a context; unnamed ones all share the class name.
@HttpWhiteboardServletName("postmottak-metrics")
@HttpWhiteboardServletPattern("/metrics")
@Designate(ocd = MetricsConfig.class)
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServlet.class);

    private final transient Metrics metrics;
    private final transient BasicAuth auth;

    @Activate
    public MetricsServlet(@Reference Watch watch, @Reference ArchiveLatencies latencies, MetricsConfig config) {
        this(new Metrics(watch, latencies), new BasicAuth(config.realm(), Set.of(config.roles()),
                Set.of(config.rolePrincipalClasses()), null));
    }

    MetricsServlet(Metrics metrics, BasicAuth auth) {
        this.metrics = metrics;
        this.auth = auth;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        switch (auth.check(req.getHeader("Authorization"))) {
            case UNAUTHENTICATED -> {
                resp.setHeader("WWW-Authenticate", "Basic realm=\"Postmottak\", charset=\"UTF-8\"");
                plain(resp, HttpServletResponse.SC_UNAUTHORIZED, "Innlogging kreves\n");
                return;
            }
            case FORBIDDEN -> {
                plain(resp, HttpServletResponse.SC_FORBIDDEN, "Brukeren har ikke tilgang til metrikkene\n");
                return;
            }
            case ALLOWED -> { }
        }
        String body;
        try {
            body = metrics.scrape();
        } catch (InboxException | RuntimeException e) {
            LOG.warn("Metrics could not be collected", e);
            plain(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Metrikkene kunne ikke hentes\n");
            return;
        }
        resp.setContentType(MetricsText.CONTENT_TYPE);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private static void plain(HttpServletResponse resp, int status, String text) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=utf-8");
        resp.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }
}
