package no.postmottak.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class MultipartTest {

    @Test
    void readsRelatedAndFormDataParts() {
        String body = "preamble\r\n--b1\r\nContent-Type: application/json\r\n\r\n{\"a\":1}\r\n"
                + "--b1\r\nContent-Id: <content1>\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"x.pdf\"; filename*=UTF-8''%C3%85sg%C3%A5rd+1.pdf\r\n\r\n\r\nbinært\r\n--b1--\r\n";
        List<Multipart.Part> parts = Multipart.parse(body.getBytes(StandardCharsets.UTF_8), "b1");
        assertThat(parts).hasSize(2);
        assertThat(new String(parts.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(parts.get(0).header("CONTENT-TYPE")).isEqualTo("application/json");
        Multipart.Part file = parts.get(1);
        assertThat(file.contentId()).isEqualTo("content1");
        assertThat(file.name()).isEqualTo("file");
        assertThat(file.fileName()).as("filename* wins, + is literal").isEqualTo("Åsgård+1.pdf");
        assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo("\r\nbinært");
    }

    @Test
    void findsTheBoundaryQuotedOrNot() {
        assertThat(Multipart.boundary("multipart/related; boundary=\"a b\"; type=\"application/json\""))
                .isEqualTo("a b");
        assertThat(Multipart.boundary("multipart/form-data; BOUNDARY=xyz")).isEqualTo("xyz");
        assertThat(Multipart.boundary("application/json")).isNull();
        assertThat(Multipart.boundary(null)).isNull();
    }

    @Test
    void malformedBodiesSayWhy() {
        assertThatThrownBy(() -> Multipart.parse("ingen grense".getBytes(StandardCharsets.UTF_8), "b"))
                .hasMessageContaining("boundary");
        assertThatThrownBy(() -> Multipart.parse("--b\r\nX: y\r\n\r\nuten slutt".getBytes(StandardCharsets.UTF_8), "b"))
                .hasMessageContaining("closing boundary");
        assertThat(Multipart.parse("--b--".getBytes(StandardCharsets.UTF_8), "b")).isEmpty();
    }
}
