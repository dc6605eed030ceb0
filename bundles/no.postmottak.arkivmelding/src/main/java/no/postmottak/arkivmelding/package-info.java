/**
 * Writes and reads a Noark 5 <em>arkivmelding</em> (namespace {@value no.postmottak.arkivmelding.ArkivmeldingVersion#NAMESPACE})
 * for an inbox item: one saksmappe holding one incoming journalpost (journalposttype "Inngående dokument") with the
 * sender as korrespondansepart "Avsender" and one dokumentbeskrivelse per document. The same writer serves archive
 * hand-off (Acos Mottak), the filesystem export and eFormidling.
 * <p>
 * Start with {@link no.postmottak.arkivmelding.ArkivmeldingWriter#create}; check documents with
 * {@link no.postmottak.arkivmelding.ArkivmeldingSchemas}.
 * <p>
 * The same package reads what others send ({@link no.postmottak.arkivmelding.ArkivmeldingReader}, leniently, into
 * {@link no.postmottak.arkivmelding.IncomingArkivmelding}): one model of arkivmelding, one place.
 * <p>
 * 1.1.0: the reader.
 */
@Export
@Version("1.1.0")
package no.postmottak.arkivmelding;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
