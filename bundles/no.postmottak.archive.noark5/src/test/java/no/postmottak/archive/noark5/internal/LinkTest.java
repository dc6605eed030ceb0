package no.postmottak.archive.noark5.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LinkTest {

    @Test
    void readsTheSpecsAmpersandTemplateAndRfc6570Commas() {
        Link spec = new Link("https://n5.example/api/sakarkiv/saksmappe{?$filter&$orderby&$top&$skip&$search}", true);
        Link rfc = new Link("https://n5.example/x/{?$filter,$top}", true);
        assertThat(spec.accepts("$filter")).isTrue();
        assertThat(rfc.parameters()).containsExactlyInAnyOrder("$filter", "$top");
    }

    @Test
    void aPlainLinkAdvertisesNothingEvenIfItLooksTemplated() {
        assertThat(new Link("https://n5.example/x{?$filter}", false).accepts("$filter")).isFalse();
        assertThat(new Link("https://n5.example/x", true).parameters()).isEmpty();
    }

    @Test
    void expandsWithPercentEncodingAndKeepsAnExistingQuery() {
        Link link = new Link("https://n5.example/api/saksmappe?arkivdel=7{?$filter&$top}", true);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("$filter", "saksaar eq 2024 and tittel eq 'Ærøy & co'");
        values.put("$top", "1");
        assertThat(link.expand(values)).isEqualTo("https://n5.example/api/saksmappe?arkivdel=7"
                + "&$filter=saksaar%20eq%202024%20and%20tittel%20eq%20%27%C3%86r%C3%B8y%20%26%20co%27&$top=1");
        assertThat(link.plain()).isEqualTo("https://n5.example/api/saksmappe?arkivdel=7");
    }

    @Test
    void odataLiteralsDoubleTheirQuotes() {
        assertThat(Search.literal("O'Brien")).isEqualTo("'O''Brien'");
    }
}
