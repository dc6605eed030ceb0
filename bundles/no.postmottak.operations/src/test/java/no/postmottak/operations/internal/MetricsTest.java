package no.postmottak.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.MetricType;
import org.junit.jupiter.api.Test;

import no.postmottak.api.ItemState;
import no.postmottak.api.channel.ChannelStatus;

/** The metrics parse as the Prometheus text format with a library's parser, and move with what they measure. */
class MetricsTest {

    private final Fakes.MutableClock clock = new Fakes.MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final Watch watch = new Watch(new Conditions(new Conditions.Limits(Duration.ofHours(2),
            Duration.ofMinutes(30), Duration.ofDays(30)), clock));
    private final ArchiveLatencies latencies = new ArchiveLatencies();
    private final Metrics metrics = new Metrics(watch, latencies);
    private final Fakes.SmallInbox inbox = new Fakes.SmallInbox();
    private final Fakes.Account account = new Fakes.Account(status(3, 1, 0));

    @Test
    void countersMoveAsMailArrivesAndIsArchived() throws Exception {
        watch.addChannelAccount(account, Map.of("service.id", 1L));
        watch.set(inbox.inbox(), null, null);
        inbox.organisations.add(Fakes.SmallInbox.organisation(Fakes.ORGNR, true, null));
        inbox.counts.put(ItemState.RECEIVED, 2L);
        inbox.receive("f-1", clock.instant().minus(Duration.ofMinutes(5)));

        Map<String, MetricFamily> before = parse(metrics.scrape());
        assertThat(value(before, "postmottak_channel_received_total", "account", "kommune")).isEqualTo(3);
        assertThat(before.get("postmottak_channel_received_total").getType()).isEqualTo(MetricType.COUNTER);
        assertThat(value(before, "postmottak_items_open", "orgnr", Fakes.ORGNR)).isEqualTo(2);
        assertThat(value(before, "postmottak_items_oldest_untouched_age_seconds", null, null)).isEqualTo(300);
        assertThat(value(before, "postmottak_channel_backlog_items", "account", "kommune")).isEqualTo(4);
        assertThat(value(before, "postmottak_health_status", "check", "channels")).isZero();

        account.status = status(5, 1, 2);
        inbox.counts.put(ItemState.ARCHIVED, 1L);
        latencies.archiveCalled(Fakes.ORGNR, "fjordvik-arkiv", "websak", Duration.ofMillis(300), true);
        latencies.archiveCalled(Fakes.ORGNR, "fjordvik-arkiv", "websak", Duration.ofSeconds(4), true);
        Map<String, MetricFamily> after = parse(metrics.scrape());

        assertThat(value(after, "postmottak_channel_received_total", "account", "kommune")).isEqualTo(5);
        assertThat(value(after, "postmottak_channel_acknowledged_total", "account", "kommune")).isEqualTo(5);
        assertThat(value(after, "postmottak_channel_permanently_failed_total", "account", "kommune")).isEqualTo(2);
        assertThat(value(after, "postmottak_items_archived_total", "orgnr", Fakes.ORGNR)).isEqualTo(1);
        Histogram archive = (Histogram) after.get("postmottak_archive_call_duration_seconds").getMetrics().get(0);
        assertThat(archive.getLabels()).containsEntry("target", "fjordvik-arkiv").containsEntry("outcome", "ok");
        assertThat(archive.getSampleCount()).isEqualTo(2);
        assertThat(archive.getSampleSum()).isEqualTo(4.3, org.assertj.core.data.Offset.offset(0.001));
        assertThat(archive.getBuckets()).filteredOn(b -> b.getUpperBound() == 0.5).singleElement()
                .satisfies(b -> assertThat(b.getCumulativeCount()).isEqualTo(1));
    }

    @Test
    void labelValuesAreEscaped() throws Exception {
        account.status = new ChannelStatus("SvarInn", "konto \"med\" \\tegn\\", List.of(), ChannelStatus.State.ACTIVE,
                null, null, 1, 0, List.of());
        watch.addChannelAccount(account, Map.of("service.id", 1L));

        Map<String, MetricFamily> families = parse(metrics.scrape());

        assertThat(value(families, "postmottak_channel_received_total", "account", "konto \"med\" \\tegn\\"))
                .isEqualTo(1);
    }

    @Test
    void onlyAUserWithAMetricsRoleGetsIn() {
        BasicAuth auth = new BasicAuth("test", Set.of("postmottak-metrics"), Set.of(Role.class.getName()),
                new TestRealm());

        assertThat(auth.check(null)).isEqualTo(BasicAuth.Outcome.UNAUTHENTICATED);
        assertThat(auth.check("Bearer x")).isEqualTo(BasicAuth.Outcome.UNAUTHENTICATED);
        assertThat(auth.check(basic("prometheus", "feil"))).isEqualTo(BasicAuth.Outcome.UNAUTHENTICATED);
        assertThat(auth.check(basic("kari", "kari"))).isEqualTo(BasicAuth.Outcome.FORBIDDEN);
        assertThat(auth.check(basic("prometheus", "skrape"))).isEqualTo(BasicAuth.Outcome.ALLOWED);
    }

    private ChannelStatus status(long received, long failed, long permanentlyFailed) {
        return new ChannelStatus("SvarInn", "kommune", List.of(Fakes.ORGNR), ChannelStatus.State.ACTIVE, null, null,
                received, failed, List.of()).withMonitoring(Duration.ofMinutes(15), clock.instant(),
                new ChannelStatus.Backlog(4, clock.instant().minus(Duration.ofHours(1)), clock.instant()),
                new ChannelStatus.Counters(received, permanentlyFailed, 1024 * received, 2, Duration.ofMillis(1500)));
    }

    /** Every family by name, read by the hawkular Prometheus text parser. */
    static Map<String, MetricFamily> parse(String text) throws IOException {
        TextPrometheusMetricDataParser parser = new TextPrometheusMetricDataParser(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        Map<String, MetricFamily> families = new HashMap<>();
        for (MetricFamily f = parser.parse(); f != null; f = parser.parse()) {
            assertThat(families.put(f.getName(), f)).as("family %s once", f.getName()).isNull();
        }
        return families;
    }

    private static double value(Map<String, MetricFamily> families, String name, String label, String labelValue) {
        MetricFamily family = families.get(name);
        assertThat(family).as(name).isNotNull();
        List<Double> values = new ArrayList<>();
        family.getMetrics().stream().filter(m -> label == null || labelValue.equals(m.getLabels().get(label)))
                .forEach(m -> values.add(m instanceof Counter c ? c.getValue() : ((Gauge) m).getValue()));
        assertThat(values).as(name).hasSize(1);
        return values.get(0);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A role principal, recognised by class name as Karaf's RolePrincipal is. */
    public record Role(String getName) implements Principal {
    }

    /** Users prometheus/skrape (role postmottak-metrics) and kari/kari (a clerk). */
    public static final class TestLogin implements LoginModule {
        private static final Map<String, String[]> USERS = Map.of("prometheus", new String[] {"skrape",
                "postmottak-metrics"}, "kari", new String[] {"kari", "postmottak-org-921123450"});
        private Subject subject;
        private CallbackHandler handler;
        private String role;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> shared, Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] {name, password});
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            String[] user = USERS.get(name.getName());
            if (user == null || !user[0].equals(new String(password.getPassword()))) {
                throw new FailedLoginException();
            }
            role = user[1];
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().add(new Role(role));
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            return true;
        }
    }

    private static final class TestRealm extends Configuration {
        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return new AppConfigurationEntry[] {new AppConfigurationEntry(TestLogin.class.getName(),
                    AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of())};
        }
    }
}
