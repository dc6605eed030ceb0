package no.postmottak.eformidling.internal.component;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.Orgnr;
import no.postmottak.api.channel.ChannelAccount;
import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.api.inbox.FailedAttempts;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.ItemOutcomes;
import no.postmottak.api.inbox.Leases;
import no.postmottak.channel.support.ClusterNode;
import no.postmottak.channel.support.FailureCounts;
import no.postmottak.channel.support.ConfigNames;
import no.postmottak.eformidling.internal.AccountAlerts;
import no.postmottak.eformidling.internal.AccountStatus;
import no.postmottak.eformidling.internal.EformidlingAccount;
import no.postmottak.eformidling.internal.IpClient;
import no.postmottak.eformidling.internal.IpPoller;
import no.postmottak.eformidling.internal.ReceiptSender;
import no.postmottak.eformidling.internal.Receiving;

/**
 * One integrasjonspunkt per factory configuration. A changed configuration restarts it (DS deactivates and
 * activates it): the running poll finishes its current message first. Only wiring: {@link Receiving} builds the rest.
 */
@Component(service = {EformidlingAccount.class, ChannelAccount.class}, configurationPid = IntegrasjonspunktComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = IntegrasjonspunktConfig.class, factory = true)
public class IntegrasjonspunktComponent implements EformidlingAccount {

    public static final String PID = "no.postmottak.eformidling.integrasjonspunkt";
    private static final Logger LOG = LoggerFactory.getLogger(IntegrasjonspunktComponent.class);

    private final String name;
    private final String baseUrl;
    private final List<String> orgnrs;
    private final boolean authenticated;
    private final OtherChannels otherChannels;
    private final IpPoller poller;

    @Activate
    public IntegrasjonspunktComponent(IntegrasjonspunktConfig config, Map<String, Object> properties,
                                      @Reference Inbox inbox, @Reference ItemOutcomes outcomes,
                                      @Reference Leases leases, @Reference FailedAttempts failedAttempts,
                                      @Reference OtherChannels otherChannels) {
        this.name = ConfigNames.of(PID, properties);
        this.otherChannels = otherChannels;
        this.orgnrs = List.copyOf(Orgnr.parseList(config.orgnrs()));
        if (orgnrs.isEmpty()) {
            throw new IllegalArgumentException("Integrasjonspunkt " + name + " needs at least one org number");
        }
        URI uri = URI.create(config.base_url());
        this.baseUrl = uri.toString();
        this.authenticated = config.username() != null && !config.username().isBlank();
        Path spool = config.spool_folder() == null || config.spool_folder().isBlank()
                ? Path.of(System.getProperty("karaf.data", System.getProperty("java.io.tmpdir")), "postmottak",
                        "eformidling", name)
                : Path.of(config.spool_folder());
        IpClient client = new IpClient(uri, config.username(), config._password(),
                Duration.ofSeconds(config.connect_timeout_seconds()),
                Duration.ofSeconds(config.read_timeout_seconds()));
        Receiving receiving = new Receiving(name, orgnrs, list(config.service_identifiers()),
                list(config.processes()), spool, config.max_message_bytes(), config.max_unpacked_bytes(),
                config.failure_max_attempts(), config.lock_retries());
        String leaseName = "eformidling:" + config.username() + "@" + uri.getHost() + ":" + uri.getPort();
        this.poller = receiving.poller(client, inbox, outcomes,
                new ReceiptSender.Policy(config.receipt_on_archive(), config.receipt_on_delete(),
                        config.receipt_on_unreadable()), leases, leaseName, ClusterNode.id(),
                Duration.ofSeconds(Math.max(1, config.poll_interval_seconds())),
                Duration.ofSeconds(Math.max(4, config.lease_ttl_seconds())), Clock.systemUTC(),
                FailureCounts.in(failedAttempts, leaseName), Math.max(1, config.items_in_flight()));
        poller.start();
        LOG.info("[{}] Integrasjonspunkt {} started for org numbers {}, services {}, polling every {} s", name,
                baseUrl, orgnrs, Arrays.toString(config.service_identifiers()), config.poll_interval_seconds());
    }

    @Deactivate
    void deactivate() {
        poller.stop(Duration.ofSeconds(60));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AccountStatus accountStatus() {
        return new AccountStatus(name, baseUrl, orgnrs, authenticated, null, poller.status());
    }

    @Override
    public ChannelStatus status() {
        return poller.withMonitoring(AccountAlerts.channelStatus(accountStatus(), otherChannels.svarInnOrgnrs()));
    }

    @Override
    public boolean pollNow() {
        return poller.pollNow();
    }

    /** A list from configuration: a real array, or one line from a .cfg file separated by commas or spaces. */
    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.stream(values).flatMap(v -> Arrays.stream(v.split("[\\s,;\\[\\]\"]+")))
                .filter(v -> !v.isEmpty()).distinct().toList();
    }
}
