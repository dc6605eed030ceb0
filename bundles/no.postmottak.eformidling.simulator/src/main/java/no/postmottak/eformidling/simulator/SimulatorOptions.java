package no.postmottak.eformidling.simulator;

/**
 * Where the simulator listens and whom it lets in.
 *
 * @param host     bind address
 * @param port     TCP port, 0 = any free port
 * @param username the fagsystem user the API requires (HTTP Basic, as IP v4 does by default), or null for an open API
 * @param password its password
 * @since 1.0.0
 */
public record SimulatorOptions(String host, int port, String username, String password) {

    /** The default user of the simulator (and of the demo). */
    public static final String DEFAULT_USERNAME = "postmottak";
    public static final String DEFAULT_PASSWORD = "hemmelig";

    public SimulatorOptions {
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
    }

    /** Loopback on {@code port}, with the default user. */
    public static SimulatorOptions loopback(int port) {
        return new SimulatorOptions("127.0.0.1", port, DEFAULT_USERNAME, DEFAULT_PASSWORD);
    }

    @Override
    public String toString() {
        return "SimulatorOptions[" + host + ":" + port + ", user=" + username + "]";
    }
}
