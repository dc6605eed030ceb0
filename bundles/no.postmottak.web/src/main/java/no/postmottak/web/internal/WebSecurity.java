package no.postmottak.web.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate in front of everything under {@code /postmottak}: secure headers, login and logout, the session cookie,
 * and the CSRF check on every state-changing request. What a user may see is decided later, per item
 * ({@link AccessControl}); here only "who is it" and "is this request really from our page" are answered.
 */
public final class WebSecurity {

    public static final String BASE = "/postmottak";
    public static final String USER_ATTRIBUTE = "no.postmottak.web.user";
    public static final String SESSION_ATTRIBUTE = "no.postmottak.web.session";
    public static final String COOKIE = "POSTMOTTAK_SESSION";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSP = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static final Logger LOG = LoggerFactory.getLogger(WebSecurity.class);
    private static final Set<String> PUBLIC = Set.of(BASE + "/login.html", BASE + "/app.css", BASE + "/app.js");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Authenticator authenticator;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final ClientAddress clients;

    public WebSecurity(Authenticator authenticator, Sessions sessions, LoginThrottle throttle, ClientAddress clients) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.throttle = throttle;
        this.clients = clients;
    }

    public void handle(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        try {
            guard(req, resp, chain);
        } catch (Sessions.StoreUnavailable e) {
            // The shared session store (the database) is down: say so, but log nobody out.
            LOG.warn("Session store unavailable for {} {}: {}", req.getMethod(), path(req),
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            if (!resp.isCommitted()) {
                Json.error(resp, 503, e.getMessage());
            }
        }
    }

    private void guard(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        secureHeaders(resp);
        String path = path(req);
        if (path.equals(BASE) || path.equals(BASE + "/")) {
            resp.sendRedirect(BASE + "/inbox.html");
            return;
        }
        if (path.equals(BASE + "/login") && req.getMethod().equals("POST")) {
            login(req, resp);
            return;
        }
        if (PUBLIC.contains(path) && SAFE_METHODS.contains(req.getMethod())) {
            chain.doFilter(req, resp);
            return;
        }
        Optional<Sessions.Session> session = sessions.find(cookie(req));
        if (session.isEmpty()) {
            if (path.startsWith(BASE + "/api/") || !SAFE_METHODS.contains(req.getMethod())) {
                Json.error(resp, 401, "Du er ikke innlogget");
            } else {
                resp.sendRedirect(BASE + "/login.html");
            }
            return;
        }
        Sessions.Session s = session.get();
        if (!SAFE_METHODS.contains(req.getMethod()) && !Sessions.sameToken(s.csrfToken(), req.getHeader(CSRF_HEADER))) {
            LOG.warn("Refused {} {} for {}: missing or wrong CSRF token", req.getMethod(), path, s.user().name());
            Json.error(resp, 403, "Forespørselen mangler gyldig CSRF-token; last siden på nytt");
            return;
        }
        if (path.equals(BASE + "/logout")) {
            sessions.invalidate(s.id());
            resp.addHeader("Set-Cookie", COOKIE + "=; Path=" + BASE + "; Max-Age=0; HttpOnly; SameSite=Strict"
                    + (clients.isSecure(req) ? "; Secure" : ""));
            resp.setStatus(204);
            return;
        }
        if (path.equals(BASE + "/admin.html") && !s.user().admin()) {
            Json.error(resp, 403, "Administrasjonssiden krever rollen " + Roles.ADMIN);
            return;
        }
        req.setAttribute(USER_ATTRIBUTE, s.user());
        req.setAttribute(SESSION_ATTRIBUTE, s);
        chain.doFilter(req, resp);
    }

    private void login(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!sameOrigin(req)) {
            Json.error(resp, 403, "Innlogging må skje fra postmottakets egen side");
            return;
        }
        String username = req.getParameter("username") == null ? "" : req.getParameter("username").trim();
        String address = clients.of(req);
        Optional<Duration> refused = throttle.refusedFor(username, address);
        if (refused.isPresent()) {
            LOG.debug("Login for {} from {} refused without trying: too many failures", username, address);
            tooManyAttempts(req, resp, refused.get());
            return;
        }
        String password = req.getParameter("password");
        Optional<User> user = authenticator.authenticate(username, password == null ? null : password.toCharArray());
        if (user.isEmpty()) {
            if (throttle.failed(username, address)) {
                LOG.warn("Too many failed logins for {} or from {}: new attempts are refused for a while",
                        username, address);
            }
            resp.sendRedirect(BASE + "/login.html?feil=innlogging");
            return;
        }
        throttle.succeeded(username);
        if (!user.get().hasAnyAccess()) {
            LOG.info("{} logged in but has no postmottak role", user.get().name());
            resp.sendRedirect(BASE + "/login.html?feil=tilgang");
            return;
        }
        Sessions.Session s;
        try {
            s = sessions.create(user.get());
        } catch (IllegalStateException e) {
            Json.error(resp, 503, e.getMessage());
            return;
        }
        resp.addHeader("Set-Cookie", COOKIE + "=" + s.id() + "; Path=" + BASE + "; HttpOnly; SameSite=Strict"
                + (clients.isSecure(req) ? "; Secure" : ""));
        LOG.info("{} logged in (admin={}, organisations={})", s.user().name(), s.user().admin(), s.user().orgnrs());
        resp.setStatus(303);
        resp.setHeader("Location", BASE + (s.user().admin() && s.user().orgnrs().isEmpty() ? "/admin.html"
                : "/inbox.html"));
    }

    /** 429 with a Norwegian message: a small page for the browser's form post, JSON for anything else. */
    private static void tooManyAttempts(HttpServletRequest req, HttpServletResponse resp, Duration wait)
            throws IOException {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        String message = "For mange mislykkede innlogginger. Vent " + minutes + (minutes == 1 ? " minutt" : " minutter")
                + " og prøv igjen.";
        resp.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
        String accept = req.getHeader("Accept");
        if (accept == null || !accept.contains("text/html")) {
            Json.error(resp, 429, message);
            return;
        }
        resp.setStatus(429);
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write("<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>For mange"
                + " forsøk – Postmottak</title><link rel=\"stylesheet\" href=\"app.css\"></head><body><main"
                + " class=\"login\"><h1>Postmottak</h1><p class=\"message error\" role=\"alert\">" + message
                + "</p><p><a href=\"login.html\">Tilbake til innloggingen</a></p></main></body></html>");
    }

    /**
     * A login form posted from another site would log the victim into the attacker's account: refuse it. Browsers
     * say where a request comes from in Sec-Fetch-Site, older ones in Origin (our Referrer-Policy keeps it).
     */
    private static boolean sameOrigin(HttpServletRequest req) {
        String site = req.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin");
        }
        String origin = req.getHeader("Origin");
        if (origin == null) {
            return true; // not a browser: a cross-site form always carries Origin or Sec-Fetch-Site
        }
        try {
            URI o = URI.create(origin);
            int port = o.getPort() == -1 ? ("https".equals(o.getScheme()) ? 443 : 80) : o.getPort();
            return req.getServerName().equalsIgnoreCase(o.getHost()) && req.getServerPort() == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static void secureHeaders(HttpServletResponse resp) {
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on our own form posts.
        resp.setHeader("Referrer-Policy", "same-origin");
        resp.setHeader("Cache-Control", "no-store");
    }

    /** The decoded, normalised path (never the raw URI), so "/postmottak/app.js/../api" cannot pass as public. */
    static String path(HttpServletRequest req) {
        String p = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        return p.isEmpty() ? "/" : p;
    }

    private static String cookie(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
