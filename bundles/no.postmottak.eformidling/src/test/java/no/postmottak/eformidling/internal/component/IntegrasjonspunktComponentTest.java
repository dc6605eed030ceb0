package no.postmottak.eformidling.internal.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.util.converter.Converters;

import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.eformidling.simulator.IntegrasjonspunktSimulator;
import no.postmottak.eformidling.simulator.Message;
import no.postmottak.eformidling.simulator.SimDocument;
import no.postmottak.eformidling.simulator.SimulatorOptions;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.inbox.testing.TestInboxes;

/** The DS shell with a configuration as a .cfg file gives it: lists as one line, the password as a dot property. */
class IntegrasjonspunktComponentTest {

    @TempDir
    Path dir;

    @Test
    void aConfigurationReceivesAndReportsItsStatusWithoutTheSecret() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("inbox").toAbsolutePath());
        ds.setUser("sa");
        Inbox inbox = TestInboxes.create(ds);
        try (IntegrasjonspunktSimulator ip = IntegrasjonspunktSimulator.start(SimulatorOptions.loopback(0))) {
            ip.add(Message.builder().receiver("910075919").title("Brev")
                    .document(SimDocument.of("brev.pdf", "application/pdf", "Brev", "%PDF".getBytes())).build());
            Map<String, Object> props = new HashMap<>();
            props.put("base.url", ip.baseUri().toString());
            props.put("username", SimulatorOptions.DEFAULT_USERNAME);
            props.put(".password", SimulatorOptions.DEFAULT_PASSWORD);
            props.put("orgnrs", new String[] {"910075918, 910075919"});
            props.put("service.identifiers", new String[] {"DPO"});
            props.put("spool.folder", dir.resolve("spool").toString());
            props.put("service.pid", IntegrasjonspunktComponent.PID + "~kommune");
            IntegrasjonspunktConfig config = Converters.standardConverter().convert(props)
                    .to(IntegrasjonspunktConfig.class);
            OtherChannels others = new OtherChannels();
            IntegrasjonspunktComponent component = new IntegrasjonspunktComponent(config, props, inbox,
                    TestInboxes.outcomes(inbox), TestInboxes.leases(inbox), TestInboxes.failedAttempts(inbox),
                    others);
            // Every ChannelAccount reaches OtherChannels, this one too: its status must not ask itself.
            others.addAccount(component);
            try {
                // Stored first, counted when the IP has deleted it: wait for both, not just the item.
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                        !inbox.find(InboxQuery.all(Set.of("910075919"), 10)).items().isEmpty()
                                && component.status().received() == 1);
                ChannelStatus s = component.status();
                assertThat(s.channel()).isEqualTo("eFormidling");
                assertThat(s.account()).isEqualTo("kommune");
                assertThat(s.orgnrs()).containsExactly("910075918", "910075919");
                assertThat(s.state()).isEqualTo(ChannelStatus.State.ACTIVE);
                assertThat(s.received()).isEqualTo(1);
                assertThat(s.alerts()).isEmpty();
                assertThat(s.toString()).doesNotContain(SimulatorOptions.DEFAULT_PASSWORD);
                assertThat(component.pollNow()).isTrue();
                assertThat(component.accountStatus().baseUrl()).isEqualTo(ip.baseUri().toString());
            } finally {
                component.deactivate();
            }
            assertThat(component.pollNow()).isFalse();
            assertThat(ip.calls()).isNotEmpty();
            assertThat(List.of(dir.resolve("spool").toFile().list())).isEmpty();
        }
    }
}
