package no.postmottak.archive.noark5.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;
import no.postmottak.archive.noark5.internal.Noark5Settings.AuthMethod;
import no.postmottak.archive.noark5.internal.Noark5Settings.Login;
import no.postmottak.archive.noark5.simulator.Options;

/** Logging in as the archive's root advertises: OAuth2 client credentials, password grant, Basic. */
class Noark5LoginTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private SimulatorSetup setup;

    @AfterEach
    void stop() {
        setup.close();
    }

    @Test
    void thePasswordGrantIsUsedWhenAUserIsConfigured() throws Exception {
        setup = new SimulatorSetup();
        setup.archiver(setup.settings(AuthMethod.AUTO, new Login("postmottak", SimulatorSetup.SECRET, "arkivar",
                SimulatorSetup.SECRET + "-arkivar", null), TIMEOUT)).archive(SimulatorSetup.request(1));
        assertThat(setup.sim.journalposts()).hasSize(1);
        assertThat(setup.sim.tokensIssued()).isEqualTo(1);
    }

    @Test
    void basicIsUsedWhenTheArchiveOffersItAndNoClientIsConfigured() throws Exception {
        setup = new SimulatorSetup(Options.defaults(SimulatorSetup.SECRET).withBasic(true));
        setup.archiver(setup.settings(AuthMethod.AUTO, new Login(null, null, "arkivar",
                SimulatorSetup.SECRET + "-arkivar", null), TIMEOUT)).archive(SimulatorSetup.request(1));
        assertThat(setup.sim.journalposts()).hasSize(1);
        assertThat(setup.sim.tokensIssued()).isZero();
    }

    @Test
    void aWrongSecretIsRefusedWithoutShowingIt() {
        setup = new SimulatorSetup();
        assertThatThrownBy(() -> setup.archiver(setup.settings(AuthMethod.OAUTH2_CLIENT_CREDENTIALS,
                new Login("postmottak", "feil-hemmelighet", null, null, null), TIMEOUT))
                .archive(SimulatorSetup.request(1)))
                .isInstanceOfSatisfying(ArchiveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED))
                .hasMessageContaining("invalid_client").hasMessageNotContaining("feil-hemmelighet");
    }

    @Test
    void basicWithAWrongPasswordIsRefused() {
        setup = new SimulatorSetup(Options.defaults(SimulatorSetup.SECRET).withBasic(true));
        assertThatThrownBy(() -> setup.archiver(setup.settings(AuthMethod.BASIC, new Login(null, null, "arkivar",
                "galt-passord", null), TIMEOUT)).archive(SimulatorSetup.request(1)))
                .isInstanceOfSatisfying(ArchiveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED))
                .hasMessageContaining("401").hasMessageNotContaining("galt-passord");
    }

    @Test
    void noUsableLoginNeedsAnAdministrator() {
        setup = new SimulatorSetup();
        assertThatThrownBy(() -> setup.archiver(setup.settings(AuthMethod.AUTO, new Login(null, null, null, null,
                null), TIMEOUT)).archive(SimulatorSetup.request(1)))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TARGET_NOT_AVAILABLE));
    }
}
