package no.postmottak.api.archive;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.CaseNumber;

/**
 * Files an inbox item into an archive as an incoming journal post (journalposttype I).
 * <p>
 * Register the service with the {@link #KIND} property, e.g. {@code postmottak.archive.kind=websak}, and the
 * {@link #NAME} its configuration gives it. An organisation's configuration names the one provider it archives
 * into ({@code archive.target}); several providers of one kind (two WebSak installations) are normal. Implementations must be
 * thread-safe and must make a retried {@link #archive} resume, not repeat, work that the archive already holds
 * (use {@link ArchiveRequest#progress()}).
 */
@ConsumerType
public interface ArchiveProvider {

    /** Service property: the provider's kind, a short stable name such as {@code websak} or {@code filesystem}. */
    String KIND = "postmottak.archive.kind";

    /**
     * Service property: the name of this archive target, unique in the installation, e.g. {@code fjordvik-websak}.
     * It is the provider configuration's {@code name}, which Declarative Services publishes as a service property
     * as it is; organisations refer to it with {@code archive.target}.
     *
     * @since 2.0
     */
    String NAME = "name";

    /**
     * Archives the item.
     *
     * @return what the archive assigned
     * @throws ArchiveException with {@link ArchiveException#isRetryable()} telling whether a retry may succeed
     */
    ArchiveReceipt archive(ArchiveRequest request) throws ArchiveException;

    /**
     * Looks a case up by its case number, for validating a suggested case. Providers that cannot look cases up
     * return empty, and the suggestion is passed on unchecked.
     */
    default Optional<CaseInfo> findCase(String orgnr, CaseNumber caseNumber) throws ArchiveException {
        return Optional.empty();
    }

    /** Whether {@link #findCase} can tell that a case does not exist. */
    default boolean canLookUpCases() {
        return false;
    }
}
