/**
 * HTTP simulators of the archives Postmottak delivers to: {@link no.postmottak.archive.simulator.WebsakSimulator}
 * (Websak+ Integration API with its token endpoint) and {@link no.postmottak.archive.simulator.AcosMottakSimulator}
 * (Acos Mottak WebApi). Tests in any module start them here; in Karaf they run as DS components when configured.
 * Never installed in production.
 *
 * @since 1.0.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package no.postmottak.archive.simulator;
