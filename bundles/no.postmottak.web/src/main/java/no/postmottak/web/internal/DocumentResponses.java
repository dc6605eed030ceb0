package no.postmottak.web.internal;

import java.util.Locale;
import java.util.Set;

import javax.servlet.http.HttpServletResponse;

/**
 * Headers for serving a received document. Documents come from outside: a sender could send HTML or SVG with
 * script in it. So only PDF is ever shown inline (the preview frame, same origin only); every other type is a
 * download, and active types (HTML, SVG, XML, script, CSS) are sent as {@code application/octet-stream}.
 */
public final class DocumentResponses {

    static final String PDF = "application/pdf";
    private static final Set<String> ACTIVE = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
            "text/xml", "application/xml", "text/javascript", "application/javascript", "application/ecmascript",
            "text/css", "application/x-shockwave-flash");

    private DocumentResponses() {
    }

    /** Sets type, disposition and the framing policy; {@code wantInline} is honoured for PDF only. */
    public static void headers(HttpServletResponse resp, String fileName, String mediaType, long size,
                               boolean wantInline) {
        String type = safeType(mediaType);
        boolean inline = wantInline && PDF.equals(type);
        resp.setContentType(type);
        if (size >= 0) {
            resp.setContentLengthLong(size);
        }
        resp.setHeader("Content-Disposition", inline ? ContentDisposition.inline(fileName)
                : ContentDisposition.attachment(fileName));
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (inline) {
            // The item page frames the preview; nobody else may.
            resp.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'self'");
            resp.setHeader("X-Frame-Options", "SAMEORIGIN");
        } else {
            resp.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
        }
    }

    static String safeType(String mediaType) {
        if (mediaType == null || mediaType.isBlank()) {
            return "application/octet-stream";
        }
        String base = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!base.matches("[a-z0-9.+-]+/[a-z0-9.+-]+") || ACTIVE.contains(base) || base.endsWith("+xml")) {
            return "application/octet-stream";
        }
        return base;
    }
}
