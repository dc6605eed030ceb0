package no.postmottak.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The pages, script and style sheet from {@code /static} of the bundle, served by our own servlet rather than a
 * whiteboard resource, so that what they answer (types, caching, 404) is ours and the same in Karaf and in the tests.
 * Only the files named here exist: a request is a lookup by exact name, so no path (traversal, encoded slashes,
 * folders) can reach anything else.
 */
final class StaticPages {

    static final List<String> FILES = List.of("login.html", "inbox.html", "item.html", "admin.html", "app.js",
            "app.css");
    /** Revalidate every time (cheap with the ETag), so the pages of a new version are used right after an upgrade. */
    static final String CACHE_CONTROL = "no-cache";

    private static final Map<String, String> TYPES = Map.of("html", "text/html;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8", "css", "text/css;charset=UTF-8");

    /** How long a page waits before it asks the API again while Postmottak starts. */
    static final int API_RETRY_AFTER_SECONDS = 1;

    private final Map<String, File> files = new LinkedHashMap<>();

    /** Reads every file once; a file missing from the bundle is a build error, so it fails here, not at a click. */
    StaticPages(ClassLoader loader) {
        for (String name : FILES) {
            try (InputStream in = loader.getResourceAsStream("static/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("static/" + name + " is missing from the bundle");
                }
                byte[] content = in.readAllBytes();
                files.put(name, new File(content, TYPES.get(name.substring(name.lastIndexOf('.') + 1)),
                        etag(content)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read static/" + name, e);
            }
        }
    }

    /** @param pathInfo the path after /postmottak, decoded and normalised by the container (null for /postmottak) */
    void serve(HttpServletRequest req, HttpServletResponse resp, String pathInfo) throws IOException {
        boolean head = req.getMethod().equals("HEAD");
        if (!head && !req.getMethod().equals("GET")) {
            resp.setHeader("Allow", "GET, HEAD");
            Json.error(resp, 405, "Metoden er ikke tillatt her");
            return;
        }
        if (pathInfo == null || pathInfo.equals("/")) {
            resp.sendRedirect(WebSecurity.BASE + "/inbox.html"); // as the security filter does, should it be absent
            return;
        }
        if (pathInfo.equals("/api") || pathInfo.startsWith("/api/")) {
            apiNotYetThere(resp);
            return;
        }
        Optional<File> file = find(pathInfo);
        if (file.isEmpty()) {
            Json.error(resp, 404, "Siden finnes ikke");
            return;
        }
        File f = file.get();
        resp.setHeader("ETag", f.etag());
        resp.setHeader("Cache-Control", CACHE_CONTROL);
        if (matches(req.getHeader("If-None-Match"), f.etag())) {
            resp.setStatus(304);
            return;
        }
        resp.setContentType(f.contentType());
        resp.setContentLength(f.content().length);
        if (!head) {
            resp.getOutputStream().write(f.content());
        }
    }

    /**
     * The API's servlet is registered at /postmottak/api beside this one, a moment after it while Postmottak starts
     * (and again after the web bundle is updated): a page that asks the API meanwhile reaches this servlet. It is
     * told to ask again ({@code starting}, Retry-After) rather than shown "Siden finnes ikke" (found by DemoBrowserIT).
     */
    private static void apiNotYetThere(HttpServletResponse resp) throws IOException {
        resp.setHeader("Retry-After", Integer.toString(API_RETRY_AFTER_SECONDS));
        Json.write(resp, 503, Map.of("error", "Postmottak starter. Prøv igjen om litt.", "status", 503,
                "retryable", true, "starting", true));
    }

    /** Exactly one of {@link #FILES} after the leading slash; anything else (folders, "..", "%2F") is not found. */
    Optional<File> find(String pathInfo) {
        return pathInfo.startsWith("/") ? Optional.ofNullable(files.get(pathInfo.substring(1))) : Optional.empty();
    }

    /** If-None-Match is a list of entity tags or "*"; a weak comparison is what RFC 9110 asks for here. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String etag(byte[] content) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(content);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(sha).substring(0, 22) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    record File(byte[] content, String contentType, String etag) {
    }
}
