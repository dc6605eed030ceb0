package no.postmottak.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.osgi.service.http.runtime.dto.BaseServletDTO;
import org.osgi.service.http.runtime.dto.FailedFilterDTO;
import org.osgi.service.http.runtime.dto.FailedServletDTO;
import org.osgi.service.http.runtime.dto.FilterDTO;
import org.osgi.service.http.runtime.dto.ResourceDTO;
import org.osgi.service.http.runtime.dto.RuntimeDTO;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the HTTP Whiteboard really serves each of this bundle's servlets and filters, and registers one again
 * when it does not.
 *
 * <p>Pax Web 8.0.34 can lose a whiteboard element that arrives while it is still setting up its {@code default}
 * context (read from the bytecode of pax-web-extender-whiteboard 8.0.34):
 * {@code WhiteboardExtenderContext.resolveContexts} leaves the default context out while its flag
 * {@code defaultContextRegistered} is false; {@code webContainerAdded} sets the flag once the default context is
 * registered and then re-matches the elements it holds ({@code reRegisterWebElements}). But
 * {@code AbstractElementTracker.addingService} resolves an element's contexts and stores the element
 * ({@code addWebElement}) under two separate holds of the extender's lock. An element resolved before the flag is
 * set and stored after that re-matching keeps no context ("No matching target context(s) for Whiteboard element",
 * logged by {@code BundleWhiteboardApplication.addWebElement}) and is matched again only when a whiteboard context
 * is added or removed, which a plain start never does. The service stays registered, so nothing on our side
 * notices; the path answers 404. No service is registered after the flag is set, so no DS reference can order our
 * services after it; hence this repair.
 *
 * <p>The evidence is the standard {@code HttpServiceRuntime} DTO: in Pax Web 8 ({@code ServerModel.getRuntimeDTO})
 * an element registered in the server model is listed, by its {@code service.id}, under the
 * {@code ServletContextDTO} of its context, and a lost element is listed nowhere. For elements it can reach, a
 * {@link Probe} adds a look from outside (ClusterIT once showed the pages listed in the DTO while Jetty answered
 * 404 for them). An element missing without a break for the grace ({@link Settings}) is restarted
 * ({@link Components#restart}), which unregisters and registers its service: Pax Web tracks it afresh and, its
 * default context now complete, registers it.
 *
 * <p>Bounded: an element is looked at for {@code watch} after it appeared (in Karaf a minute, every 2 s) or until
 * it is restarted; a component is restarted at most {@code maxRestarts} times; an element that cannot be checked at
 * all (no readable DTO) is given up after {@code giveUp}. Thread-safe; {@link Components#restart} is called without
 * holding the lock, because restarting unregisters the service and so calls {@link #unregistered} from the thread
 * of the component runtime.
 */
final class WhiteboardRepair {

    private static final Logger LOG = LoggerFactory.getLogger(WhiteboardRepair.class);

    /** Restarts a component of this bundle by name (in Karaf: {@code ComponentContext} disable, then enable). */
    @FunctionalInterface
    interface Components {
        void restart(String componentName);
    }

    /**
     * A look from outside, for elements the DTO cannot vouch for: whether a request to the element's path shows that
     * Jetty does not route it there (in Karaf: {@code GET /postmottak/login.html} answering 404). Only a definite
     * answer counts; an element it cannot tell about is not lost.
     */
    @FunctionalInterface
    interface Probe {
        boolean lost(String componentName, RuntimeDTO runtime);
    }

    /**
     * @param grace       how long an element may be missing from the runtime DTO before it is restarted
     * @param maxRestarts how many times one component is restarted at most
     * @param giveUp      how long an element is kept waiting while the runtime DTO cannot be read
     * @param watch       how long an element is looked at after it appeared, even when served (it may be lost later)
     */
    record Settings(Duration grace, int maxRestarts, Duration giveUp, Duration watch) {
    }

    private static final class Element {
        final long serviceId;
        final String component;
        final String name;
        final Instant since;
        /** Since when it has been missing without a break; null while served. */
        Instant missingSince;
        boolean reported;

        Element(long serviceId, String component, String name, Instant since) {
            this.serviceId = serviceId;
            this.component = component;
            this.name = name;
            this.since = since;
            this.missingSince = since;
        }
    }

    private final Supplier<RuntimeDTO> runtime;
    private final Components components;
    private final Probe probe;
    private final Clock clock;
    private final Settings settings;

    /** Elements being looked at (not yet seen served, or seen less than {@code watch} ago), by service id. */
    private final Map<Long, Element> waiting = new LinkedHashMap<>();
    private final Map<String, Integer> restarts = new HashMap<>();

    WhiteboardRepair(Supplier<RuntimeDTO> runtime, Components components, Probe probe, Clock clock,
                     Settings settings) {
        this.runtime = runtime;
        this.components = components;
        this.probe = probe;
        this.clock = clock;
        this.settings = settings;
    }

    /** A whiteboard service of ours appeared: it is watched from now on. */
    synchronized void registered(long serviceId, String component, String name) {
        waiting.put(serviceId, new Element(serviceId, component, name, clock.instant()));
    }

    /** The service went away (deactivated, or restarted by us): nothing to watch any more. */
    synchronized void unregistered(long serviceId) {
        waiting.remove(serviceId);
    }

    private synchronized List<Element> snapshot() {
        return List.copyOf(waiting.values());
    }

    /** Whether some element waits to be seen served (and so another {@link #check} is due). */
    synchronized boolean waiting() {
        return !waiting.isEmpty();
    }

    /**
     * One look at the runtime DTO: forgets the elements it lists, restarts the components of those missing for
     * longer than the grace.
     *
     * @return whether another look is due (some element still waits)
     */
    boolean check() {
        if (!waiting()) {
            return false;
        }
        // Read outside the lock: Pax Web builds the DTO on its configuration thread.
        Seen seen;
        RuntimeDTO dto = null;
        try {
            dto = runtime.get();
            seen = Seen.of(dto);
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the HTTP runtime to check our whiteboard elements: {}", e.toString());
            seen = null;
        }
        Set<String> lost = new HashSet<>();
        if (seen != null) {
            for (Element e : snapshot()) {
                if (seen.served().contains(e.serviceId) && probe.lost(e.component, dto)) {
                    lost.add(e.component);
                }
            }
        }
        List<Element> restart = new ArrayList<>();
        boolean more;
        synchronized (this) {
            Instant now = clock.instant();
            List<String> served = new ArrayList<>();
            for (var it = waiting.values().iterator(); it.hasNext(); ) {
                Element e = it.next();
                Duration age = Duration.between(e.since, now);
                if (seen == null) {
                    if (age.compareTo(settings.giveUp()) >= 0) {
                        it.remove();
                        LOG.warn("Could not check for {} s whether the HTTP runtime serves {} ({}); no longer checking",
                                age.toSeconds(), e.name, e.component);
                    }
                } else if (seen.served().contains(e.serviceId) && !lost.contains(e.component)) {
                    e.missingSince = null;
                    if (!e.reported) {
                        e.reported = true;
                        served.add(e.name);
                    }
                    if (age.compareTo(settings.watch()) >= 0) {
                        it.remove();
                    }
                } else {
                    if (e.missingSince == null) {
                        e.missingSince = now;
                    }
                    if (Duration.between(e.missingSince, now).compareTo(settings.grace()) >= 0) {
                        it.remove();
                        int done = restarts.getOrDefault(e.component, 0);
                        String why = seen.failure(e.serviceId, lost.contains(e.component));
                        if (done < settings.maxRestarts()) {
                            restarts.put(e.component, done + 1);
                            restart.add(e);
                            LOG.warn("The HTTP runtime does not serve {} ({}, service.id {}) {} s after its"
                                            + " registration{}; registering it again (attempt {} of {})", e.name,
                                    e.component, e.serviceId, age.toSeconds(), why, done + 1, settings.maxRestarts());
                        } else {
                            LOG.error("The HTTP runtime still does not serve {} ({}, service.id {}) after {} new"
                                            + " registrations{}; giving up: its paths answer 404 until the bundle is"
                                            + " restarted", e.name, e.component, e.serviceId, done, why);
                        }
                    }
                }
            }
            if (!served.isEmpty()) {
                LOG.info("The HTTP runtime serves {}", String.join(", ", served));
            }
            more = !waiting.isEmpty();
        }
        for (Element e : restart) {
            components.restart(e.component);
        }
        return more;
    }

    /** What a runtime DTO says about services: which are served in some context, which failed and why. */
    private record Seen(Set<Long> served, Map<Long, Integer> failed) {

        static Seen of(RuntimeDTO dto) {
            if (dto == null) {
                throw new IllegalStateException("no runtime DTO");
            }
            Set<Long> served = new HashSet<>();
            Map<Long, Integer> failed = new HashMap<>();
            for (ServletContextDTO context : orEmpty(dto.servletContextDTOs)) {
                for (BaseServletDTO servlet : orEmpty(context.servletDTOs)) {
                    served.add(servlet.serviceId);
                }
                for (ResourceDTO resource : orEmpty(context.resourceDTOs)) {
                    served.add(resource.serviceId);
                }
                for (FilterDTO filter : orEmpty(context.filterDTOs)) {
                    served.add(filter.serviceId);
                }
            }
            for (FailedServletDTO servlet : orEmpty(dto.failedServletDTOs)) {
                failed.put(servlet.serviceId, servlet.failureReason);
            }
            for (FailedFilterDTO filter : orEmpty(dto.failedFilterDTOs)) {
                failed.put(filter.serviceId, filter.failureReason);
            }
            return new Seen(served, failed);
        }

        String failure(long serviceId, boolean lost) {
            if (lost) {
                return " (listed in the runtime DTO, but a request to its path answers 404)";
            }
            Integer reason = failed.get(serviceId);
            return reason == null ? " (not in the runtime DTO at all)"
                    : " (failed in the runtime DTO with failure reason " + reason + ")";
        }

        private static <T> List<T> orEmpty(T[] array) {
            return array == null ? List.of() : Arrays.asList(array);
        }
    }
}
