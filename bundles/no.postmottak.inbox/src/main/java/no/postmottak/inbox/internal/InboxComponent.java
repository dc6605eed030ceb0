package no.postmottak.inbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.Channel;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.ItemState;
import no.postmottak.api.archive.ArchiveProvider;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.inbox.AcceptResult;
import no.postmottak.api.inbox.ArchiveCallListener;
import no.postmottak.api.inbox.ArchiveTargetView;
import no.postmottak.api.inbox.AuditEntry;
import no.postmottak.api.inbox.ForwardRequest;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.api.inbox.IncomingDocuments;
import no.postmottak.api.inbox.FailedAttempts;
import no.postmottak.api.inbox.ItemOutcomes;
import no.postmottak.api.inbox.WebSessions;
import no.postmottak.api.inbox.Leases;
import no.postmottak.api.inbox.OrganisationView;
import no.postmottak.api.inbox.Page;

/**
 * The inbox and leases as OSGi services on the DataSource that configuration selects ({@code dataSource.target},
 * default {@code (dataSourceName=postmottak)}, as pax-jdbc-config registers it). Activation migrates the schema;
 * if that fails the component does not activate. Everything else is delegated to {@link JdbcInbox}.
 */
@Component(service = {Inbox.class, Leases.class, ItemOutcomes.class, FailedAttempts.class, WebSessions.class},
        configurationPid = InboxComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = InboxComponent.Config.class)
public class InboxComponent implements Inbox, Leases, ItemOutcomes, FailedAttempts, WebSessions {

    static final String PID = "no.postmottak.inbox";

    @ObjectClassDefinition(name = "Postmottak innboks", description = "Databasen postmottaket lagrer i")
    @interface Config {
        @AttributeDefinition(name = "DataSource-filter",
                description = "Hvilken javax.sql.DataSource-tjeneste som brukes (pax-jdbc-config: dataSourceName)")
        String dataSource_target() default "(dataSourceName=postmottak)";

        @AttributeDefinition(name = "Arkiveringskrav (sekunder)", description = "Noden som arkiverer et element,"
                + " fornyer kravet sitt på det mens arkivet svarer. Stopper noden, overtar en annen node arkiveringen"
                + " etter så lang tid (pluss inntil halvparten) og fortsetter der den første slapp")
        long archiving_claim_seconds() default 60;

        @AttributeDefinition(name = "Innholdslager (mappe)", description = "Mappe der dokumentenes innhold lagres"
                + " som filer, én mappe per dag. Tom: alt innhold lagres i databasen. I en klynge må alle noder bruke"
                + " den samme delte mappen (en node med en annen mappe starter ikke), og sikkerhetskopien må ta med"
                + " både databasen og mappen")
        String content_store_path() default "";

        @AttributeDefinition(name = "Grense for innholdslageret (MiB)", description = "Så mye av et dokument lagres"
                + " i databasen før resten går til innholdslageret (hvis det er konfigurert). 0: hele dokumentet"
                + " lagres i innholdslageret")
        long content_store_threshold_mib() default ContentFiles.DEFAULT_THRESHOLD_MIB;

        @AttributeDefinition(name = "Skriv innholdet direkte til disk", description = "Nye filer i innholdslageret"
                + " skrives forbi operativsystemets hurtigbuffer (O_DIRECT) der filsystemet tillater det, så de ikke"
                + " fortrenger databasens sider fra minnet. Filsystemer som ikke tillater det, skrives til som vanlig."
                + " Slå av bare hvis filsystemet oppfører seg galt med direkte skriving")
        boolean content_store_direct_io() default true;
    }

    private static final Logger LOG = LoggerFactory.getLogger(InboxComponent.class);

    private final ArchiveProviders providers = new ArchiveProviders();
    private final List<OrganisationComponent> organisations = new CopyOnWriteArrayList<>();
    private final JdbcInbox inbox;
    private final JdbcLeases leases;
    private final JdbcItemOutcomes outcomes;
    private final JdbcFailedAttempts attempts;
    private final JdbcWebSessions sessions;

    private final ScheduledExecutorService purger;

    @Activate
    public InboxComponent(@Reference(name = "dataSource", target = "(dataSourceName=postmottak)") DataSource dataSource,
                          Config config) throws InboxException {
        Duration claim = Duration.ofSeconds(Math.max(5, config.archiving_claim_seconds()));
        inbox = new JdbcInbox(dataSource, new Organisations() {
            @Override
            public Optional<Organisation> find(String orgnr) {
                return settings(orgnr);
            }

            @Override
            public List<Organisation> all() {
                return organisations.stream().map(OrganisationComponent::settings).toList();
            }
        }, providers, Clock.systemUTC(), nodeId(), claim, contentFiles(config));
        leases = inbox.leases();
        outcomes = inbox.outcomes();
        attempts = inbox.failedAttempts();
        sessions = inbox.webSessions();
        purger = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "postmottak-inbox-purge"));
        purger.scheduleWithFixedDelay(this::purge, 5, 60, TimeUnit.MINUTES);
        long check = Math.max(1, claim.toSeconds() / 2);
        purger.scheduleWithFixedDelay(this::resumeAbandonedArchiving, check, check, TimeUnit.SECONDS);
    }

    /** The content store the configuration names, or null: all content in the database. */
    static ContentFiles contentFiles(Config config) {
        String path = config.content_store_path() == null ? "" : config.content_store_path().trim();
        return path.isEmpty() ? null
                : new ContentFiles(java.nio.file.Path.of(path),
                        ContentFiles.thresholdBytes(config.content_store_threshold_mib()),
                        config.content_store_direct_io());
    }

    @Deactivate
    void deactivate() {
        purger.shutdownNow();
        inbox.close();
    }

    /**
     * This node's name as the owner of archiving claims: Karaf's name, the host and the process (the channels' lease
     * holder has the same form, from channel.support's ClusterNode, which this bundle does not depend on).
     */
    static String nodeId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return System.getProperty("karaf.name", "postmottak") + "@" + host + "/" + ProcessHandle.current().pid();
    }

    /** Every half claim: finish what a node that stopped was archiving. */
    private void resumeAbandonedArchiving() {
        try {
            int n = inbox.resumeAbandonedArchiving();
            if (n > 0) {
                LOG.warn("Took over the archiving of {} items from a node that stopped", n);
            }
        } catch (InboxException | RuntimeException e) {
            LOG.warn("Checking for archiving left by stopped nodes failed; trying again: {}", e.getMessage());
        }
    }

    /** Hourly housekeeping: purge expired deleted content, release items whose archiving was cut off. */
    private void purge() {
        try {
            int stuck = inbox.recoverInterruptedArchiving(Instant.now().minus(Duration.ofHours(1)));
            if (stuck > 0) {
                LOG.warn("{} items were stuck in archiving for over an hour and may be archived again", stuck);
            }
            attempts.purgeOlderThan(Duration.ofDays(30));
            int expired = sessions.purgeExpired(Instant.now());
            if (expired > 0) {
                LOG.info("Removed {} expired web sessions", expired);
            }
            int n = inbox.purgeExpiredDeletedContent(Instant.now());
            if (n > 0) {
                LOG.info("Purged the content of {} deleted items after their retention time", n);
            }
            int orphans = inbox.sweepContentFiles(Instant.now().minus(ContentFiles.SWEEP_AFTER));
            if (orphans > 0) {
                LOG.info("Removed {} content store files that no stored document names", orphans);
            }
        } catch (InboxException | RuntimeException e) {
            LOG.warn("Purging deleted content failed; trying again in an hour: {}", e.getMessage());
        }
    }

    @Reference(name = "organisation", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            service = OrganisationComponent.class)
    void addOrganisation(OrganisationComponent organisation) {
        organisations.add(organisation);
    }

    void removeOrganisation(OrganisationComponent organisation) {
        organisations.remove(organisation);
    }

    @Reference(name = "archiveProvider", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, service = ArchiveProvider.class)
    void addArchiveProvider(ArchiveProvider provider, Map<String, Object> properties) {
        providers.add(provider, properties);
        warnAboutUnresolvedTargets();
    }

    void removeArchiveProvider(ArchiveProvider provider) {
        providers.remove(provider);
        warnAboutUnresolvedTargets();
    }

    /** Monitoring that wants to know of every archive provider call (the operations bundle's metrics). */
    @Reference(name = "archiveCallListener", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, service = ArchiveCallListener.class)
    void addArchiveCallListener(ArchiveCallListener listener) {
        providers.addListener(listener);
    }

    void removeArchiveCallListener(ArchiveCallListener listener) {
        providers.removeListener(listener);
    }

    /** A second provider of a kind makes a legacy archive.kind ambiguous: tell the operator when it happens. */
    private void warnAboutUnresolvedTargets() {
        for (OrganisationComponent o : organisations) {
            Organisation org = o.settings();
            if (providers.resolve(org) instanceof ArchiveProviders.Unresolved u && !u.retryable()) {
                LOG.warn("Archiving for organisation {} is refused until its configuration names exactly one "
                        + "archive provider (archive.target={}, archive.kind={})", org.orgnr(),
                        org.archiveTarget(), org.archiveKind());
            }
        }
    }

    /** Reads the live settings on every call, so configuration updates apply at once. */
    private Optional<Organisation> settings(String orgnr) {
        return organisations.stream().map(OrganisationComponent::settings)
                .filter(o -> o.orgnr().equals(orgnr)).findFirst();
    }

    @Override
    public AcceptResult accept(IncomingItem item, IncomingDocuments documents) throws InboxException {
        return inbox.accept(item, documents);
    }

    @Override
    public boolean isStored(Channel channel, String channelId) throws InboxException {
        return inbox.isStored(channel, channelId);
    }

    @Override
    public java.util.Set<String> storedAmong(Channel channel, java.util.Collection<String> channelIds)
            throws InboxException {
        return inbox.storedAmong(channel, channelIds);
    }

    @Override
    public Optional<InboxItem> get(UUID itemId) throws InboxException {
        return inbox.get(itemId);
    }

    @Override
    public Page<InboxItem> find(InboxQuery query) throws InboxException {
        return inbox.find(query);
    }

    @Override
    public Map<ItemState, Long> countByState(String orgnr) throws InboxException {
        return inbox.countByState(orgnr);
    }

    @Override
    public List<InboxItem> untouchedSince(Instant receivedBefore, int limit) throws InboxException {
        return inbox.untouchedSince(receivedBefore, limit);
    }

    @Override
    public List<AuditEntry> auditTrail(UUID itemId) throws InboxException {
        return inbox.auditTrail(itemId);
    }

    @Override
    public void auditAccess(UUID itemId, String actor, String action, String detail) throws InboxException {
        inbox.auditAccess(itemId, actor, action, detail);
    }

    @Override
    public InputStream openDocument(UUID itemId, int index) throws InboxException {
        return inbox.openDocument(itemId, index);
    }

    @Override
    public void writeZip(UUID itemId, OutputStream out) throws InboxException, IOException {
        inbox.writeZip(itemId, out);
    }

    @Override
    public Optional<OrganisationView> organisation(String orgnr) {
        return inbox.organisation(orgnr);
    }

    @Override
    public List<OrganisationView> organisations() {
        return inbox.organisations();
    }

    @Override
    public List<ArchiveTargetView> archiveTargets() {
        return inbox.archiveTargets();
    }

    @Override
    public ArchiveReceipt archive(UUID itemId, CaseNumber targetCase, String actor) throws InboxException {
        return inbox.archive(itemId, targetCase, actor);
    }

    @Override
    public void delete(UUID itemId, String reason, String actor) throws InboxException {
        inbox.delete(itemId, reason, actor);
    }

    @Override
    public void forward(UUID itemId, ForwardRequest request, String actor) throws InboxException {
        inbox.forward(itemId, request, actor);
    }

    @Override
    public boolean acquire(String name, String holder, Duration ttl) throws InboxException {
        return leases.acquire(name, holder, ttl);
    }

    @Override
    public void release(String name, String holder) throws InboxException {
        leases.release(name, holder);
    }

    @Override
    public List<ItemOutcome> pending(Channel channel, Set<String> orgnrs, int limit) throws InboxException {
        return outcomes.pending(channel, orgnrs, limit);
    }

    @Override
    public void reported(UUID itemId, String actor, String note) throws InboxException {
        outcomes.reported(itemId, actor, note);
    }

    @Override
    public void reportFailed(UUID itemId, String actor, String error) throws InboxException {
        outcomes.reportFailed(itemId, actor, error);
    }

    @Override
    public Attempts recordFailure(String scope, String key) throws InboxException {
        return attempts.recordFailure(scope, key);
    }

    @Override
    public Attempts attempts(String scope, String key) throws InboxException {
        return attempts.attempts(scope, key);
    }

    @Override
    public void reset(String scope, String key) throws InboxException {
        attempts.reset(scope, key);
    }

    @Override
    public void resetAll(String scope) throws InboxException {
        attempts.resetAll(scope);
    }

    @Override
    public boolean create(Session session, int maxSessions) throws InboxException {
        return sessions.create(session, maxSessions);
    }

    @Override
    public Optional<Session> use(String idHash, Instant now, Duration idleTimeout) throws InboxException {
        return sessions.use(idHash, now, idleTimeout);
    }

    @Override
    public void delete(String idHash) throws InboxException {
        sessions.delete(idHash);
    }

    @Override
    public int purgeExpired(Instant now) throws InboxException {
        return sessions.purgeExpired(now);
    }

    @Override
    public LoginFailures loginFailed(String key, Instant now, Duration window) throws InboxException {
        return sessions.loginFailed(key, now, window);
    }

    @Override
    public Optional<LoginFailures> loginFailures(String key, Instant now, Duration window) throws InboxException {
        return sessions.loginFailures(key, now, window);
    }

    @Override
    public void clearLoginFailures(String key) throws InboxException {
        sessions.clearLoginFailures(key);
    }
}
