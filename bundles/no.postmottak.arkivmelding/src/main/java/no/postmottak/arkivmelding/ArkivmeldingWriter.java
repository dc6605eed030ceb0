package no.postmottak.arkivmelding;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import no.postmottak.api.archive.CaseInfo;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.arkivmelding.internal.StaxArkivmeldingWriter;

/**
 * Writes the arkivmelding for one inbox item as UTF-8 XML. What it writes:
 * <ul>
 * <li>{@code meldingId} = the inbox item id; {@code antallFiler} = the number of files;</li>
 * <li>one saksmappe: our target case (its saksår/sekvensnummer) when given, otherwise a mappe titled after the
 * item for the archive to place;</li>
 * <li>one journalpost, journalposttype "Inngående dokument", with the item's title, received/sent dates, and the
 * sender as korrespondansepart "Avsender";</li>
 * <li>the sender's own case and journal numbers only as <em>their</em> reference (a merknad, and in v1 also
 * {@code deresReferanse}), never in saksår/journalår fields;</li>
 * <li>one dokumentbeskrivelse per file in order, the first "Hoveddokument", the rest "Vedlegg", each with a
 * dokumentobjekt whose {@code referanseDokumentfil} is the file name.</li>
 * </ul>
 * Ids (systemID) are derived from the item id, so writing the same item twice gives the same ids. Instances are
 * immutable and thread-safe.
 */
@ProviderType
public interface ArkivmeldingWriter {

    /**
     * Writes the document. The stream is not closed.
     *
     * @param item       the item, never null
     * @param targetCase our case to file on, or null to let the archive decide
     * @param files      the item's documents with their package file names, main document first, not empty
     * @param out        where to write
     * @throws IOException when writing fails
     * @throws IllegalArgumentException when {@code files} is empty
     */
    void write(InboxItem item, CaseInfo targetCase, List<ArkivmeldingFile> files, OutputStream out)
            throws IOException;

    /** The settings this writer uses. */
    ArkivmeldingSettings settings();

    /** A writer with the given settings. */
    static ArkivmeldingWriter create(ArkivmeldingSettings settings) {
        return new StaxArkivmeldingWriter(settings);
    }
}
