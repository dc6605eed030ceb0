package no.postmottak.operations.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic credentials checked against a JAAS realm (Karaf's {@code karaf} realm), for machine clients such as
 * Prometheus. The user must hold one of {@code roles}; role principals are recognised by class name, so this bundle
 * needs no Karaf import.
 */
final class BasicAuth {

    /** The outcome: 401 without valid credentials, 403 without a role. */
    enum Outcome { ALLOWED, UNAUTHENTICATED, FORBIDDEN }

    private static final Logger LOG = LoggerFactory.getLogger(BasicAuth.class);

    private final String realm;
    private final Set<String> roles;
    private final Set<String> rolePrincipalClasses;
    private final Configuration configuration;

    /** @param configuration the JAAS configuration, or null for the JVM's (in Karaf: every Karaf realm) */
    BasicAuth(String realm, Set<String> roles, Set<String> rolePrincipalClasses, Configuration configuration) {
        this.realm = realm;
        this.roles = Set.copyOf(roles);
        this.rolePrincipalClasses = Set.copyOf(rolePrincipalClasses);
        this.configuration = configuration;
    }

    Outcome check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Outcome.UNAUTHENTICATED;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Outcome.UNAUTHENTICATED;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Outcome.UNAUTHENTICATED;
        }
        String user = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // No context loader: LoginContext then finds Karaf's JAAS boot classes through the system class loader.
        thread.setContextClassLoader(null);
        try {
            LoginContext context = configuration == null
                    ? new LoginContext(realm, subject, callbacks -> handle(callbacks, user, password))
                    : new LoginContext(realm, subject, callbacks -> handle(callbacks, user, password), configuration);
            context.login();
        } catch (LoginException e) {
            LOG.info("Metrics login refused for {} in JAAS realm {}: {}", user, realm, e.getClass().getSimpleName());
            return Outcome.UNAUTHENTICATED;
        } finally {
            thread.setContextClassLoader(previous);
            Arrays.fill(password, '\0');
        }
        boolean allowed = subject.getPrincipals().stream()
                .filter(p -> rolePrincipalClasses.contains(p.getClass().getName()))
                .map(Principal::getName).anyMatch(roles::contains);
        if (!allowed) {
            LOG.info("Metrics refused for {}: none of the roles {}", user, roles);
        }
        return allowed ? Outcome.ALLOWED : Outcome.FORBIDDEN;
    }

    private static void handle(Callback[] callbacks, String user, char[] password)
            throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback pw) {
                pw.setPassword(Arrays.copyOf(password, password.length));
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
