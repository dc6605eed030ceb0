package no.postmottak.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentResponsesTest {

    @ParameterizedTest
    @CsvSource({
        "application/pdf, application/pdf",
        "APPLICATION/PDF; name=x, application/pdf",
        "text/plain, text/plain",
        "image/png, image/png",
        "text/html, application/octet-stream",
        "image/svg+xml, application/octet-stream",
        "application/xhtml+xml, application/octet-stream",
        "application/vnd.foo+xml, application/octet-stream",
        "text/javascript, application/octet-stream",
        "'', application/octet-stream",
        "'text/plain\r\nX: y', application/octet-stream",
        "nonsense, application/octet-stream"})
    void activeOrMalformedTypesAreServedAsBytes(String given, String served) {
        assertThat(DocumentResponses.safeType(given)).isEqualTo(served);
    }
}
