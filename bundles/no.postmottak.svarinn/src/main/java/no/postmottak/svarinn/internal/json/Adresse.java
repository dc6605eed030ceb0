package no.postmottak.svarinn.internal.json;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A SvarInn address: in V1 {@code mottaker} and {@code svarSendesTil} use {@code adresse1..3}, {@code avsender} uses
 * {@code adresselinje1..3} and has no organisation number; V2 uses {@code adresselinje1..3} throughout and spells
 * out {@code organisasjonsnummer}, {@code fodselsnummer} and {@code postnummer}. One class reads every shape.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Adresse(String navn, String adresse1, String adresse2, String adresse3, String adresselinje1,
                      String adresselinje2, String adresselinje3, @JsonAlias("postnummer") String postnr,
                      String poststed, String land, @JsonAlias("organisasjonsnummer") String orgnr,
                      @JsonAlias("fodselsnummer") String fnr) {

    public boolean isEmpty() {
        return blank(navn) && blank(orgnr) && blank(fnr);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
