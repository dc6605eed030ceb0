package no.postmottak.api;

import java.util.List;
import java.util.Objects;

/**
 * A sender, recipient or reply-to party as the channel described it. Every field but {@code name} may be null;
 * {@code addressLines} is never null.
 *
 * @param name        display name, never null (empty when the channel gave none)
 * @param orgnr       organisation number (9 digits) or null
 * @param fnr         national identity number of a person, or null; personal data, never logged
 * @param addressLines street or post-box lines, without blanks
 * @param postnr      postal code or null
 * @param poststed    postal town or null
 * @param land        country or null (null means Norway)
 */
public record Party(String name, String orgnr, String fnr, List<String> addressLines, String postnr, String poststed,
                    String land) {

    public Party {
        name = name == null ? "" : name;
        addressLines = addressLines == null ? List.of()
                : addressLines.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).toList();
    }

    /** A party known only by name and organisation number. */
    public static Party organisation(String name, String orgnr) {
        return new Party(name, orgnr, null, List.of(), null, null, null);
    }

    @Override
    public String toString() {
        // The national identity number is personal data: keep it out of logs.
        return "Party[" + name + (orgnr != null ? ", orgnr=" + orgnr : "") + (fnr != null ? ", fnr=***" : "") + "]";
    }
}
