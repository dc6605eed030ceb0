package no.postmottak.svarinn.simulator;

import java.util.Objects;

/**
 * Where the simulator listens.
 *
 * @param host     bind address, e.g. {@code 127.0.0.1}; also used in the absolute {@code downloadUrl}
 * @param port     TCP port, 0 = any free port
 * @param basePath base path of the SvarInn API, default {@value #DEFAULT_BASE_PATH}
 * @since 1.0.0
 */
public record SimulatorOptions(String host, int port, String basePath) {
    /** The base path of the real service. */
    public static final String DEFAULT_BASE_PATH = "/tjenester/svarinn";

    /** Validates and normalises the base path (leading slash, no trailing slash). */
    public SimulatorOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        String p = basePath == null || basePath.isBlank() ? DEFAULT_BASE_PATH : basePath.trim();
        p = p.startsWith("/") ? p : "/" + p;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        basePath = p;
    }

    /**
     * @param port TCP port, 0 = any free port
     * @return loopback options with the default base path
     */
    public static SimulatorOptions loopback(int port) {
        return new SimulatorOptions("127.0.0.1", port, DEFAULT_BASE_PATH);
    }
}
