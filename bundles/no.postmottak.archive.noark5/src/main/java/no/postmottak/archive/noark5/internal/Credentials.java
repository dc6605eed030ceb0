package no.postmottak.archive.noark5.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import no.postmottak.api.archive.ArchiveException;

/** How requests to the archive authenticate: an {@code Authorization} header value, renewed when refused. */
interface Credentials {

    /** The header value for the next request. */
    String authorization() throws ArchiveException;

    /**
     * The server answered 401 to {@code authorization}.
     *
     * @return whether a second attempt with {@link #authorization()} may succeed (a token can be renewed; a
     *         password cannot)
     */
    boolean refused(String authorization);

    /** HTTP Basic (RFC 7617), for cores that advertise it. The password is only ever in the header. */
    static Credentials basic(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("Basic authentication needs username and .password");
        }
        String header = "Basic " + Base64.getEncoder().encodeToString((username.strip() + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return new Credentials() {
            @Override
            public String authorization() {
                return header;
            }

            @Override
            public boolean refused(String authorization) {
                return false;
            }

            @Override
            public String toString() {
                return "Basic[" + username.strip() + "]";
            }
        };
    }
}
