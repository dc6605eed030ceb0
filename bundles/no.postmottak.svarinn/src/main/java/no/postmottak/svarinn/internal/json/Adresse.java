package no.postmottak.svarinn.internal.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A SvarInn address: {@code mottaker} and {@code svarSendesTil} use {@code adresse1..3}, {@code avsender} uses
 * {@code adresselinje1..3} and has no organisation number. One class reads both shapes.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Adresse(String navn, String adresse1, String adresse2, String adresse3, String adresselinje1,
                      String adresselinje2, String adresselinje3, String postnr, String poststed, String land,
                      String orgnr, String fnr) {

    public boolean isEmpty() {
        return blank(navn) && blank(orgnr) && blank(fnr);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
