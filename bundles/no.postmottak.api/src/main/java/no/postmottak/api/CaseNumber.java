package no.postmottak.api;

import java.util.Optional;

/**
 * A Noark case number (saksnummer): case year and sequence number, written {@code 2024/412}.
 *
 * @param saksaar           the case year, positive
 * @param sakssekvensnummer the sequence number within the year, positive
 */
public record CaseNumber(int saksaar, int sakssekvensnummer) {

    public CaseNumber {
        if (saksaar <= 0 || sakssekvensnummer <= 0) {
            throw new IllegalArgumentException("Ugyldig saksnummer " + saksaar + "/" + sakssekvensnummer
                    + ": saksår og sekvensnummer må begge være større enn 0");
        }
    }

    /** The case number when both parts are positive; empty for the "not given" values 0 and -1 senders use. */
    public static Optional<CaseNumber> ofNullable(Integer saksaar, Integer sakssekvensnummer) {
        if (saksaar == null || sakssekvensnummer == null || saksaar <= 0 || sakssekvensnummer <= 0) {
            return Optional.empty();
        }
        return Optional.of(new CaseNumber(saksaar, sakssekvensnummer));
    }

    /** Parses {@code 2024/412}. */
    public static CaseNumber parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Saksnummer må skrives som år/sekvensnummer, f.eks. 2024/412: " + text);
        }
        try {
            return new CaseNumber(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Saksnummer må skrives som år/sekvensnummer, f.eks. 2024/412: " + text, e);
        }
    }

    @Override
    public String toString() {
        return saksaar + "/" + sakssekvensnummer;
    }
}
