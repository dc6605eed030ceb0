package no.postmottak.web.internal;

import java.net.URI;
import java.util.Collection;
import java.util.Map;

import org.osgi.service.http.runtime.HttpServiceRuntimeConstants;
import org.osgi.service.http.runtime.dto.RuntimeDTO;

/** Where to look at our own pages from outside: the login page under the runtime's first HTTP endpoint. */
final class WhiteboardProbe {

    private WhiteboardProbe() {
    }

    /**
     * The login page under {@code osgi.http.endpoint} of the runtime's service (Pax Web 8.0.34 sets a {@code String[]}
     * of {@code "%s://%s:%d/"} once its server runs, else {@code "/"}; a wildcard address is asked on the loopback
     * address), or null when there is no usable HTTP endpoint.
     */
    static URI loginPage(RuntimeDTO runtime) {
        if (runtime == null || runtime.serviceDTO == null || runtime.serviceDTO.properties == null) {
            return null;
        }
        String endpoint = first(runtime.serviceDTO.properties);
        if (endpoint == null || !endpoint.startsWith("http://")) {
            return null;
        }
        for (String wildcard : new String[] {"0.0.0.0", "[::]", "[0:0:0:0:0:0:0:0]", "0:0:0:0:0:0:0:0", "::"}) {
            if (endpoint.startsWith("http://" + wildcard + ":")) {
                endpoint = "http://127.0.0.1" + endpoint.substring(("http://" + wildcard).length());
                break;
            }
        }
        try {
            URI uri = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
            String host = uri.getHost();
            if (host == null || uri.getPort() < 0) {
                return null;
            }
            return new URI("http", null, host, uri.getPort(), uri.getPath() + "postmottak/login.html", null, null);
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String first(Map<String, Object> properties) {
        Object value = properties.get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT);
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof String[] a && a.length > 0) {
            return a[0];
        }
        if (value instanceof Collection<?> c && !c.isEmpty()) {
            return String.valueOf(c.iterator().next());
        }
        return null;
    }
}
