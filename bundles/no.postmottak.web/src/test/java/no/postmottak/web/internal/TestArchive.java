package no.postmottak.web.internal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveProvider;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.archive.ArchiveRequest;

/** An archive that numbers journal posts 2024/<case>-n, or fails as UNAVAILABLE while {@code down} is set. */
final class TestArchive implements ArchiveProvider {

    volatile boolean down;
    private final AtomicInteger next = new AtomicInteger(1);

    @Override
    public ArchiveReceipt archive(ArchiveRequest request) throws ArchiveException {
        if (down) {
            throw new ArchiveException(ArchiveException.Reason.UNAVAILABLE, "Arkivet svarer ikke (503)");
        }
        String caseNumber = request.targetCase() == null ? "2024/1" : request.targetCase().caseNumber().toString();
        int n = next.getAndIncrement();
        return new ArchiveReceipt("test", null, "jp-" + n, caseNumber + "-" + n, caseNumber, Map.of());
    }
}
