package no.postmottak.operations.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.channel.ChannelAccount;
import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.keystore.KeyInfo;
import no.postmottak.api.keystore.KeyStoreService;
import no.postmottak.operations.internal.Finding.Area;
import no.postmottak.operations.internal.Finding.Level;

/**
 * What the operations bundle watches: every channel account, the inbox, the key store and the inbox's database, all
 * optional and dynamic (a check must report a missing service, not vanish with it). Health checks, alerts and
 * metrics read through this one service, so they always agree.
 */
@Component(service = Watch.class, configurationPid = ChecksConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ChecksConfig.class)
public class Watch {

    private static final Logger LOG = LoggerFactory.getLogger(Watch.class);

    private final Conditions conditions;
    private final Map<Long, ChannelAccount> accounts = new ConcurrentSkipListMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Inbox inbox;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile KeyStoreService keyStore;

    @Reference(name = "dataSource", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(dataSourceName=postmottak)")
    private volatile DataSource dataSource;

    @Activate
    public Watch(ChecksConfig config) {
        this(new Conditions(limits(config), Clock.systemUTC()));
    }

    /** A changed configuration applies without a restart, so checks, alerts and metrics stay up and keep state. */
    @Modified
    void modified(ChecksConfig config) {
        conditions.limits(limits(config));
    }

    private static Conditions.Limits limits(ChecksConfig config) {
        return new Conditions.Limits(Duration.ofMinutes(config.untouched_limit_minutes()),
                Duration.ofSeconds(config.channel_max_silence_seconds()),
                Duration.ofDays(config.certificate_warning_days()));
    }

    /** For tests: given rules and services. */
    Watch(Conditions conditions) {
        this.conditions = conditions;
    }

    void set(Inbox inbox, KeyStoreService keyStore, DataSource dataSource) {
        this.inbox = inbox;
        this.keyStore = keyStore;
        this.dataSource = dataSource;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannelAccount(ChannelAccount account, Map<String, Object> properties) {
        accounts.put((Long) properties.get("service.id"), account);
    }

    void removeChannelAccount(ChannelAccount account, Map<String, Object> properties) {
        accounts.remove((Long) properties.get("service.id"), account);
    }

    /** Every channel account's status, by channel and account; one that throws is logged and left out. */
    List<ChannelStatus> statuses() {
        List<ChannelStatus> list = new ArrayList<>();
        accounts.forEach((id, account) -> {
            try {
                list.add(account.status());
            } catch (RuntimeException e) {
                LOG.warn("Channel account {} ({}) did not give its status", id, account.getClass().getName(), e);
            }
        });
        list.sort(Comparator.comparing(ChannelStatus::channel).thenComparing(ChannelStatus::account));
        return list;
    }

    /** The inbox, or null while it is not running. */
    Inbox inbox() {
        return inbox;
    }

    List<KeyInfo> keys() {
        KeyStoreService ks = keyStore;
        return ks == null ? List.of() : ks.keys();
    }

    Conditions conditions() {
        return conditions;
    }

    /** What one check finds now. */
    List<Finding> findings(Area area) {
        try {
            return switch (area) {
                case DATABASE -> DatabaseProbe.check(dataSource, inbox != null);
                case CHANNELS -> conditions.channels(statuses());
                case KEYS -> keyStore == null ? notRunning(area, "Nøkkellageret") : conditions.keys(statuses(), keys());
                case CERTIFICATES -> keyStore == null ? notRunning(area, "Nøkkellageret")
                        : conditions.certificates(keys());
                case UNTOUCHED -> inbox == null ? notRunning(area, "Innboksen") : conditions.untouched(inbox);
                case ARCHIVE_TARGETS -> inbox == null ? notRunning(area, "Innboksen")
                        : Conditions.archiveTargets(inbox.organisations());
            };
        } catch (InboxException | RuntimeException e) {
            LOG.warn("Health check {} failed", area, e);
            String text = area.checkName + " kunne ikke sjekkes: " + e.getMessage();
            return List.of(new Finding(area, Level.CRITICAL, area.name().toLowerCase(java.util.Locale.ROOT), null,
                    text, text, "Se loggen (no.postmottak.operations)."));
        }
    }

    /** Every check's findings, in check order. */
    List<Finding> all() {
        List<Finding> all = new ArrayList<>();
        for (Area area : Area.values()) {
            all.addAll(findings(area));
        }
        return all;
    }

    private static List<Finding> notRunning(Area area, String what) {
        String text = what + " kjører ikke";
        return List.of(new Finding(area, Level.CRITICAL, area.name().toLowerCase(java.util.Locale.ROOT), null, text,
                text, "Se bundle:list og loggen; tjenesten starter når bundelen og konfigurasjonen er i orden."));
    }
}
