package no.postmottak.web.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;

/**
 * Who is on the other end of a request when Karaf sits behind reverse proxies (nginx, Apache, a load balancer).
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed only when the request comes from a configured
 * proxy: anyone else could write them. Without configured proxies this is plain {@code getRemoteAddr()}.
 */
public final class ClientAddress {

    private final Set<String> trustedProxies;

    /** @param trustedProxies the proxies' addresses, exactly as {@code getRemoteAddr()} reports them */
    public ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /**
     * The client's address: walking {@code X-Forwarded-For} from the right (the hop our proxy added), the first
     * address that is not one of our proxies.
     */
    public String of(HttpServletRequest req) {
        String address = req.getRemoteAddr();
        if (!trustedProxies.contains(address)) {
            return address;
        }
        List<String> hops = forwardedFor(req);
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return hops.isEmpty() ? address : hops.get(0);
    }

    /** Whether the browser's connection is HTTPS: directly, or at a trusted proxy that says so. */
    public boolean isSecure(HttpServletRequest req) {
        if (req.isSecure()) {
            return true;
        }
        String proto = req.getHeader("X-Forwarded-Proto");
        return trustedProxies.contains(req.getRemoteAddr()) && proto != null
                && proto.split(",")[0].trim().equalsIgnoreCase("https");
    }

    private static List<String> forwardedFor(HttpServletRequest req) {
        String header = req.getHeader("X-Forwarded-For");
        if (header == null || header.isBlank()) {
            return List.of();
        }
        return Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
