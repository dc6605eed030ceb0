package no.postmottak.web.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.osgi.service.metatype.annotations.Designate;

/** DS shell: puts {@link WebSecurity} (login, session, CSRF, headers) in front of everything under /postmottak. */
@Component(service = Filter.class, configurationPid = WebConfig.PID)
@Designate(ocd = WebConfig.class)
@HttpWhiteboardFilterPattern({WebSecurity.BASE, WebSecurity.BASE + "/*"})
public class SecurityFilter implements Filter {

    /** User names (and, separately, addresses) whose failed logins are remembered; bounds the memory an attack costs. */
    private static final int MAX_TRACKED_LOGINS = 10_000;

    private final WebSecurity security;

    @Activate
    public SecurityFilter(WebConfig config) {
        this(new JaasAuthenticator(config.realm(), Set.of(config.rolePrincipalClasses())), config, Clock.systemUTC());
    }

    /** For tests: any authenticator and clock. */
    SecurityFilter(Authenticator authenticator, WebConfig config, Clock clock) {
        this.security = new WebSecurity(authenticator, new Sessions(clock,
                Duration.ofMinutes(Math.max(1, config.sessionIdleMinutes())), Math.max(1, config.maxSessions())),
                new LoginThrottle(new LoginThrottle.Limits(config.loginMaxFailuresPerUser(),
                        config.loginMaxFailuresPerAddress(), Duration.ofMinutes(config.loginFailureWindowMinutes()),
                        MAX_TRACKED_LOGINS), clock),
                new ClientAddress(Set.of(config.trustedProxies())));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        security.handle((HttpServletRequest) request, (HttpServletResponse) response, chain);
    }
}
