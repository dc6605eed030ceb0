package no.postmottak.simulator.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Credential {@link Guard}s. A refusal answers 401 with a {@code WWW-Authenticate} challenge and an error in the
 * server's {@link ErrorFormat}; credentials never appear in a body or a log line.
 *
 * @since 1.0.0
 */
public final class Auth {

    private Auth() {
    }

    /**
     * HTTP Basic. An admitted request carries the user name as {@link Request#principal()}.
     *
     * @param realm the realm announced in the challenge
     * @param check whether a user name and password are right; compare secrets with {@link #sameSecret}
     * @return the guard
     */
    public static Guard basic(String realm, BiPredicate<String, String> check) {
        String challenge = "Basic realm=\"" + realm + "\"";
        return (request, response) -> {
            String[] userAndPassword = basicCredentials(request.header("Authorization"));
            if (userAndPassword != null && check.test(userAndPassword[0], userAndPassword[1])) {
                request.principal(userAndPassword[0]);
                return true;
            }
            response.header("WWW-Authenticate", challenge).error(401, "Unauthorized");
            return false;
        };
    }

    /**
     * Bearer tokens (RFC 6750).
     *
     * @param validToken whether a token is live
     * @return the guard
     */
    public static Guard bearer(Predicate<String> validToken) {
        return (request, response) -> {
            String authorization = request.header("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    && validToken.test(authorization.substring(7).strip())) {
                return true;
            }
            response.header("WWW-Authenticate", "Bearer error=\"invalid_token\"").error(401, "Unauthorized");
            return false;
        };
    }

    /** @return whether two secrets are equal, in time that does not tell how much of them matched */
    public static boolean sameSecret(String expected, String given) {
        return expected != null && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /** @return user name and password, or null when the header is not well-formed Basic */
    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}
