package no.postmottak.inbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import jakarta.mail.MessagingException;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.Channel;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.ItemState;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.inbox.AcceptResult;
import no.postmottak.api.inbox.AuditEntry;
import no.postmottak.api.inbox.ForwardRequest;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;
import no.postmottak.api.inbox.ArchiveTargetView;
import no.postmottak.api.inbox.OrganisationView;
import no.postmottak.api.inbox.Page;
import no.postmottak.api.inbox.StoredDocument;

/** The inbox on a JDBC DataSource (H2 or PostgreSQL). The DS component is a thin shell around it. */
final class JdbcInbox implements Inbox, AutoCloseable {

    /** How long an archiving claim holds without renewal, unless configured: a dead node's is taken over after it. */
    static final Duration DEFAULT_CLAIM_TTL = Duration.ofSeconds(60);
    /** Channel ids per query of {@link #storedAmong}: a V2 page is 200, V1 lists up to 1,000. */
    static final int STORED_AMONG_BATCH = 200;

    private final Db db;
    private final DocumentStore documents;
    private final Transitions transitions;
    private final Organisations organisations;
    private final OrganisationViews views;
    private final Archiver archiver;
    private final MailForwarder mail = new MailForwarder();
    private final ScheduledExecutorService heartbeat;

    /** Migrates the schema, then serves; a node of its own (a random id) with the default archiving claim. */
    JdbcInbox(DataSource dataSource, Organisations organisations, ArchiveProviders providers, Clock clock)
            throws InboxException {
        this(dataSource, organisations, providers, clock, "inbox-" + UUID.randomUUID(), DEFAULT_CLAIM_TTL, null);
    }

    /**
     * Migrates the schema, then serves.
     *
     * @param nodeId   this node, unique in the cluster (owner of its archiving claims)
     * @param claimTtl how long an archiving claim holds without renewal
     * @param files    the content store for large documents, or null: all content in the database
     */
    JdbcInbox(DataSource dataSource, Organisations organisations, ArchiveProviders providers, Clock clock,
              String nodeId, Duration claimTtl, ContentFiles files) throws InboxException {
        if (claimTtl.isNegative() || claimTtl.isZero()) {
            throw new IllegalArgumentException("The archiving claim needs a positive duration: " + claimTtl);
        }
        this.db = new Db(dataSource);
        Migrations.migrate(dataSource, db.isH2());
        if (files != null) {
            ContentStoreMarker.check(db, files);
        }
        this.documents = new DocumentStore(db, files);
        this.transitions = new Transitions(clock);
        this.organisations = organisations;
        this.views = new OrganisationViews(organisations, providers);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "postmottak-archiving-claims");
            t.setDaemon(true);
            return t;
        });
        this.archiver = new Archiver(db, documents, transitions, organisations, providers, nodeId, claimTtl,
                heartbeat);
    }

    /**
     * Stops renewing archiving claims (as a node that stops or dies does) and the content store's background
     * flushing; archive calls under way finish.
     */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        documents.close();
    }

    /** Failed receive attempts of the channels, on the same database. */
    JdbcFailedAttempts failedAttempts() {
        return new JdbcFailedAttempts(db);
    }

    /** The web's sessions and login limit, on the same database. */
    JdbcWebSessions webSessions() {
        return new JdbcWebSessions(db);
    }

    /** Takes over and finishes the archiving of nodes that stopped (see {@link Archiver#resumeAbandoned()}). */
    int resumeAbandonedArchiving() throws InboxException {
        return archiver.resumeAbandoned();
    }

    /** The outcomes of items, for channels that report them (receipts), on the same database. */
    JdbcItemOutcomes outcomes() {
        return new JdbcItemOutcomes(db, documents, transitions);
    }

    /** Leases on the same database. */
    JdbcLeases leases() {
        return new JdbcLeases(db);
    }

    @Override
    public AcceptResult accept(IncomingItem item, IncomingDocuments incoming) throws InboxException {
        // No lookup first: the item row is inserted before any document is read, and an item stored already fails
        // that insert on its unique key (acceptAs answers with the stored one). The channels ask isStored before
        // they download, so a second query here was one more transaction per item for nothing (issue 17).
        UUID id = UUID.randomUUID();
        boolean orgConfigured = organisations.find(item.recipientOrgnr()).isPresent();
        ContentWrites.NewFiles created = documents.newFiles();
        try {
            return acceptAs(id, item, incoming, orgConfigured, created);
        } catch (InboxException | RuntimeException e) {
            created.abandon(); // written for a transaction that rolled back
            documents.removeFiles(id, created.names());
            throw e;
        }
    }

    private AcceptResult acceptAs(UUID id, IncomingItem item, IncomingDocuments incoming, boolean orgConfigured,
            ContentWrites.NewFiles created) throws InboxException {
        try {
            return db.write(c -> {
                Instant now = transitions.now();
                // The item row first: a concurrent accept of the same item (another node) now waits on its key.
                ItemRows.insert(c, id, item, now, orgConfigured);
                int count = storeDocuments(c, id, incoming, LocalDate.ofInstant(now, ZoneOffset.UTC), created);
                AuditLog.append(c, id, AuditLog.entry(now, item.channel().name().toLowerCase(), "received", null,
                        ItemState.RECEIVED, count + " dokument(er)"
                                + (orgConfigured ? "" : "; organisasjonen " + item.recipientOrgnr()
                                + " er ikke konfigurert")));
                return new AcceptResult(id, false);
            });
        } catch (InboxException e) {
            if (e.getCause() instanceof SQLException sql && Db.isUniqueViolation(sql)) {
                Optional<UUID> winner = db.read(c ->
                        ItemRows.findByChannel(c, item.channel(), item.channelId()));
                if (winner.isPresent()) {
                    return new AcceptResult(winner.get(), true);
                }
            }
            throw e;
        }
    }

    private int storeDocuments(Connection c, UUID id, IncomingDocuments incoming, LocalDate day,
            ContentWrites.NewFiles created)
            throws SQLException, InboxException {
        int index = 0;
        try {
            for (Optional<IncomingDocument> d = incoming.next(); d.isPresent(); d = incoming.next()) {
                documents.write(c, id, index, d.get().descriptor(), d.get().content(), day, created);
                index++;
            }
        } catch (IOException e) {
            throw new InboxException("Mottaket av dokument " + (index + 1) + " feilet, ingenting er lagret: "
                    + e.getMessage(), true, e);
        }
        try {
            created.makeDurable();
        } catch (IOException e) {
            throw new InboxException("Dokumentene kunne ikke skrives til disk, ingenting er lagret: "
                    + e.getMessage(), true, e);
        }
        return index;
    }

    @Override
    public boolean isStored(Channel channel, String channelId) throws InboxException {
        return db.read(c -> ItemRows.findByChannel(c, channel, channelId)).isPresent();
    }

    /** Asked per page of offered items; a page larger than {@link #STORED_AMONG_BATCH} is asked in parts. */
    @Override
    public Set<String> storedAmong(Channel channel, Collection<String> channelIds) throws InboxException {
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(channelIds));
        Set<String> stored = new java.util.HashSet<>();
        for (int from = 0; from < ids.size(); from += STORED_AMONG_BATCH) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + STORED_AMONG_BATCH));
            stored.addAll(db.read(c -> ItemRows.storedAmong(c, channel, part)));
        }
        return stored;
    }

    @Override
    public Optional<OrganisationView> organisation(String orgnr) {
        return views.find(orgnr);
    }

    @Override
    public List<OrganisationView> organisations() {
        return views.all();
    }

    @Override
    public List<ArchiveTargetView> archiveTargets() {
        return views.targets();
    }

    @Override
    public Optional<InboxItem> get(UUID itemId) throws InboxException {
        return db.read(c -> ItemRows.get(c, itemId, documents));
    }

    private InboxItem require(UUID itemId) throws InboxException {
        return get(itemId).orElseThrow(() -> new InboxException("Fant ikke elementet " + itemId, false));
    }

    @Override
    public Page<InboxItem> find(InboxQuery query) throws InboxException {
        return db.read(c -> InboxQueries.find(c, query, !db.isH2()));
    }

    @Override
    public Map<ItemState, Long> countByState(String orgnr) throws InboxException {
        return db.read(c -> InboxQueries.countByState(c, orgnr));
    }

    @Override
    public List<InboxItem> untouchedSince(Instant receivedBefore, int limit) throws InboxException {
        return db.read(c -> InboxQueries.untouchedSince(c, receivedBefore, limit));
    }

    @Override
    public List<AuditEntry> auditTrail(UUID itemId) throws InboxException {
        return db.read(c -> AuditLog.trail(c, itemId));
    }

    @Override
    public InputStream openDocument(UUID itemId, int index) throws InboxException {
        InboxItem item = require(itemId);
        StoredDocument doc = item.documents().stream().filter(d -> d.index() == index).findFirst()
                .orElseThrow(() -> new InboxException("Elementet har ikke dokument nummer " + index, false));
        if (doc.purged()) {
            throw new InboxException("Innholdet i dokumentet " + doc.fileName() + " er slettet", false);
        }
        return documents.open(itemId, doc);
    }

    @Override
    public void writeZip(UUID itemId, OutputStream out) throws InboxException, IOException {
        ZipWriter.write(require(itemId), documents, out);
    }

    @Override
    public ArchiveReceipt archive(UUID itemId, CaseNumber targetCase, String actor) throws InboxException {
        Transitions.requireActor(actor);
        return archiver.archive(require(itemId), targetCase, actor);
    }

    @Override
    public void delete(UUID itemId, String reason, String actor) throws InboxException {
        Transitions.requireActor(actor);
        if (reason == null || reason.isBlank()) {
            throw new InboxException("Sletting krever en begrunnelse", false);
        }
        List<String> purgedFiles = db.write(c -> {
            ItemRows.Locked item = transitions.lockFor(c, itemId, ItemState.DELETED);
            transitions.move(c, item, ItemState.DELETED, actor, "delete", reason.trim(), null);
            return retention(item.orgnr()).isZero() ? documents.purge(c, itemId) : List.<String>of();
        });
        documents.removeFiles(itemId, purgedFiles);
    }

    private java.time.Duration retention(String orgnr) {
        return organisations.find(orgnr).map(Organisation::deletedContentRetention).orElse(java.time.Duration.ZERO);
    }

    /**
     * Purges the content of deleted items whose organisation's retention has run out (items deleted while a
     * retention was configured). Returns how many items were purged.
     */
    int purgeExpiredDeletedContent(Instant now) throws InboxException {
        int purged = 0;
        for (ItemRows.Deleted d : db.read(ItemRows::deletedWithContent)) {
            if (d.deletedAt().plus(retention(d.orgnr())).isAfter(now)) {
                continue;
            }
            Optional<List<String>> files = db.write(c -> {
                ItemRows.Locked item = ItemRows.lock(c, d.id()).orElseThrow();
                if (item.state() != ItemState.DELETED) {
                    return Optional.empty();
                }
                List<String> names = documents.purge(c, d.id());
                AuditLog.append(c, d.id(), AuditLog.entry(transitions.now(), "system", "purge", ItemState.DELETED,
                        ItemState.DELETED, "Innholdet er fjernet etter oppbevaringstiden"));
                return Optional.of(names);
            });
            if (files.isPresent()) {
                documents.removeFiles(d.id(), files.get());
                purged++;
            }
        }
        return purged;
    }

    /**
     * Removes content store files that no stored document names, last written before {@code writtenBefore}: left by
     * a node that died in an accept or before it removed a purged document's file. Returns how many.
     */
    int sweepContentFiles(Instant writtenBefore) throws InboxException {
        try {
            return documents.sweepFiles(writtenBefore);
        } catch (IOException e) {
            throw new InboxException("Kunne ikke rydde i innholdslageret: " + e.getMessage(), true, e);
        }
    }

    /**
     * Moves items stuck in ARCHIVING since before {@code startedBefore} without an archiving claim (left by a version
     * before claims) to ARCHIVE_FAILED, so that a clerk can retry; the provider resumes from its saved progress.
     * Claimed items are left to {@link #resumeAbandonedArchiving()}.
     */
    int recoverInterruptedArchiving(Instant startedBefore) throws InboxException {
        int recovered = 0;
        for (UUID id : db.read(c -> ItemRows.idsInStateSince(c, ItemState.ARCHIVING, startedBefore))) {
            recovered += db.write(c -> {
                ItemRows.Locked item = ItemRows.lock(c, id).orElseThrow();
                if (item.state() != ItemState.ARCHIVING || ArchivingClaims.owner(c, id) != null) {
                    return 0;
                }
                String why = "Arkiveringen ble avbrutt; prøv igjen";
                transitions.move(c, item, ItemState.ARCHIVE_FAILED, "system", "archive-interrupted", why, why);
                return 1;
            });
        }
        return recovered;
    }

    /**
     * Holds the item's row lock while the mail is sent, so that a concurrent action waits and then sees
     * FORWARDED; a failed send rolls the state back and is audited on its own.
     */
    @Override
    public void forward(UUID itemId, ForwardRequest request, String actor) throws InboxException {
        Transitions.requireActor(actor);
        InboxItem item = require(itemId);
        if (item.metadata().confidential()) {
            throw new InboxException("Taushetsbelagt post kan ikke videresendes på e-post. Arkiver den, eller gi"
                    + " mottakeren tilgang i postmottaket.", false);
        }
        String orgnr = item.metadata().recipientOrgnr();
        Organisation.Smtp smtp = organisations.find(orgnr).map(Organisation::smtp).orElseThrow(() ->
                new InboxException("Videresending på e-post er ikke satt opp for organisasjonen " + orgnr, false));
        try {
            db.write(c -> {
                ItemRows.Locked locked = transitions.lockFor(c, itemId, ItemState.FORWARDED);
                send(smtp, item, request);
                transitions.move(c, locked, ItemState.FORWARDED, actor, "forward", "Videresendt til "
                        + request.toAddress() + (request.note().isBlank() ? "" : ": " + request.note()), null);
                return null;
            });
        } catch (InboxException e) {
            if (e.getCause() instanceof MessagingException) {
                auditAccess(itemId, actor, "forward-failed", e.getMessage());
            }
            throw e;
        }
    }

    private void send(Organisation.Smtp smtp, InboxItem item, ForwardRequest request) throws InboxException {
        List<MailForwarder.Attachment> attachments = new ArrayList<>();
        for (StoredDocument doc : item.documents()) {
            attachments.add(new MailForwarder.Attachment(doc.fileName(), doc.mediaType(),
                    () -> documents.open(item.id(), doc)));
        }
        String body = (request.note().isBlank() ? "" : request.note() + "\n\n")
                + "Videresendt fra postmottaket.\nTittel: " + item.metadata().title()
                + "\nAvsender: " + item.metadata().sender().name()
                + "\nMottatt: " + item.receivedAt() + "\n";
        try {
            mail.send(smtp, request.toAddress(), "Videresendt: " + item.metadata().title(), body, attachments);
        } catch (MessagingException e) {
            throw new InboxException("Videresending feilet: " + e.getMessage(), true, e);
        }
    }

    @Override
    public void auditAccess(UUID itemId, String actor, String action, String detail) throws InboxException {
        Transitions.requireActor(actor);
        db.write(c -> {
            ItemState state = ItemRows.lock(c, itemId)
                    .orElseThrow(() -> new InboxException("Fant ikke elementet " + itemId, false)).state();
            AuditLog.append(c, itemId, AuditLog.entry(transitions.now(), actor, action, state, state, detail));
            return null;
        });
    }
}
