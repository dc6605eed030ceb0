package no.postmottak.svarinn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class OrgnrClaimsTest {

    private final OrgnrClaims claims = new OrgnrClaims();

    @Test
    void theSecondAccountClaimingAnOrgnrIsRefusedNamingBoth() {
        assertThat(claims.claim("kommune", Set.of("910229028", "910077473"))).isEmpty();
        assertThat(claims.claim("fagsystem", Set.of("910229028"))).hasValueSatisfying(why -> assertThat(why)
                .contains("To systemer kan ikke hente for samme organisasjonsnummer")
                .contains("910229028").contains("«kommune»").contains("«fagsystem»"));
        assertThat(claims.claim("kommune", Set.of("910229028"))).as("re-claiming one's own").isEmpty();
    }

    @Test
    void releasedOrgnrsCanBeClaimedAgain() {
        claims.claim("gammel", Set.of("910229028"));
        claims.release("gammel");
        assertThat(claims.claim("ny", Set.of("910229028"))).isEmpty();
    }
}
