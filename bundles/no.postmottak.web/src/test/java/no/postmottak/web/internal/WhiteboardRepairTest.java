package no.postmottak.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.osgi.service.http.runtime.dto.DTOConstants;
import org.osgi.service.http.runtime.dto.FailedServletDTO;
import org.osgi.service.http.runtime.dto.FilterDTO;
import org.osgi.service.http.runtime.dto.RuntimeDTO;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.osgi.service.http.runtime.dto.ServletDTO;

class WhiteboardRepairTest {

    private static final String PAGES = "no.postmottak.web.internal.StaticPagesServlet";
    private static final String API = "no.postmottak.web.internal.ApiServlet";
    private static final String FILTER = "no.postmottak.web.internal.SecurityFilter";

    private final MutableClock clock = new MutableClock();
    /** What the HTTP runtime answers; null: it cannot be read. */
    private final AtomicReference<RuntimeDTO> runtime = new AtomicReference<>(runtime(List.of(), List.of()));
    private final List<String> restarted = new CopyOnWriteArrayList<>();
    /** What a request to the pages shows: whether Jetty answers 404 for them. */
    private final AtomicBoolean lostPages = new AtomicBoolean();
    private final WhiteboardRepair repair = new WhiteboardRepair(() -> {
        RuntimeDTO dto = runtime.get();
        if (dto == null) {
            throw new IllegalStateException("Pax Web is stopping");
        }
        return dto;
    }, restarted::add, (component, dto) -> lostPages.get() && component.equals(PAGES), clock,
            new WhiteboardRepair.Settings(Duration.ofSeconds(10), 3, Duration.ofMinutes(1),
                    Duration.ofMinutes(1)));

    @Test
    void elementsTheRuntimeServesAreForgottenAtTheFirstLook() {
        repair.registered(41, PAGES, "postmottak-sider");
        repair.registered(42, FILTER, FILTER);
        runtime.set(runtime(List.of(servlet(41)), List.of(filter(42))));

        assertThat(repair.check()).as("looked at for a minute").isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(repair.check()).as("nothing looked at any more").isFalse();
        assertThat(restarted).isEmpty();
    }

    @Test
    void anElementLostAfterAGoodLookIsRegisteredAgainWhenMissingForTheGrace() {
        repair.registered(41, PAGES, "postmottak-sider");
        runtime.set(runtime(List.of(servlet(41)), List.of()));
        assertThat(repair.check()).isTrue();

        clock.advance(Duration.ofSeconds(20));
        lostPages.set(true);
        assertThat(repair.check()).as("missing since now").isTrue();
        clock.advance(Duration.ofSeconds(5));
        lostPages.set(false);
        assertThat(repair.check()).as("back: a passing 404 is forgiven").isTrue();
        clock.advance(Duration.ofSeconds(5));
        lostPages.set(true);
        assertThat(repair.check()).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(repair.check()).isFalse();
        assertThat(restarted).containsExactly(PAGES);
    }

    @Test
    void anElementMissingForLongerThanTheGraceIsRegisteredAgain() {
        repair.registered(41, PAGES, "postmottak-sider");
        repair.registered(43, API, "postmottak-api");
        runtime.set(runtime(List.of(servlet(43)), List.of()));

        clock.advance(Duration.ofSeconds(9));
        assertThat(repair.check()).as("the pages wait, within the grace").isTrue();
        assertThat(restarted).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        repair.check();
        assertThat(restarted).containsExactly(PAGES);

        // The component registers its servlet anew, and Pax Web (its default context complete) serves it.
        repair.registered(44, PAGES, "postmottak-sider");
        runtime.set(runtime(List.of(servlet(43), servlet(44)), List.of()));
        clock.advance(Duration.ofMinutes(1));
        assertThat(repair.check()).isFalse();
        assertThat(restarted).containsExactly(PAGES);
    }

    /** Seen in ClusterIT: Pax Web's DTO listed postmottak-sider, and Jetty answered 404 for login.html. */
    @Test
    void anElementTheDtoListsButWhosePathAnswers404IsRegisteredAgain() {
        repair.registered(41, PAGES, "postmottak-sider");
        repair.registered(43, API, "postmottak-api");
        runtime.set(runtime(List.of(servlet(41), servlet(43)), List.of()));
        lostPages.set(true);

        assertThat(repair.check()).as("the pages wait, the API is served").isTrue();
        clock.advance(Duration.ofSeconds(10));
        repair.check();
        assertThat(restarted).containsExactly(PAGES);

        repair.registered(44, PAGES, "postmottak-sider");
        runtime.set(runtime(List.of(servlet(44), servlet(43)), List.of()));
        lostPages.set(false);
        clock.advance(Duration.ofMinutes(1));
        assertThat(repair.check()).isFalse();
        assertThat(restarted).containsExactly(PAGES);
    }

    @Test
    void aFailedElementIsRegisteredAgainToo() {
        repair.registered(42, FILTER, FILTER);
        RuntimeDTO dto = runtime(List.of(), List.of());
        FailedServletDTO failed = new FailedServletDTO();
        failed.serviceId = 42;
        failed.failureReason = DTOConstants.FAILURE_REASON_NO_SERVLET_CONTEXT_MATCHING;
        dto.failedServletDTOs = new FailedServletDTO[] {failed};
        runtime.set(dto);

        clock.advance(Duration.ofSeconds(10));
        repair.check();
        assertThat(restarted).containsExactly(FILTER);
    }

    @Test
    void aComponentIsRestartedAtMostThreeTimes() {
        for (long id = 1; id <= 5; id++) {
            repair.registered(id, PAGES, "postmottak-sider");
            clock.advance(Duration.ofSeconds(10));
            assertThat(repair.check()).isFalse();
        }
        assertThat(restarted).containsExactly(PAGES, PAGES, PAGES);

        repair.registered(6, API, "postmottak-api");
        clock.advance(Duration.ofSeconds(10));
        repair.check();
        assertThat(restarted).as("counted per component").containsExactly(PAGES, PAGES, PAGES, API);
    }

    @Test
    void whileTheRuntimeCannotBeReadNothingIsRestartedAndTheElementIsGivenUpAfterAMinute() {
        repair.registered(41, PAGES, "postmottak-sider");
        runtime.set(null);

        clock.advance(Duration.ofSeconds(30));
        assertThat(repair.check()).isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(repair.check()).as("given up").isFalse();
        assertThat(restarted).isEmpty();
    }

    @Test
    void anElementThatWentAwayIsNotWatched() {
        repair.registered(43, API, "postmottak-api");
        repair.unregistered(43);

        clock.advance(Duration.ofSeconds(10));
        assertThat(repair.check()).isFalse();
        assertThat(restarted).isEmpty();
    }

    /** In Karaf, restarting unregisters the service, and the component runtime tells us so on its own thread. */
    @Test
    void restartingDoesNotHoldTheLockTheUnregistrationNeeds() {
        AtomicReference<WhiteboardRepair> scr = new AtomicReference<>();
        List<Boolean> unregisteredInTime = new CopyOnWriteArrayList<>();
        scr.set(new WhiteboardRepair(runtime::get, name -> {
            Thread unregistration = new Thread(() -> scr.get().unregistered(name.equals(PAGES) ? 41 : 43));
            unregistration.start();
            try {
                // as ComponentContext.enableComponent waits for the disable to be done
                unregistration.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            unregisteredInTime.add(!unregistration.isAlive());
        }, (component, dto) -> false, clock,
                new WhiteboardRepair.Settings(Duration.ofSeconds(10), 3, Duration.ofMinutes(1),
                    Duration.ofMinutes(1))));
        scr.get().registered(41, PAGES, "postmottak-sider");
        scr.get().registered(43, API, "postmottak-api");

        clock.advance(Duration.ofSeconds(10));
        scr.get().check();

        assertThat(unregisteredInTime).containsExactly(true, true);
    }

    private static ServletDTO servlet(long serviceId) {
        ServletDTO dto = new ServletDTO();
        dto.serviceId = serviceId;
        return dto;
    }

    private static FilterDTO filter(long serviceId) {
        FilterDTO dto = new FilterDTO();
        dto.serviceId = serviceId;
        return dto;
    }

    /** A runtime with the default context holding the given servlets and filters (and the Health Check servlet). */
    private static RuntimeDTO runtime(List<ServletDTO> servlets, List<FilterDTO> filters) {
        ServletContextDTO httpService = new ServletContextDTO();
        httpService.name = "default";
        httpService.contextPath = "/";
        httpService.servletDTOs = new ServletDTO[] {servlet(7)};
        ServletContextDTO whiteboard = new ServletContextDTO();
        whiteboard.name = "default";
        whiteboard.contextPath = "/";
        whiteboard.servletDTOs = servlets.toArray(new ServletDTO[0]);
        whiteboard.filterDTOs = filters.toArray(new FilterDTO[0]);
        RuntimeDTO dto = new RuntimeDTO();
        dto.servletContextDTOs = new ServletContextDTO[] {httpService, whiteboard};
        return dto;
    }
}
