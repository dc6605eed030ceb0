package no.postmottak.operations.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.inbox.Leases;
import no.postmottak.channel.support.ClusterNode;

/** DS shell: runs the {@link AlertMonitor} every {@code check.interval.seconds} on its own thread. */
@Component(service = AlertsComponent.class, configurationPid = AlertsConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = AlertsConfig.class)
public class AlertsComponent {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsComponent.class);

    private final ScheduledExecutorService executor;

    /** The lease whose holder mails the conditions all nodes see alike. */
    static final String LEASE = "postmottak-alerts";

    @Activate
    public AlertsComponent(@Reference Watch watch, AlertsConfig config,
                           @Reference(cardinality = ReferenceCardinality.OPTIONAL,
                                   policyOption = ReferencePolicyOption.GREEDY) Leases leases) {
        AlertMonitor.Settings settings = new AlertMonitor.Settings(clean(config.recipients()),
                accountRecipients(config.account_recipients()), Duration.ofMinutes(config.delay_minutes()),
                config.installation().isBlank() ? System.getProperty("karaf.name", "") : config.installation());
        boolean mail = !config.smtp_host().isBlank() && !config.smtp_from().isBlank();
        if (!mail && !settings.recipients().isEmpty()) {
            LOG.warn("Alert recipients are configured in {} but smtp.host or smtp.from is not: alerts are only logged",
                    AlertsConfig.PID);
        }
        Mailer mailer = mail ? new SmtpMailer(new SmtpMailer.Smtp(config.smtp_host(), config.smtp_port(),
                config.smtp_username(), config._smtp_password(), config.smtp_tls(), config.smtp_from()))
                : (to, subject, body) -> { };
        AlertMonitor monitor = new AlertMonitor(watch::all, watch::statuses, mailer,
                mail ? settings : new AlertMonitor.Settings(List.of(), Map.of(), settings.delay(),
                        settings.installation()), Clock.systemUTC());
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "postmottak-alerts");
            t.setDaemon(true);
            return t;
        });
        int interval = Math.max(1, config.check_interval_seconds());
        AlertLease lease = new AlertLease(leases, LEASE, ClusterNode.id(), Duration.ofSeconds(3L * interval));
        executor.scheduleWithFixedDelay(() -> {
            try {
                monitor.evaluate(lease.mailsShared());
            } catch (RuntimeException e) {
                LOG.warn("Alert round failed; trying again in {} s", interval, e);
            }
        }, interval, interval, TimeUnit.SECONDS);
        LOG.info("Alerts every {} s to {} recipient(s){}", interval, settings.recipients().size(),
                mail ? "" : " (no SMTP: log only)");
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    private static List<String> clean(String[] values) {
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split("[,;\\s]+"))).map(String::strip)
                .filter(v -> !v.isEmpty()).toList();
    }

    /** {@code kommune=a@x.no b@x.no} per line. */
    static Map<String, List<String>> accountRecipients(String[] lines) {
        Map<String, List<String>> map = new HashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                map.put(line.substring(0, eq).strip(), clean(new String[] {line.substring(eq + 1)}));
            } else if (!line.isBlank()) {
                LOG.warn("Ignoring account.recipients line without '=' in {}", AlertsConfig.PID);
            }
        }
        return map;
    }
}
