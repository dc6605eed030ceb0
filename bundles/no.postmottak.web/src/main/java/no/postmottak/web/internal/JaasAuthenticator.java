package no.postmottak.web.internal;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in through a JAAS realm (Karaf's {@code karaf} realm in production). Roles are the subject's principals whose
 * class is one of {@code rolePrincipalClasses} (Karaf: {@code org.apache.karaf.jaas.boot.principal.RolePrincipal});
 * matching by name keeps this bundle free of a Karaf import.
 */
public final class JaasAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);

    private final String realm;
    private final Set<String> rolePrincipalClasses;
    private final Configuration configuration;

    /** The realm from the JVM's JAAS configuration (in Karaf: every realm registered with Karaf JAAS). */
    public JaasAuthenticator(String realm, Set<String> rolePrincipalClasses) {
        this(realm, rolePrincipalClasses, null);
    }

    /** The realm from {@code configuration}, or from the JVM's when null. */
    public JaasAuthenticator(String realm, Set<String> rolePrincipalClasses, Configuration configuration) {
        this.realm = realm;
        this.rolePrincipalClasses = Set.copyOf(rolePrincipalClasses);
        this.configuration = configuration;
    }

    @Override
    public Optional<User> authenticate(String username, char[] password) {
        if (username == null || username.isBlank() || password == null || password.length == 0) {
            return Optional.empty();
        }
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // No context loader: LoginContext then loads login modules through the system class loader, where
        // Karaf's JAAS boot classes (ProxyLoginModule) live, instead of through this bundle's loader.
        thread.setContextClassLoader(null);
        try {
            CallbackHandler handler = callbacks -> handle(callbacks, username, password);
            LoginContext context = configuration == null ? new LoginContext(realm, subject, handler)
                    : new LoginContext(realm, subject, handler, configuration);
            context.login();
            List<String> roles = subject.getPrincipals().stream()
                    .filter(p -> rolePrincipalClasses.contains(p.getClass().getName()))
                    .map(Principal::getName).toList();
            return Optional.of(Roles.toUser(username, roles));
        } catch (LoginException e) {
            // The user name is not secret; the password never appears here.
            LOG.info("Login refused for {} in JAAS realm {}: {}", username, realm, e.getClass().getSimpleName());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void handle(Callback[] callbacks, String username, char[] password)
            throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(username);
            } else if (callback instanceof PasswordCallback pw) {
                pw.setPassword(Arrays.copyOf(password, password.length));
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
