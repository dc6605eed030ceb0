package no.postmottak.api.archive.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import no.postmottak.api.archive.ArchiveException;

class HttpFailuresTest {

    @ParameterizedTest
    @CsvSource({"500,true", "503,true", "408,true", "409,true", "429,true", "400,false", "401,false", "403,false",
            "404,false", "415,false", "422,false"})
    void onlyTransientStatusesAreRetryable(int status, boolean retryable) {
        ArchiveException e = HttpFailures.forStatus("Arkivet", "oppretting av journalpost", status, null);
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).startsWith("Arkivet").contains(Integer.toString(status));
    }

    @Test
    void theArchivesExplanationIsShortenedToOneLine() {
        ArchiveException e = HttpFailures.forStatus("Arkivet", "opplasting", 400, "Tittel\n  mangler" + "x".repeat(400));
        assertThat(e.getMessage()).contains(": Tittel mangler").endsWith("…").doesNotContain("\n");
    }

    @Test
    void connectionProblemsAreRetryableAndSayWhatHappened() {
        assertThat(HttpFailures.forIo("Arkivet", "opplasting", new HttpTimeoutException("t")).getMessage())
                .contains("svarte ikke i tide");
        assertThat(HttpFailures.forIo("Arkivet", "opplasting", new ConnectException("c")).getMessage())
                .contains("kunne ikke nås");
        assertThat(HttpFailures.forIo("Arkivet", "opplasting", new IOException("x")).isRetryable()).isTrue();
    }
}
