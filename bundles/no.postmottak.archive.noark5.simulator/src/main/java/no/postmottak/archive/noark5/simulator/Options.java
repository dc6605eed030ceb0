package no.postmottak.archive.noark5.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * How a {@link Noark5Simulator} is set up.
 *
 * @param port          TCP port on 127.0.0.1, 0 for a free one
 * @param pathSegment   the segment under {@code /n5/} where the API lives (its hrefs start there)
 * @param clientId      the OAuth2 client
 * @param clientSecret  its secret, or null for a public client (password grant only)
 * @param users         user name → password, for the password grant and Basic
 * @param basic         whether HTTP Basic is offered (and advertised on the root)
 * @param bulkLimit     {@code bulkgrense}: larger files must use the chunked upload
 * @param tokenLifetime how long an issued token lives
 * @param pageSize      the most members a list page holds ({@code next} leads on)
 * @since 1.0.0
 */
public record Options(int port, String pathSegment, String clientId, String clientSecret, Map<String, String> users,
                      boolean basic, long bulkLimit, Duration tokenLifetime, int pageSize) {

    public Options {
        if (pathSegment == null || !pathSegment.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("pathSegment must be letters, digits or '-': " + pathSegment);
        }
        users = users == null ? Map.of() : Map.copyOf(users);
        if (bulkLimit <= 0 || pageSize <= 0) {
            throw new IllegalArgumentException("bulkLimit and pageSize must be positive");
        }
    }

    /**
     * A free port, a random path (so that no client can guess a URL), client {@code postmottak} with the given
     * secret, user {@code arkivar}, no Basic, the N5WS default {@code bulkgrense} of 150 MiB, tokens for an hour.
     */
    public static Options defaults(String clientSecret) {
        return new Options(0, UUID.randomUUID().toString().substring(0, 8), "postmottak", clientSecret,
                Map.of("arkivar", clientSecret + "-arkivar"), false, 150L * 1024 * 1024, Duration.ofHours(1), 25);
    }

    public Options withPort(int value) {
        return new Options(value, pathSegment, clientId, clientSecret, users, basic, bulkLimit, tokenLifetime,
                pageSize);
    }

    public Options withPathSegment(String value) {
        return new Options(port, value, clientId, clientSecret, users, basic, bulkLimit, tokenLifetime, pageSize);
    }

    public Options withBasic(boolean value) {
        return new Options(port, pathSegment, clientId, clientSecret, users, value, bulkLimit, tokenLifetime,
                pageSize);
    }

    public Options withBulkLimit(long bytes) {
        return new Options(port, pathSegment, clientId, clientSecret, users, basic, bytes, tokenLifetime, pageSize);
    }

    public Options withPageSize(int value) {
        return new Options(port, pathSegment, clientId, clientSecret, users, basic, bulkLimit, tokenLifetime, value);
    }

    @Override
    public String toString() {
        return "Options[port " + port + ", /n5/" + pathSegment + "/, client " + clientId + ", users "
                + users.keySet() + ", basic " + basic + ", bulkgrense " + bulkLimit + "]";
    }
}
