package no.postmottak.archive.noark5.simulator;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.simulator.http.StatusException;

/**
 * The OData {@code $filter} subset N5WS calls the basic level: {@code field eq value} terms joined by {@code and},
 * on direct fields, code-list paths ({@code journalposttype/kode}) and virksomhetsspesifikke metadata
 * ({@code vnd-x-v1:field}). Values are numbers, {@code true}/{@code false} or quoted strings ({@code ''} for a quote).
 * Anything else is a 400, as a core that does not support it would answer.
 */
final class ODataFilter {

    private record Term(String field, String value) {
    }

    private final List<Term> terms;

    private ODataFilter(List<Term> terms) {
        this.terms = terms;
    }

    /**
     * @param metadataFilters whether fields of virksomhetsspesifikke metadata may be filtered on
     * @throws StatusException 400 for syntax the simulator does not support
     */
    static ODataFilter parse(String text, boolean metadataFilters) {
        List<Term> terms = new ArrayList<>();
        Tokens t = new Tokens(text == null ? "" : text.strip());
        do {
            String field = t.word();
            if (field.contains(":") && !metadataFilters) {
                throw new StatusException(400, "Filter på virksomhetsspesifikke metadata (" + field
                        + ") støttes ikke");
            }
            if (!"eq".equals(t.word())) {
                throw new StatusException(400, "Ugyldig $filter: bare «felt eq verdi» og «and» støttes: " + text);
            }
            terms.add(new Term(field, t.value()));
        } while (t.andFollows());
        return new ODataFilter(terms);
    }

    boolean matches(ObjectNode fields) {
        for (Term term : terms) {
            JsonNode node = term.field().contains(":")
                    ? fields.path("virksomhetsspesifikkeMetadata").path(term.field())
                    : fields.at("/" + term.field());
            if (!node.isValueNode() || !node.asText().equals(term.value())) {
                return false;
            }
        }
        return true;
    }

    /** A small tokenizer that knows quoted strings. */
    private static final class Tokens {
        private final String s;
        private int pos;

        Tokens(String s) {
            this.s = s;
        }

        String word() {
            skipBlanks();
            int start = pos;
            while (pos < s.length() && s.charAt(pos) != ' ') {
                pos++;
            }
            if (start == pos) {
                throw new StatusException(400, "Ugyldig $filter: uttrykket slutter for tidlig: " + s);
            }
            return s.substring(start, pos);
        }

        String value() {
            skipBlanks();
            if (pos < s.length() && s.charAt(pos) == '\'') {
                StringBuilder b = new StringBuilder();
                for (pos++; pos < s.length(); pos++) {
                    char c = s.charAt(pos);
                    if (c == '\'' && pos + 1 < s.length() && s.charAt(pos + 1) == '\'') {
                        b.append('\'');
                        pos++;
                    } else if (c == '\'') {
                        pos++;
                        return b.toString();
                    } else {
                        b.append(c);
                    }
                }
                throw new StatusException(400, "Ugyldig $filter: tekst uten avsluttende apostrof: " + s);
            }
            return word();
        }

        boolean andFollows() {
            skipBlanks();
            if (pos >= s.length()) {
                return false;
            }
            if (!"and".equals(word())) {
                throw new StatusException(400, "Ugyldig $filter: bare «and» kan binde sammen vilkår: " + s);
            }
            return true;
        }

        private void skipBlanks() {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }
    }
}
