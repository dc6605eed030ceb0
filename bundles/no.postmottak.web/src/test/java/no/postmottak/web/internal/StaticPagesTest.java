package no.postmottak.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which paths are pages, with which type and tag: the lookup alone, without a server. */
class StaticPagesTest {

    private final StaticPages pages = new StaticPages(StaticPagesTest.class.getClassLoader());

    @Test
    void everyKnownFileIsFoundWithItsContentAndAUtf8Type() throws IOException {
        for (String name : StaticPages.FILES) {
            StaticPages.File file = pages.find("/" + name).orElseThrow();
            try (InputStream in = StaticPagesTest.class.getResourceAsStream("/static/" + name)) {
                assertThat(file.content()).as(name).isEqualTo(in.readAllBytes());
            }
            assertThat(file.contentType()).as(name).endsWith(";charset=UTF-8");
            assertThat(file.etag()).as(name).matches("\"[A-Za-z0-9_-]{22}\"");
        }
        assertThat(pages.find("/login.html").orElseThrow().contentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(pages.find("/app.js").orElseThrow().contentType()).isEqualTo("text/javascript;charset=UTF-8");
        assertThat(pages.find("/app.css").orElseThrow().contentType()).isEqualTo("text/css;charset=UTF-8");
        assertThat(pages.find("/app.js").orElseThrow().etag()).isNotEqualTo(pages.find("/app.css").orElseThrow()
                .etag());
    }

    @Test
    void nothingButAKnownNameIsFound() {
        List<String> paths = List.of("", "/", "app.js", "/app.js/", "/APP.JS", "/static/app.js", "/./app.js",
                "/../static/app.js", "/..", "/%2e%2e/app.js", "/app.js%2F", "/app.js/../login.html", "//app.js",
                "/app.js\u0000", "/app.js;x", "/app.js?x", "/no/postmottak/web/internal/StaticPages.class",
                "/META-INF/MANIFEST.MF", "/users.properties", "/static", "/static/");
        for (String path : paths) {
            assertThat(pages.find(path)).as(path).isEmpty();
        }
    }

    @Test
    void ifNoneMatchComparesWeaklyAndUnderstandsListsAndTheStar() {
        String etag = "\"abc\"";
        assertThat(StaticPages.matches(null, etag)).isFalse();
        assertThat(StaticPages.matches("\"abd\"", etag)).isFalse();
        assertThat(StaticPages.matches("abc", etag)).isFalse();
        assertThat(StaticPages.matches("\"abc\"", etag)).isTrue();
        assertThat(StaticPages.matches("W/\"abc\"", etag)).isTrue();
        assertThat(StaticPages.matches("\"x\", \"abc\"", etag)).isTrue();
        assertThat(StaticPages.matches("*", etag)).isTrue();
    }

    @Test
    void aFileMissingFromTheBundleFailsAtStartNotAtTheFirstClick() {
        ClassLoader empty = new ClassLoader(null) {
        };
        assertThatThrownBy(() -> new StaticPages(empty)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("static/login.html");
    }
}
