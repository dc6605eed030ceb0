package no.postmottak.svarinn.simulator;

/**
 * The printed sender ({@code avsender}) of a forsendelse. It has no orgnr; SvarUt uses
 * {@code adresselinje1..3} here. Fields may be null or empty.
 *
 * @param navn          name
 * @param adresselinje1 first address line
 * @param adresselinje2 second address line
 * @param adresselinje3 third address line
 * @param postnr        postal code
 * @param poststed      postal place
 * @since 1.0.0
 */
public record Avsender(String navn, String adresselinje1, String adresselinje2, String adresselinje3,
                       String postnr, String poststed) {

    /**
     * A sender with one address line.
     *
     * @param navn          name
     * @param adresselinje1 address line
     * @param postnr        postal code
     * @param poststed      postal place
     * @return the sender
     */
    public static Avsender of(String navn, String adresselinje1, String postnr, String poststed) {
        return new Avsender(navn, adresselinje1, "", "", postnr, poststed);
    }
}
