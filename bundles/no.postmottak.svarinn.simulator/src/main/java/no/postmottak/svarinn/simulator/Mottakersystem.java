package no.postmottak.svarinn.simulator;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A receiving system registered in SvarUt: HTTP Basic credentials, the uploaded receiver certificate that every
 * payload is encrypted to, and one or more routing registrations. {@link #toString()} never shows the password.
 *
 * @param navn           display name
 * @param brukernavn     user name (UUID-like in SvarUt)
 * @param passord        service password
 * @param sertifikat     receiver certificate (RSA)
 * @param registreringer routing registrations, at least one
 * @since 1.0.0
 */
public record Mottakersystem(String navn, String brukernavn, String passord, X509Certificate sertifikat,
                             List<Registrering> registreringer) {

    /** Validates and copies. */
    public Mottakersystem {
        Objects.requireNonNull(brukernavn, "brukernavn");
        Objects.requireNonNull(passord, "passord");
        Objects.requireNonNull(sertifikat, "sertifikat");
        registreringer = List.copyOf(registreringer);
        if (registreringer.isEmpty()) {
            throw new IllegalArgumentException("a mottakersystem needs at least one registrering");
        }
    }

    /**
     * A mottakersystem receiving everything (all types, all levels) for the given orgnrs.
     *
     * @param navn       display name
     * @param brukernavn user name
     * @param passord    password
     * @param sertifikat receiver certificate
     * @param orgnrs     organisation numbers
     * @return the mottakersystem
     */
    public static Mottakersystem of(String navn, String brukernavn, String passord, X509Certificate sertifikat,
                                    String... orgnrs) {
        return new Mottakersystem(navn, brukernavn, passord, sertifikat,
                Arrays.stream(orgnrs).map(Registrering::alle).toList());
    }

    /** @return the orgnrs this system is registered for, without duplicates */
    public List<String> orgnrs() {
        return registreringer.stream().map(Registrering::orgnr).distinct().toList();
    }

    @Override
    public String toString() {
        return "Mottakersystem[" + navn + ", brukernavn=" + brukernavn + ", orgnrs=" + orgnrs() + "]";
    }

    /**
     * One routing registration: (orgnr, forsendelseType, nivå), where a null type or level means "all".
     * When several registrations match a forsendelse, the most specific wins: a specific type counts more than a
     * specific level; equally specific registrations of different systems all see it.
     *
     * @param orgnr           organisation number
     * @param forsendelseType forsendelse type, or null for all types
     * @param niva            "3" or "4", or null for all levels
     * @since 1.0.0
     */
    public record Registrering(String orgnr, String forsendelseType, String niva) {
        /** Validates. */
        public Registrering {
            Objects.requireNonNull(orgnr, "orgnr");
        }

        /**
         * @param orgnr organisation number
         * @return a registration for all types and levels
         */
        public static Registrering alle(String orgnr) {
            return new Registrering(orgnr, null, null);
        }
    }
}
