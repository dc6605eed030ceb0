package no.postmottak.inbox.internal;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.ImportSuggestion;
import no.postmottak.api.ItemState;
import no.postmottak.api.archive.ArchiveDocument;
import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveProvider;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.api.archive.CaseInfo;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.StoredDocument;

/**
 * The archive action: picks the organisation's provider, decides the case, and moves the item through ARCHIVING
 * to ARCHIVED or ARCHIVE_FAILED. The provider runs outside any transaction; the ARCHIVING state keeps a second
 * clerk (or node) from archiving the same item meanwhile. The node that archives holds a claim on the item
 * ({@link ArchivingClaims}) and renews it while the provider works; another node takes over a claim that ran out.
 */
final class Archiver {

    private static final Logger LOG = LoggerFactory.getLogger(Archiver.class);

    private final Db db;
    private final DocumentStore documents;
    private final Transitions transitions;
    private final Organisations organisations;
    private final ArchiveProviders providers;
    private final String nodeId;
    private final Duration claimTtl;
    private final ScheduledExecutorService heartbeat;

    /**
     * @param nodeId    this node, as the owner of its archiving claims
     * @param claimTtl  how long a claim holds without renewal: a dead node's archiving is taken over after that
     * @param heartbeat runs the renewals while archive calls run
     */
    Archiver(Db db, DocumentStore documents, Transitions transitions, Organisations organisations,
             ArchiveProviders providers, String nodeId, Duration claimTtl, ScheduledExecutorService heartbeat) {
        this.nodeId = nodeId;
        this.claimTtl = claimTtl;
        this.heartbeat = heartbeat;
        this.db = db;
        this.documents = documents;
        this.transitions = transitions;
        this.organisations = organisations;
        this.providers = providers;
    }

    ArchiveReceipt archive(InboxItem item, CaseNumber targetCase, String actor) throws InboxException {
        if (!item.state().canMoveTo(ItemState.ARCHIVING)) {
            throw new InboxException(Transitions.refusal(item.state()), false);
        }
        Organisation org = organisation(item.metadata().recipientOrgnr());
        ArchiveProviders.Target target = target(org);
        ArchiveProvider provider = target.provider();
        List<String> notes = new ArrayList<>();
        CaseInfo targetCaseInfo = resolveCase(provider, org, item, targetCase, notes);
        String detail = "Arkivmål " + target.label() + ", sak "
                + (targetCaseInfo == null ? "(arkivets reservesak)" : targetCaseInfo.caseNumber())
                + (notes.isEmpty() ? "" : ". " + String.join(". ", notes));
        String request = Json.write(new Json.ArchivingRequest(actor, targetCaseInfo, detail));
        db.write(c -> {
            transitions.move(c, transitions.lockFor(c, item.id(), ItemState.ARCHIVING), ItemState.ARCHIVING, actor,
                    "archive", detail, null);
            ArchivingClaims.claim(c, item.id(), nodeId, claimTtl, request);
            return null;
        });
        return archiveClaimed(item, org, target, targetCaseInfo, actor);
    }

    /**
     * Takes over items whose archiving node died (its claim ran out) and finishes them here: the provider resumes
     * from the progress the first node saved, so a journalpost already created is completed, not made again. Items
     * moved to ARCHIVING before claims existed are released to ARCHIVE_FAILED for a clerk to retry. Returns how
     * many items were taken over.
     */
    int resumeAbandoned() throws InboxException {
        int resumed = 0;
        for (UUID id : db.read(c -> ArchivingClaims.abandoned(c, claimTtl))) {
            Json.ArchivingRequest request = db.write(c -> takeOver(c, id));
            if (request == null) {
                continue;
            }
            resumed++;
            InboxItem item = db.read(c -> ItemRows.get(c, id, documents)).orElseThrow();
            try {
                Organisation org = organisation(item.metadata().recipientOrgnr());
                archiveClaimed(item, org, target(org), request.targetCase(), request.actor());
            } catch (InboxException e) {
                LOG.warn("Archiving of item {}, taken over from a node that stopped, failed: {}", id, e.getMessage());
                if (stillOurs(id)) {
                    finish(id, ItemState.ARCHIVE_FAILED, "system", "archive-failed", e.getMessage(), e.getMessage(),
                            null);
                }
            }
        }
        return resumed;
    }

    private Json.ArchivingRequest takeOver(Connection c, UUID id) throws SQLException, InboxException {
        ItemRows.Locked item = ItemRows.lock(c, id).orElse(null);
        if (item == null || item.state() != ItemState.ARCHIVING || !ArchivingClaims.isAbandoned(c, id, claimTtl)) {
            return null; // finished or renewed meanwhile
        }
        String json = ArchivingClaims.request(c, id);
        String previous = ArchivingClaims.owner(c, id);
        if (json == null) {
            String why = "Arkiveringen ble avbrutt; prøv igjen";
            transitions.move(c, item, ItemState.ARCHIVE_FAILED, "system", "archive-interrupted", why, why);
            ArchivingClaims.clear(c, id);
            return null;
        }
        ArchivingClaims.claim(c, id, nodeId, claimTtl, json);
        AuditLog.append(c, id, AuditLog.entry(transitions.now(), "system", "archive-resumed", ItemState.ARCHIVING,
                ItemState.ARCHIVING, "Arkiveringen på " + previous + " stoppet; " + nodeId + " fortsetter der den"
                        + " slapp"));
        LOG.warn("Item {} was left archiving by {}; this node ({}) resumes it", id, previous, nodeId);
        return Json.archivingRequest(json);
    }

    /** Runs the provider for an item this node has claimed, renewing the claim meanwhile, and finishes it. */
    private ArchiveReceipt archiveClaimed(InboxItem item, Organisation org, ArchiveProviders.Target target,
                                          CaseInfo targetCaseInfo, String actor) throws InboxException {
        InboxItem archiving = new InboxItem(item.id(), item.metadata(), item.receivedAt(), ItemState.ARCHIVING,
                item.documents(), null, item.orgConfigured());
        ScheduledFuture<?> renewal = renewWhileArchiving(item.id());
        ArchiveReceipt receipt;
        try {
            receipt = timed(target, org.orgnr(), new ArchiveRequest(archiving, archiveDocuments(item),
                    targetCaseInfo, new JdbcArchiveProgress(db, item.id(), nodeId)));
            if (receipt == null) {
                throw new ArchiveException(ArchiveException.Reason.REJECTED, "Arkivet svarte ikke med en kvittering");
            }
            // The inbox, not each provider, records which target it chose: the one place that knows.
            receipt = receipt.withTarget(target.name());
        } catch (ArchiveException | RuntimeException e) {
            stop(renewal); // before finish: a renewal must not outlive the claim
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            boolean retryable = !(e instanceof ArchiveException ae) || ae.isRetryable();
            finish(item.id(), ItemState.ARCHIVE_FAILED, actor, "archive-failed", message, message, null);
            throw new InboxException("Arkivering feilet: " + message, retryable, e);
        } finally {
            stop(renewal);
        }
        finish(item.id(), ItemState.ARCHIVED, actor, "archived", "Arkivert i " + target.label()
                + ": journalpost " + receipt.journalpostId()
                + (receipt.journalpostNumber() == null ? "" : " (" + receipt.journalpostNumber() + ")")
                + (receipt.caseNumber() == null ? "" : ", sak " + receipt.caseNumber()), null, Json.write(receipt));
        return receipt;
    }

    /**
     * Renews the claim every third of its time. On a node that is stopping (no more renewals) the call goes on
     * unrenewed: if it outlasts the claim, another node takes the item over and this one's next progress save fails.
     */
    private ScheduledFuture<?> renewWhileArchiving(UUID id) { // null when not renewed
        long period = Math.max(1, claimTtl.toMillis() / 3);
        try {
            return heartbeat.scheduleAtFixedRate(() -> renew(id), period, period, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.warn("This node is stopping: the archiving claim on item {} is not renewed", id);
            return null;
        }
    }

    private static void stop(ScheduledFuture<?> renewal) {
        if (renewal != null) {
            renewal.cancel(false);
        }
    }

    private void renew(UUID id) {
        try {
            if (!db.write(c -> ArchivingClaims.renew(c, id, nodeId, claimTtl))) {
                LOG.warn("The archiving claim on item {} was taken over by another node", id);
            }
        } catch (InboxException | RuntimeException e) {
            LOG.warn("Could not renew the archiving claim on item {}: {}", id, e.getMessage());
        }
    }

    private boolean stillOurs(UUID id) throws InboxException {
        return db.read(c -> nodeId.equals(ArchivingClaims.owner(c, id))
                && ItemRows.lock(c, id).map(l -> l.state() == ItemState.ARCHIVING).orElse(false));
    }

    /** The provider's call, measured for the archive call listeners (monitoring). */
    private ArchiveReceipt timed(ArchiveProviders.Target target, String orgnr, ArchiveRequest request)
            throws ArchiveException {
        long started = System.nanoTime();
        ArchiveReceipt receipt = null;
        try {
            receipt = target.provider().archive(request);
            return receipt;
        } finally {
            providers.called(orgnr, target, Duration.ofNanos(System.nanoTime() - started), receipt != null);
        }
    }

    /**
     * Moves the item out of ARCHIVING, only while this node's claim holds: a node that was paused past its claim and
     * taken over must not record its result over the other node's.
     */
    private void finish(UUID id, ItemState to, String actor, String action, String detail, String error,
                        String receiptJson) throws InboxException {
        db.write(c -> {
            ItemRows.Locked item = ItemRows.lock(c, id)
                    .orElseThrow(() -> new InboxException("Fant ikke elementet " + id, false));
            if (item.state() != ItemState.ARCHIVING || !nodeId.equals(ArchivingClaims.owner(c, id))) {
                throw new InboxException("Arkiveringen ble overtatt av en annen node fordi denne sluttet å svare;"
                        + " se elementets historikk", false);
            }
            transitions.move(c, item, to, actor, action, detail, error);
            ArchivingClaims.clear(c, id);
            if (receiptJson != null) {
                ItemRows.storeReceipt(c, id, receiptJson);
            }
            return null;
        });
    }

    private Organisation organisation(String orgnr) throws InboxException {
        return organisations.find(orgnr).orElseThrow(() -> new InboxException(
                "Arkivmål er ikke tilgjengelig: organisasjonen " + orgnr + " er ikke konfigurert", false));
    }

    /** Exactly the provider the organisation names, or a refusal that says what was found. */
    private ArchiveProviders.Target target(Organisation org) throws InboxException {
        ArchiveProviders.Resolution resolution = providers.resolve(org);
        if (resolution instanceof ArchiveProviders.Unresolved u) {
            throw new InboxException(u.problem(), u.retryable());
        }
        return ((ArchiveProviders.Resolved) resolution).target();
    }

    /** The clerk's case, else the sender's suggestion when it checks out, else the organisation's fallback case. */
    private CaseInfo resolveCase(ArchiveProvider provider, Organisation org, InboxItem item, CaseNumber clerksCase,
                                 List<String> notes) throws InboxException {
        String orgnr = org.orgnr();
        if (clerksCase != null) {
            if (!provider.canLookUpCases()) {
                return new CaseInfo(null, clerksCase, "");
            }
            return lookUp(provider, orgnr, clerksCase).orElseThrow(() ->
                    new InboxException("Saken " + clerksCase + " finnes ikke i arkivet", false));
        }
        ImportSuggestion suggestion = item.metadata().importSuggestion();
        Optional<CaseNumber> suggested = Optional.ofNullable(suggestion).flatMap(s -> s.caseNumber());
        if (suggested.isPresent()) {
            if (!provider.canLookUpCases()) {
                // The sender may name our archive's own case id (SvarInn V2 mappeId.systemId): an archive that
                // files by id then finds the case without a lookup by number.
                String caseId = suggestion.caseSystemId();
                notes.add("Avsenders saksforslag " + suggested.get()
                        + (caseId == null ? "" : " (arkivets id " + caseId + ")") + " er ikke kontrollert");
                return new CaseInfo(caseId, suggested.get(), "");
            }
            Optional<CaseInfo> found = lookUp(provider, orgnr, suggested.get());
            if (found.isPresent()) {
                notes.add("Avsenders saksforslag " + suggested.get() + " er brukt");
                return found.get();
            }
            notes.add("Avsenders saksforslag " + suggested.get() + " finnes ikke i arkivet; reservesaken er brukt");
        }
        return org.fallbackCase() == null ? null : new CaseInfo(null, org.fallbackCase(), "");
    }

    private static Optional<CaseInfo> lookUp(ArchiveProvider provider, String orgnr, CaseNumber number)
            throws InboxException {
        try {
            return provider.findCase(orgnr, number);
        } catch (ArchiveException e) {
            throw new InboxException("Arkivet kunne ikke slå opp saken " + number + ": " + e.getMessage(),
                    e.isRetryable(), e);
        }
    }

    private List<ArchiveDocument> archiveDocuments(InboxItem item) {
        List<ArchiveDocument> list = new ArrayList<>();
        for (StoredDocument doc : item.documents()) {
            list.add(new ArchiveDocument() {
                @Override
                public StoredDocument metadata() {
                    return doc;
                }

                @Override
                public InputStream open() {
                    return documents.open(item.id(), doc);
                }
            });
        }
        return list;
    }
}
