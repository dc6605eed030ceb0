package no.postmottak.archive.noark5.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.simulator.http.StatusException;

class ODataFilterTest {

    private final ObjectNode saksmappe = N5Api.JSON.createObjectNode().put("saksaar", 2024)
            .put("sakssekvensnummer", 123).put("tittel", "Bygg – O'Brien & co");

    @Test
    void matchesNumbersStringsWithQuotesAndCodePaths() {
        saksmappe.set("saksstatus", Rules.code("B", "Under behandling"));
        assertThat(ODataFilter.parse("saksaar eq 2024 and sakssekvensnummer eq 123", true).matches(saksmappe)).isTrue();
        assertThat(ODataFilter.parse("saksaar eq 2024 and sakssekvensnummer eq 124", true).matches(saksmappe)).isFalse();
        assertThat(ODataFilter.parse("tittel eq 'Bygg – O''Brien & co'", true).matches(saksmappe)).isTrue();
        assertThat(ODataFilter.parse("saksstatus/kode eq 'B'", true).matches(saksmappe)).isTrue();
    }

    @Test
    void filtersOnVirksomhetsspesifikkeMetadataUnlessSwitchedOff() {
        saksmappe.putObject("virksomhetsspesifikkeMetadata").put("vnd-postmottak-v1:elementid", "abc");
        assertThat(ODataFilter.parse("vnd-postmottak-v1:elementid eq 'abc'", true).matches(saksmappe)).isTrue();
        assertThatThrownBy(() -> ODataFilter.parse("vnd-postmottak-v1:elementid eq 'abc'", false))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void unsupportedSyntaxIsABadRequest() {
        for (String f : new String[] {"saksaar gt 2020", "saksaar eq 2024 or saksaar eq 2025", "tittel eq 'open",
                "startswith(tittel, 'x')", "saksaar eq"}) {
            assertThatThrownBy(() -> ODataFilter.parse(f, true)).as(f).isInstanceOf(StatusException.class);
        }
    }
}
