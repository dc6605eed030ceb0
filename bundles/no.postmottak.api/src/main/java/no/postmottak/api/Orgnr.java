package no.postmottak.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Organisation numbers (organisasjonsnummer, 9 digits) as operators write them in configuration. A list may come as
 * a real array or as one string from a {@code .cfg} file ({@code 921123450, 964000123}, or {@code [a, b]}), so every
 * element is split on commas, semicolons, brackets and quotes. White space also separates numbers, except inside one
 * number written in groups ({@code 921 123 450}).
 */
public final class Orgnr {

    private static final Pattern SEPARATORS = Pattern.compile("[\\[\\]\"',;]+");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");

    private Orgnr() {
    }

    /**
     * @param orgnr a candidate
     * @return whether it has the form of an organisation number (9 digits; the MOD11 check digit is not required,
     *         since test organisations in SvarUt's test environment do not always have one)
     */
    public static boolean isValid(String orgnr) {
        return orgnr != null && NINE_DIGITS.matcher(orgnr).matches();
    }

    /**
     * @param configured the configured values, possibly {@code null}, each possibly holding several numbers
     * @return the numbers in their configured order, without duplicates; empty when none are configured
     * @throws IllegalArgumentException naming the first value that is not 9 digits
     */
    public static Set<String> parseList(String... configured) {
        if (configured == null) {
            return Set.of();
        }
        Set<String> orgnrs = new LinkedHashSet<>();
        Arrays.stream(configured).filter(s -> s != null)
                .flatMap(SEPARATORS::splitAsStream).map(String::strip).filter(s -> !s.isEmpty())
                .flatMap(Orgnr::numbersIn)
                .forEach(orgnr -> {
                    if (!isValid(orgnr)) {
                        throw new IllegalArgumentException("Ikke et organisasjonsnummer (9 siffer): " + orgnr);
                    }
                    orgnrs.add(orgnr);
                });
        return Collections.unmodifiableSet(orgnrs);
    }

    private static Stream<String> numbersIn(String element) {
        String joined = WHITE_SPACE.matcher(element).replaceAll("");
        return isValid(joined) ? Stream.of(joined) : WHITE_SPACE.splitAsStream(element);
    }
}
