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
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.osgi.service.metatype.annotations.Designate;

import no.postmottak.api.inbox.WebSessions;

/** DS shell: puts {@link WebSecurity} (login, session, CSRF, headers) in front of everything under /postmottak. */
@Component(service = Filter.class, configurationPid = WebConfig.PID)
@Designate(ocd = WebConfig.class)
@HttpWhiteboardFilterPattern({WebSecurity.BASE, WebSecurity.BASE + "/*"})
public class SecurityFilter implements Filter {

    private final WebSecurity security;

    /** @param store sessions and the login limit, in the inbox's database: shared by every node */
    @Activate
    public SecurityFilter(WebConfig config, @Reference WebSessions store) {
        this(new JaasAuthenticator(config.realm(), Set.of(config.rolePrincipalClasses())), config, store,
                Clock.systemUTC());
    }

    /** For tests: any authenticator and clock. */
    SecurityFilter(Authenticator authenticator, WebConfig config, WebSessions store, Clock clock) {
        this.security = new WebSecurity(authenticator, new Sessions(store, clock,
                Duration.ofMinutes(Math.max(1, config.sessionIdleMinutes())), Math.max(1, config.maxSessions())),
                new LoginThrottle(store, new LoginThrottle.Limits(config.loginMaxFailuresPerUser(),
                        config.loginMaxFailuresPerAddress(), Duration.ofMinutes(config.loginFailureWindowMinutes())),
                        clock),
                new ClientAddress(Set.of(config.trustedProxies())));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        security.handle((HttpServletRequest) request, (HttpServletResponse) response, chain);
    }
}
