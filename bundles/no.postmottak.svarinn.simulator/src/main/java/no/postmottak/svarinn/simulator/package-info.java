/**
 * A simulator of KS SvarUt's SvarInn receive API (Mottaksservice v1) for tests and demos.
 *
 * <p>{@link no.postmottak.svarinn.simulator.SvarInnSimulator} is a real HTTP server: it lists waiting
 * forsendelser per mottakersystem, serves CMS-encrypted payloads exactly as SvarUt does, applies
 * kvitterMottak/mottakFeilet, and offers fault knobs plus an inspection API. The same server runs from JUnit,
 * from a {@code main} and as a DS component in Karaf (where it is registered as a
 * {@code SvarInnSimulator} service).
 *
 * @since 1.0.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package no.postmottak.svarinn.simulator;
