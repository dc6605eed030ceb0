package no.postmottak.svarinn.internal.json;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A link the sender included: V1 {@code urlLenke}/{@code urlTekst}, V2 {@code lenke}/{@code tekst}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Lenke(String ledetekst, @JsonAlias("lenke") String urlLenke, @JsonAlias("tekst") String urlTekst) {
}
