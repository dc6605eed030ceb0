package no.postmottak.svarinn.internal.component;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import no.postmottak.api.inbox.Leases;
import no.postmottak.api.keystore.KeyStoreService;
import no.postmottak.channel.support.ClusterNode;
import no.postmottak.channel.support.ConfigNames;
import no.postmottak.channel.support.FailureCounts;
import no.postmottak.svarinn.internal.AccountAlerts;
import no.postmottak.svarinn.internal.AccountPoller;
import no.postmottak.svarinn.internal.AccountStatus;
import no.postmottak.svarinn.internal.FailurePolicy;
import no.postmottak.svarinn.internal.ForsendelseMapper;
import no.postmottak.svarinn.internal.ForsendelseReceiver;
import no.postmottak.svarinn.internal.OrgnrClaims;
import no.postmottak.svarinn.internal.PayloadReader;
import no.postmottak.svarinn.internal.SvarInnAccount;
import no.postmottak.svarinn.internal.SvarInnApi;
import no.postmottak.svarinn.internal.SvarInnApis;
import no.postmottak.svarinn.internal.SvarInnHttp;

/**
 * One SvarInn account per factory configuration. A changed configuration restarts the account (DS deactivates and
 * activates it): the running poll finishes its current forsendelse first. That is also how an account moves from
 * {@code api.version = v1} to {@code v2}: the lease stays the same (username and host), and what V1 already stored
 * is recognised by its forsendelse id and only acknowledged again.
 */
@Component(service = {SvarInnAccount.class, ChannelAccount.class}, configurationPid = SvarInnAccountComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SvarInnAccountConfig.class, factory = true)
public class SvarInnAccountComponent implements SvarInnAccount {

    public static final String PID = "no.postmottak.svarinn.account";
    private static final Logger LOG = LoggerFactory.getLogger(SvarInnAccountComponent.class);

    private final String name;
    private final Set<String> orgnrs;
    private final KeyStoreService keyStore;
    private final Clock clock = Clock.systemUTC();
    private final OrgnrClaims claims;
    private final AccountPoller poller;
    private final String refusal;
    private final String apiVersion;

    @Activate
    public SvarInnAccountComponent(SvarInnAccountConfig config, Map<String, Object> properties,
                                   @Reference KeyStoreService keyStore, @Reference Inbox inbox,
                                   @Reference Leases leases, @Reference FailedAttempts failedAttempts,
                                   @Reference OrgnrClaimsComponent claimsComponent) {
        this.name = ConfigNames.of(PID, properties);
        this.claims = claimsComponent.claims();
        this.keyStore = keyStore;
        this.orgnrs = Orgnr.parseList(config.orgnrs());
        if (config.username() == null || config.username().isBlank() || config._password() == null) {
            throw new IllegalArgumentException("SvarInn account " + name + " needs username and password");
        }
        URI baseUrl = URI.create(config.base_url());
        SvarInnApi client = SvarInnApis.of(config.api_version(), new SvarInnHttp(baseUrl, config.username(),
                config._password(), Duration.ofSeconds(config.connect_timeout_seconds()),
                Duration.ofSeconds(config.read_timeout_seconds())));
        this.apiVersion = client.version();
        Optional<String> refused = claims.claim(name, orgnrs);
        this.refusal = refused.orElse(null);
        if (refused.isPresent()) {
            LOG.error("[{}] {}", name, refusal);
            this.poller = null;
            return;
        }
        String leaseName = "svarinn:" + config.username() + "@" + baseUrl.getHost();
        ForsendelseReceiver receiver = new ForsendelseReceiver(name, client, keyStore, inbox,
                new ForsendelseMapper(name, orgnrs),
                new PayloadReader.Limits(config.max_unpacked_bytes(), PayloadReader.Limits.DEFAULT.maxEntries(),
                        PayloadReader.Limits.DEFAULT.maxRatio()),
                !"warn".equalsIgnoreCase(config.hash_verification()),
                new FailurePolicy(config.failure_permanent_after_attempts(), config.failure_report_temporary()),
                Set.of(config.refused_forsendelse_types()), FailureCounts.in(failedAttempts, leaseName));
        this.poller = new AccountPoller(name, leaseName, ClusterNode.id(), client, receiver, leases,
                Duration.ofSeconds(Math.max(1, config.poll_interval_seconds())),
                Duration.ofSeconds(Math.max(4, config.lease_ttl_seconds())), clock,
                Math.max(1, config.items_in_flight()));
        poller.start();
        LOG.info("[{}] SvarInn {} account started for org numbers {} against {}, polling every {} s", name,
                client.version(), orgnrs, baseUrl, config.poll_interval_seconds());
    }

    @Deactivate
    void deactivate() {
        if (poller != null) {
            poller.stop(Duration.ofSeconds(60));
            claims.release(name);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String apiVersion() {
        return apiVersion;
    }

    @Override
    public AccountStatus accountStatus() {
        if (poller == null) {
            return new AccountStatus(name, AccountStatus.State.REFUSED, refusal, null, refusal, null, null, null, 0, 0,
                    List.of());
        }
        return poller.status();
    }

    @Override
    public ChannelStatus status() {
        ChannelStatus status = AccountAlerts.channelStatus(accountStatus(), orgnrs, keyStore.keys(), clock.instant());
        return poller == null ? status : poller.withMonitoring(status);
    }

    @Override
    public boolean pollNow() {
        return poller != null && poller.pollNow();
    }

    @Override
    public void retry(String forsendelseId) {
        if (poller != null) {
            poller.retry(forsendelseId);
        }
    }
}
