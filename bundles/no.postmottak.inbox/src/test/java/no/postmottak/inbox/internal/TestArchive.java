package no.postmottak.inbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.archive.ArchiveDocument;
import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveProvider;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.api.archive.CaseInfo;

/**
 * A small archive provider for tests: it keeps what it archived in memory, knows a set of cases, and can be told to
 * fail the next attempts after it has saved progress (so a retry must resume).
 */
final class TestArchive implements ArchiveProvider {

    record Archived(ArchiveRequest request, List<String> sha256s, Map<String, String> progressAtStart) {
    }

    final List<Archived> archived = new CopyOnWriteArrayList<>();
    final Set<CaseNumber> cases;
    final boolean canLookUp;
    volatile int failuresLeft;
    volatile ArchiveException.Reason failureReason = ArchiveException.Reason.UNAVAILABLE;
    private int sequence;

    TestArchive(boolean canLookUp, Set<CaseNumber> cases) {
        this.canLookUp = canLookUp;
        this.cases = cases;
    }

    @Override
    public synchronized ArchiveReceipt archive(ArchiveRequest request) throws ArchiveException {
        Map<String, String> before = request.progress().load();
        String journalpostId = before.getOrDefault("journalpostId", "jp-" + (++sequence));
        request.progress().save(Map.of("journalpostId", journalpostId));
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new ArchiveException(failureReason, "Arkivet svarer ikke (test)");
        }
        List<String> hashes = new java.util.ArrayList<>();
        for (ArchiveDocument d : request.documents()) {
            try (InputStream in = d.open()) {
                hashes.add(Fixtures.sha256(in));
            } catch (IOException e) {
                throw new ArchiveException(ArchiveException.Reason.UNAVAILABLE, e.getMessage(), e);
            }
        }
        archived.add(new Archived(request, hashes, before));
        CaseInfo target = request.targetCase();
        return new ArchiveReceipt("test", null, journalpostId, "2024/7-" + sequence,
                target == null ? null : target.caseNumber().toString(), Map.of("note", "ok"));
    }

    @Override
    public Optional<CaseInfo> findCase(String orgnr, CaseNumber caseNumber) {
        return cases.contains(caseNumber) ? Optional.of(new CaseInfo("sak-" + caseNumber, caseNumber, "Sak"))
                : Optional.empty();
    }

    @Override
    public boolean canLookUpCases() {
        return canLookUp;
    }
}
