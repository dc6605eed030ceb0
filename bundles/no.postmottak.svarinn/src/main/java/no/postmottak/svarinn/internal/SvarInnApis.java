package no.postmottak.svarinn.internal;

import java.util.Locale;

/** The API version an account configuration names. */
public final class SvarInnApis {

    private SvarInnApis() {
    }

    /** {@code v2} (also the default when blank) or {@code v1}; anything else is a configuration error. */
    public static SvarInnApi of(String version, SvarInnHttp http) {
        String v = version == null || version.isBlank() ? "v2" : version.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "v2", "2" -> new SvarInnV2Client(http);
            case "v1", "1" -> new SvarInnV1Client(http);
            default -> throw new IllegalArgumentException("Ukjent api.version '" + version + "' for SvarInn: bruk v2"
                    + " eller v1");
        };
    }
}
