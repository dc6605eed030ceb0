/**
 * The archive-provider SPI: each archive target (WebSak, Acos Mottak, a drop folder…) is a bundle that registers
 * an {@link no.postmottak.api.archive.ArchiveProvider} service. Several may coexist; organisations choose one by
 * its {@link no.postmottak.api.archive.ArchiveProvider#KIND kind}.
 */
@Export
@Version("1.0.0")
package no.postmottak.api.archive;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
