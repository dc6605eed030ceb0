/**
 * The archive-provider SPI: each archive target (WebSak, Acos Mottak, a drop folder…) is a bundle that registers
 * an {@link no.postmottak.api.archive.ArchiveProvider} service. Several may coexist, also several of one kind;
 * each organisation names the one it uses by its {@link no.postmottak.api.archive.ArchiveProvider#NAME name}.
 * <p>
 * 2.0.0: the receipt moved to {@link no.postmottak.api.ArchiveReceipt} (which breaks the package cycle with the
 * inbox API) and records the target's name.
 */
@Export
@Version("2.0.0")
package no.postmottak.api.archive;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
