package no.postmottak.web.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.Orgnr;
import no.postmottak.api.channel.ChannelAccount;
import no.postmottak.api.inbox.Inbox;

/** DS shell: the JSON API under /postmottak/api, on the {@link Inbox} service. */
@Component(service = Servlet.class, configurationPid = WebConfig.PID)
@HttpWhiteboardServletName("postmottak-api")
@HttpWhiteboardServletPattern(WebSecurity.BASE + "/api/*")
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    private final transient ChannelAccounts channels = new ChannelAccounts();
    private final transient InboxApi api;

    /** The health check executor, when postmottak-operations runs: the administration page summarises the checks. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile HealthCheckExecutor healthChecks;

    @Activate
    public ApiServlet(@Reference(name = "inbox") Inbox inbox, WebConfig config) {
        Clock clock = Clock.systemUTC();
        OrgDirectory directory = new KnownOrganisations(inbox, knownOrgnrs(config), clock);
        this.api = new InboxApi(inbox, directory, new AdminOverview(inbox, directory, channels, clock,
                new HealthSummary(() -> healthChecks)), clock, config.deleteRestricted());
    }

    /** A typo in this optional list must not take the clerks' inbox down: it is logged and left out. */
    private static Set<String> knownOrgnrs(WebConfig config) {
        try {
            return Orgnr.parseList(config.organisations());
        } catch (IllegalArgumentException e) {
            LOG.error("The setting organisations of {} is invalid and ignored: {}", WebConfig.PID, e.getMessage());
            return Set.of();
        }
    }

    /** For tests: a ready API. */
    ApiServlet(InboxApi api) {
        this.api = api;
    }

    /** Every channel account (SvarInn accounts and the like), as they come and go. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannelAccount(ChannelAccount account, Map<String, Object> properties) {
        channels.add(serviceId(properties), account);
    }

    void removeChannelAccount(ChannelAccount account, Map<String, Object> properties) {
        channels.remove(serviceId(properties), account);
    }

    private static long serviceId(Map<String, Object> properties) {
        return ((Number) properties.get("service.id")).longValue();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        api.handle(req, resp, req.getPathInfo());
    }
}
