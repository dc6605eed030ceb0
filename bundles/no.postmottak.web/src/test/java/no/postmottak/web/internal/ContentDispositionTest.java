package no.postmottak.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void norwegianLettersGoIntoFilenameStarWithAnAsciiFallback() {
        assertThat(ContentDisposition.attachment("Svar på søknad – Ærlig.pdf")).isEqualTo(
                "attachment; filename=\"Svar p_ s_knad _ _rlig.pdf\"; "
                        + "filename*=UTF-8''Svar%20p%C3%A5%20s%C3%B8knad%20%E2%80%93%20%C3%86rlig.pdf");
    }

    @Test
    void quotesControlCharactersAndPathsCannotBreakTheHeader() {
        String header = ContentDisposition.inline("..\\\\evil/\"a\";\r\nSet-Cookie: x=1.pdf");
        assertThat(header).doesNotContain("\r", "\n", "evil/");
        assertThat(header).startsWith("inline; filename=\"_a_;__Set-Cookie: x=1.pdf\"; filename*=UTF-8''");
        assertThat(header.substring(header.indexOf("filename*="))).doesNotContain("\"", ";", " ");
    }

    @Test
    void aBlankNameBecomesDokument() {
        assertThat(ContentDisposition.attachment(" ")).isEqualTo(
                "attachment; filename=\"dokument\"; filename*=UTF-8''dokument");
    }
}
