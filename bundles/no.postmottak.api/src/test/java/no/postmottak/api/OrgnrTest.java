package no.postmottak.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class OrgnrTest {

    @Test
    void splitsWhatACfgFileDeliversAsOneString() {
        assertThat(Orgnr.parseList("921123450, 921765436,964000123")).containsExactly("921123450", "921765436",
                "964000123");
        assertThat(Orgnr.parseList("[\"921123450\"; '964000123']")).containsExactly("921123450", "964000123");
    }

    @Test
    void keepsOrderAndDropsDuplicatesAndBlanks() {
        assertThat(Orgnr.parseList("964000123", " ", "921123450 964000123", null))
                .containsExactly("964000123", "921123450");
        assertThat(Orgnr.parseList("921 123 450, 964 000 123")).containsExactly("921123450", "964000123");
        assertThat(Orgnr.parseList((String[]) null)).isEmpty();
        assertThat(Orgnr.parseList()).isEmpty();
    }

    @Test
    void refusesWhatIsNotNineDigitsAndNamesIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> Orgnr.parseList("921123450, 92112345"))
                .withMessageContaining("92112345");
        assertThatIllegalArgumentException().isThrownBy(() -> Orgnr.parseList("921 123 45"))
                .withMessageContaining("921");
        assertThat(Orgnr.isValid("921123450")).isTrue();
        assertThat(Orgnr.isValid("92112345a")).isFalse();
        assertThat(Orgnr.isValid(null)).isFalse();
    }
}
