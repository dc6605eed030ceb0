package no.postmottak.keystore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.postmottak.api.keystore.KeyInfo;

class KeyListingTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static KeyInfo key(Instant notAfter, String problem) {
        return new KeyInfo("no.postmottak.keystore.key~a", "a.p12", "CN=a", "CN=a", "2A", notAfter, "acc",
                List.of("1", "2"), problem);
    }

    @Test
    void flagsExpiryWithin30DaysAndShowsProblems() {
        List<List<String>> rows = KeyListing.rows(List.of(key(NOW.plus(Duration.ofDays(400)), null),
                key(NOW.plus(Duration.ofDays(10)), null), key(NOW.minus(Duration.ofDays(1)), null),
                new KeyInfo("b", "b.p12", null, null, null, null, "", List.of(), "Wrong password for b.p12")), NOW);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsExactly("no.postmottak.keystore.key~a", "a.p12", "CN=a", "2A", "2027-12-31",
                "acc", "1,2", "");
        assertThat(rows.get(1).get(4)).isEqualTo("2026-12-06 (UTLØPER SNART)");
        assertThat(rows.get(2).get(4)).endsWith("(UTLØPT)");
        assertThat(rows.get(3).get(7)).isEqualTo("Wrong password for b.p12");
        assertThat(KeyListing.HEADERS).hasSize(rows.get(0).size());
    }
}
