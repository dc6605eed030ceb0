package no.postmottak.simulator.http;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Looks at every request under a path prefix before routing, e.g. for credentials (see {@link Auth}), so that an
 * unauthenticated caller gets 401 even for a path that does not exist, as real services answer.
 *
 * @since 1.0.0
 */
@ConsumerType
@FunctionalInterface
public interface Guard {

    /**
     * @param request  the request (no path parameters yet)
     * @param response where a refusal goes
     * @return true to go on to routing; false when this guard has answered the request
     * @throws IOException when the client goes away
     */
    boolean admit(Request request, Response response) throws IOException;
}
