package no.postmottak.svarinn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Set;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.postmottak.api.Channel;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.inbox.testing.TestInboxes;
import no.postmottak.keystore.testing.TestKeyStores;
import no.postmottak.svarinn.simulator.Dokument;
import no.postmottak.svarinn.simulator.ForsendelseSpec;
import no.postmottak.svarinn.simulator.ForsendelseStatus;
import no.postmottak.svarinn.simulator.Mottakersystem;
import no.postmottak.svarinn.simulator.SvarInnSimulator;

/** The test-jar entry points of key store, inbox and SvarInn together, as the benchmarks use them. */
class SvarInnReceiversTest {

    private static final String ORGNR = "921123450";

    @TempDir
    Path dir;

    @Test
    void anAccountReceivesFromTheSimulatorIntoTheInbox() throws Exception {
        char[] password = "testpassord".toCharArray();
        Path p12 = dir.resolve("mottak.p12");
        X509Certificate certificate = TestKeyStores.generateKey("CN=Postmottak test, O=Fjordvik kommune", p12,
                password, "mottak", dir.resolve("mottak.pem"));
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:svarinn-receivers;DB_CLOSE_DELAY=-1");
        Inbox inbox = TestInboxes.create(dataSource);

        try (SvarInnSimulator sim = SvarInnSimulator.start(0)) {
            sim.addMottakersystem(Mottakersystem.of("Arkiv", "arkiv", "hemmelig", certificate, ORGNR));
            String id = sim.addForsendelse(ForsendelseSpec.builder().mottaker(ORGNR, "Fjordvik kommune")
                    .tittel("Vedtak").dokument(Dokument.of("Vedtak.pdf", "application/pdf", "H",
                            "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8))).build());
            SvarInnReceivers.Account account = SvarInnReceivers.account("arkiv", sim.baseUri(), "arkiv", "hemmelig",
                    Set.of(ORGNR), TestKeyStores.store("arkiv").withKeystore(p12, password, "mottak"), inbox,
                    TestInboxes.leases(inbox));
            account.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> account.received() + account.failed() > 0);
            } finally {
                account.stop(Duration.ofSeconds(5));
            }

            assertThat(account.failures()).isEmpty();
            assertThat(account.received()).isEqualTo(1);
            assertThat(inbox.isStored(Channel.SVARINN, id)).isTrue();
            assertThat(sim.forsendelse(id).orElseThrow().status()).isEqualTo(ForsendelseStatus.LEST);
        }
    }
}
