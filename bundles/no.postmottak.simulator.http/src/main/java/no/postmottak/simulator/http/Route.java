package no.postmottak.simulator.http;

import java.util.HashMap;
import java.util.Map;

/** One route: a method and a path pattern whose {@code {name}} segments each match one non-empty segment. */
record Route(String method, String[] segments, Handler handler) {

    static Route of(String method, String pattern, Handler handler) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a route pattern starts with /: " + pattern);
        }
        return new Route(method, pattern.substring(1).split("/", -1), handler);
    }

    /** @return the path parameters when the path matches, else null */
    Map<String, String> match(String path) {
        String[] parts = path.substring(1).split("/", -1);
        if (parts.length != segments.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String s = segments[i];
            if (s.length() > 2 && s.startsWith("{") && s.endsWith("}")) {
                if (parts[i].isEmpty()) {
                    return null;
                }
                params.put(s.substring(1, s.length() - 1), parts[i]);
            } else if (!s.equals(parts[i])) {
                return null;
            }
        }
        return params;
    }
}
