/**
 * A simulator of Digdir's eFormidling integrasjonspunkt for tests and demos: the fagsystem API of the receiving side
 * over real HTTP, with ASiC-E built like Digdir's, fault knobs ({@link no.postmottak.eformidling.simulator.IpKnobs},
 * {@link no.postmottak.eformidling.simulator.MessageFault}), an inspection API and demo mail. Start one with
 * {@link no.postmottak.eformidling.simulator.IntegrasjonspunktSimulator#start}, or configure PID
 * {@code no.postmottak.eformidling.simulator} in Karaf. Never installed in production.
 *
 * @since 1.0.0
 */
@Export
@Version("1.0.0")
package no.postmottak.eformidling.simulator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
