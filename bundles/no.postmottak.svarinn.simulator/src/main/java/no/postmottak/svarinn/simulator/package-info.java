/**
 * A simulator of KS SvarUt's SvarInn receive API, V1 (Mottaksservice) and V2, for tests and demos.
 *
 * <p>{@link no.postmottak.svarinn.simulator.SvarInnSimulator} is a real HTTP server: it lists waiting
 * forsendelser per mottakersystem, serves CMS-encrypted payloads exactly as SvarUt does, applies
 * kvitterMottak/mottakFeilet, and offers fault knobs plus an inspection API. The same server runs from JUnit,
 * from a {@code main} and as a DS component in Karaf (where it is registered as a
 * {@code SvarInnSimulator} service).
 *
 * <p>V1 and V2 serve one state per mottakersystem, as SvarUt does: what one version acknowledged is gone from the
 * other. 1.1.0: SvarInn V2 ({@code …/v2/forsendelser}, a list capped at 200, {@code PATCH …/status}) and the V2-only
 * fields of {@link no.postmottak.svarinn.simulator.ForsendelseSpec}.
 *
 * @since 1.0.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package no.postmottak.svarinn.simulator;
