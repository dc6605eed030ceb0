package no.postmottak.svarinn.simulator;

/**
 * A {@code mottaker} or {@code svarSendesTil} address as it appears in the forsendelse JSON
 * ({@code adresse1..3}, unlike {@link Avsender}'s {@code adresselinje1..3}). Every field may be null.
 *
 * @param navn     name
 * @param adresse1 first address line
 * @param adresse2 second address line
 * @param adresse3 third address line
 * @param postnr   postal code
 * @param poststed postal place
 * @param land     country, usually "Norge" or null
 * @param orgnr    organisation number (set for organisations)
 * @param fnr      national identity number (set for persons, e.g. eDialog replies)
 * @since 1.0.0
 */
public record Adresse(String navn, String adresse1, String adresse2, String adresse3, String postnr,
                      String poststed, String land, String orgnr, String fnr) {

    /**
     * An organisation address in Norway.
     *
     * @param navn     name
     * @param adresse1 first address line
     * @param postnr   postal code
     * @param poststed postal place
     * @param orgnr    organisation number
     * @return the address
     */
    public static Adresse organisasjon(String navn, String adresse1, String postnr, String poststed, String orgnr) {
        return new Adresse(navn, adresse1, null, null, postnr, poststed, "Norge", orgnr, null);
    }
}
