package no.postmottak.archive.noark5.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import no.postmottak.archive.noark5.internal.Noark5Settings.AuthMethod;
import no.postmottak.archive.noark5.internal.Noark5Settings.Login;

class Noark5SettingsTest {

    @Test
    void secretsNeverShowInTheSettingsText() {
        Noark5Settings s = new Noark5Settings(URI.create("https://arkiv.example/api"), AuthMethod.AUTO,
                new Login("postmottak", "klient-hemmelig", "arkivar", "passord-hemmelig", null), null, null, null,
                null, null, null, null, 1024 * 1024, Duration.ofSeconds(5));
        assertThat(s.toString()).contains("postmottak", "arkivar").doesNotContain("hemmelig");
        assertThat(Credentials.basic("arkivar", "passord-hemmelig").toString()).doesNotContain("hemmelig");
    }

    @Test
    void blankValuesAreAbsentAndJournalstatusDefaultsToM() {
        Noark5Settings s = new Noark5Settings(URI.create("http://127.0.0.1:1/api"), AuthMethod.BASIC,
                new Login(" ", "", "u", "p", " "), null, " ", "", "  ", null, "", null, 64 * 1024,
                Duration.ofSeconds(5));
        assertThat(s.arkiv()).isNull();
        assertThat(s.fallbackCase()).isNull();
        assertThat(s.journalstatus()).isEqualTo("M");
        assertThat(s.login().clientId()).isNull();
        assertThat(s.login().clientSecret()).isNull();
    }

    @Test
    void invalidSettingsFailActivation() {
        assertThatThrownBy(() -> AuthMethod.parse("kerberos")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Noark5Settings(URI.create("ftp://x/"), AuthMethod.AUTO,
                new Login(null, null, null, null, null), null, null, null, null, null, null, null, 1 << 20,
                Duration.ofSeconds(1))).hasMessageContaining("root.url");
        assertThat(AuthMethod.parse("OAuth2-Password")).isEqualTo(AuthMethod.OAUTH2_PASSWORD);
    }
}
