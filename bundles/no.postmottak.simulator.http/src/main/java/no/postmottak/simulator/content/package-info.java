/**
 * Demo content every simulator may need, such as small valid PDF letters with Norwegian text
 * ({@link no.postmottak.simulator.content.PdfWriter}).
 *
 * @since 1.0.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package no.postmottak.simulator.content;
