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

    private final WebSecurity security;

    @Activate
    public SecurityFilter(WebConfig config) {
        this(new JaasAuthenticator(config.realm(), Set.of(config.rolePrincipalClasses())), config);
    }

    /** For tests: any authenticator. */
    SecurityFilter(Authenticator authenticator, WebConfig config) {
        this.security = new WebSecurity(authenticator, new Sessions(Clock.systemUTC(),
                Duration.ofMinutes(Math.max(1, config.sessionIdleMinutes())), Math.max(1, config.maxSessions())));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        security.handle((HttpServletRequest) request, (HttpServletResponse) response, chain);
    }
}
