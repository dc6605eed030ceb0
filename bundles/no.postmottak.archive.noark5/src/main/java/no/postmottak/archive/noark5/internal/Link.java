package no.postmottak.archive.noark5.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A HAL link as N5WS serves it: {@code {"href": ..., "templated": true}}. Templated links advertise the OData query
 * parameters the resource understands, e.g. {@code .../saksmappe{?$filter&$top&$skip}} (the spec separates them with
 * {@code &}; RFC 6570 uses {@code ,}: both are read).
 */
record Link(String href, boolean templated) {

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\?([^}]*)}");

    /** The names in the link's query template, e.g. {@code $filter}; empty for a plain link. */
    Set<String> parameters() {
        Matcher m = TEMPLATE.matcher(href);
        if (!templated || !m.find()) {
            return Set.of();
        }
        return Set.of(m.group(1).split("[,&]"));
    }

    /** Whether the server advertises {@code name} (e.g. {@code $filter}) on this link. */
    boolean accepts(String name) {
        return parameters().contains(name);
    }

    /** The href with the template removed, the query {@code values} filled in (in their order) and percent-encoded. */
    String expand(Map<String, String> values) {
        String base = TEMPLATE.matcher(href).replaceAll("");
        StringBuilder sb = new StringBuilder(base);
        char sep = base.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : new LinkedHashMap<>(values).entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    /** The plain href, without any template. */
    String plain() {
        return TEMPLATE.matcher(href).replaceAll("");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
