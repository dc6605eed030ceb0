package no.postmottak.web.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.servlet.Filter;
import javax.servlet.Servlet;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.dto.RuntimeDTO;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DS shell of {@link WhiteboardRepair}: watches this bundle's whiteboard servlets and filters (their service
 * references only; the services are not got) and restarts one the HTTP runtime does not serve, with
 * {@link ComponentContext#disableComponent} and {@link ComponentContext#enableComponent}.
 *
 * <p>Checks run on a thread of their own, every {@link #EVERY} while an element is looked at (its first
 * minute), and stop when none is. The runtime reference is static: should Pax Web register a new
 * {@link HttpServiceRuntime} (a restart of its server), this component starts over and every element is checked
 * again.
 */
@Component(service = {}, immediate = true)
public class WhiteboardRepairComponent {

    private static final Logger LOG = LoggerFactory.getLogger(WhiteboardRepairComponent.class);

    /** Our own whiteboard services: every component of this bundle is named after its class. */
    static final String OURS = "(" + ComponentConstants.COMPONENT_NAME + "=no.postmottak.web.*)";

    static final Duration EVERY = Duration.ofSeconds(2);
    static final WhiteboardRepair.Settings SETTINGS =
            new WhiteboardRepair.Settings(Duration.ofSeconds(10), 3, Duration.ofMinutes(1), Duration.ofMinutes(1));

    /** Owned by this component (not static): it goes with the component when the bundle stops. */
    private final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final WhiteboardRepair repair;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean checkScheduled = new AtomicBoolean();

    @Activate
    public WhiteboardRepairComponent(ComponentContext context,
                                     @Reference(name = "runtime") HttpServiceRuntime runtime) {
        this.repair = new WhiteboardRepair(runtime::getRuntimeDTO, name -> {
            // Both are asynchronous in Felix SCR; enable waits until the disable is done (in the component's order).
            context.disableComponent(name);
            context.enableComponent(name);
        }, this::pagesLost, Clock.systemUTC(), SETTINGS);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "postmottak-web-whiteboard-check");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The pages are public, so a request shows whether Jetty routes them to us: Pax Web's DTO has listed
     * {@code postmottak-sider} while Jetty answered 404 for {@code login.html} (its own error page) until the servlet
     * was registered anew. Only a 404 counts; no endpoint, no connection or any other answer tells nothing.
     */
    boolean pagesLost(String component, RuntimeDTO runtime) {
        if (!StaticPagesServlet.class.getName().equals(component)) {
            return false;
        }
        URI login = WhiteboardProbe.loginPage(runtime);
        if (login == null) {
            return false;
        }
        try {
            HttpResponse<Void> response = probe.send(HttpRequest.newBuilder(login).timeout(Duration.ofSeconds(3))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 404;
        } catch (IOException e) {
            LOG.debug("Could not request {}: {}", login, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Reference(service = Servlet.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = OURS)
    void addServlet(ServiceReference<Servlet> ref) {
        added(ref, HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME);
    }

    void removeServlet(ServiceReference<Servlet> ref) {
        repair.unregistered(serviceId(ref));
    }

    @Reference(service = Filter.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = OURS)
    void addFilter(ServiceReference<Filter> ref) {
        added(ref, HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_NAME);
    }

    void removeFilter(ServiceReference<Filter> ref) {
        repair.unregistered(serviceId(ref));
    }

    private void added(ServiceReference<?> ref, String nameProperty) {
        String component = String.valueOf(ref.getProperty(ComponentConstants.COMPONENT_NAME));
        Object name = ref.getProperty(nameProperty);
        repair.registered(serviceId(ref), component, name == null ? component : name.toString());
        scheduleCheck();
    }

    private static long serviceId(ServiceReference<?> ref) {
        return ((Number) ref.getProperty(Constants.SERVICE_ID)).longValue();
    }

    private void scheduleCheck() {
        if (checkScheduled.compareAndSet(false, true)) {
            try {
                executor.schedule(this::check, EVERY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("Deactivated: no more whiteboard checks");
            }
        }
    }

    private void check() {
        checkScheduled.set(false);
        boolean more;
        try {
            more = repair.check();
        } catch (RuntimeException e) {
            LOG.warn("Checking our whiteboard elements failed", e);
            more = repair.waiting();
        }
        if (more) {
            scheduleCheck();
        }
    }
}
