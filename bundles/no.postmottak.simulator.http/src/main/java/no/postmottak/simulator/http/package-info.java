/**
 * The HTTP foundation every Postmottak simulator runs on (SvarInn, WebSak, Acos Mottak, eFormidling ...): one JDK
 * {@code com.sun.net.httpserver} server per simulator ({@link SimHttpServer}), routes by method and path pattern,
 * request-body limits, JSON, plain and streamed answers, HTTP Basic and bearer guards ({@link Auth}), a multipart
 * reader, and failure knobs that fail or hold the next requests ({@link Knobs}).
 *
 * <p>Type roles: simulators implement {@link Handler}, {@link Guard} and {@link ErrorFormat}, so those are
 * consumer types (a new abstract method would break every simulator). Everything else is a final class that only
 * this bundle makes; adding to it is a minor change.
 *
 * <p>For tests and demos only: the {@code postmottak-simulators} feature installs it, production features never do.
 *
 * @since 1.0.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package no.postmottak.simulator.http;
