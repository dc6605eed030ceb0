/**
 * A real HTTP simulator of an archive core speaking Arkivverket's Noark 5 tjenestegrensesnitt (N5WS v1.1), for
 * tests and demos: {@link no.postmottak.archive.noark5.simulator.Noark5Simulator}. Only the simulators feature
 * installs it.
 *
 * @since 1.0.0
 */
@Export
@Version("1.0.0")
package no.postmottak.archive.noark5.simulator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
