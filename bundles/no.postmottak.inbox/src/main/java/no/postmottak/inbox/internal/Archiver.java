package no.postmottak.inbox.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
 * clerk (or node) from archiving the same item meanwhile.
 */
final class Archiver {

    private final Db db;
    private final DocumentStore documents;
    private final Transitions transitions;
    private final Organisations organisations;
    private final ArchiveProviders providers;

    Archiver(Db db, DocumentStore documents, Transitions transitions, Organisations organisations,
             ArchiveProviders providers) {
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
        db.write(c -> {
            transitions.move(c, transitions.lockFor(c, item.id(), ItemState.ARCHIVING), ItemState.ARCHIVING, actor,
                    "archive", detail, null);
            return null;
        });
        InboxItem archiving = new InboxItem(item.id(), item.metadata(), item.receivedAt(), ItemState.ARCHIVING,
                item.documents(), null, item.orgConfigured());
        ArchiveReceipt receipt;
        try {
            receipt = provider.archive(new ArchiveRequest(archiving, archiveDocuments(item), targetCaseInfo,
                    new JdbcArchiveProgress(db, item.id())));
            if (receipt == null) {
                throw new ArchiveException(ArchiveException.Reason.REJECTED, "Arkivet svarte ikke med en kvittering");
            }
            // The inbox, not each provider, records which target it chose: the one place that knows.
            receipt = receipt.withTarget(target.name());
        } catch (ArchiveException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            boolean retryable = !(e instanceof ArchiveException ae) || ae.isRetryable();
            finish(item.id(), ItemState.ARCHIVE_FAILED, actor, "archive-failed", message, message, null);
            throw new InboxException("Arkivering feilet: " + message, retryable, e);
        }
        finish(item.id(), ItemState.ARCHIVED, actor, "archived", "Arkivert i " + target.label()
                + ": journalpost " + receipt.journalpostId()
                + (receipt.journalpostNumber() == null ? "" : " (" + receipt.journalpostNumber() + ")")
                + (receipt.caseNumber() == null ? "" : ", sak " + receipt.caseNumber()), null, Json.write(receipt));
        return receipt;
    }

    private void finish(UUID id, ItemState to, String actor, String action, String detail, String error,
                        String receiptJson) throws InboxException {
        db.write(c -> {
            transitions.move(c, transitions.lockFor(c, id, to), to, actor, action, detail, error);
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
