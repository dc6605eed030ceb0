package no.postmottak.svarinn.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import no.postmottak.svarinn.simulator.Mottakersystem;

/** HTTP Basic against the registered mottakersystems; passwords compared in constant time, never logged. */
final class BasicAuth {
    /** The realm KS's own SvarUt test double announces (the production realm is undocumented). */
    static final String CHALLENGE = "Basic realm=\"KS Svarut mottaker login\"";

    private final ForsendelseStore store;

    BasicAuth(ForsendelseStore store) {
        this.store = store;
    }

    Optional<Mottakersystem> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String user = decoded.substring(0, colon);
        byte[] given = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        return store.system(user)
                .filter(m -> MessageDigest.isEqual(m.passord().getBytes(StandardCharsets.UTF_8), given));
    }
}
