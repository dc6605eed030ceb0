package no.postmottak.simulator.http;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Serves the requests of one route. It answers through the {@link Response}; what it leaves unanswered gets an
 * empty 500. It may throw {@link StatusException} to answer with a status and message in the server's
 * {@link ErrorFormat}; any other runtime exception answers 500.
 *
 * @since 1.0.0
 */
@ConsumerType
@FunctionalInterface
public interface Handler {

    /**
     * @param request  the request, with the route's path parameters
     * @param response where the answer goes
     * @throws IOException when the client goes away; the exchange is then dropped
     */
    void handle(Request request, Response response) throws IOException;
}
