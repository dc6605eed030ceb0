package no.postmottak.svarinn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.postmottak.channel.support.PollLoop;
import no.postmottak.api.Channel;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.svarinn.simulator.Dokument;
import no.postmottak.svarinn.simulator.Fault;
import no.postmottak.svarinn.simulator.ForsendelseSpec;
import no.postmottak.svarinn.simulator.ForsendelseStatus;
import no.postmottak.svarinn.simulator.Mottakersystem;
import no.postmottak.svarinn.simulator.PayloadMode;
import no.postmottak.svarinn.simulator.SvarInnSimulator;

/**
 * Several forsendelser of one account in flight at once (simulator over HTTP, real key store and inbox): each is
 * acknowledged only after its own commit, and one that fails does not affect the others.
 */
class ItemsInFlightTest {

    private static final String ORGNR = SvarInnEndToEndTest.FJORDVIK;

    @TempDir
    Path dir;
    private SvarInnSimulator sim;
    private Receiver receiver;
    private AccountPoller poller;
    private java.sql.Connection keepOpen;
    /** What the acknowledging side saw: "id stored" or "id NOT STORED". */
    private final List<String> acknowledgements = new CopyOnWriteArrayList<>();
    private final AtomicInteger downloading = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final CountDownLatch twoDownloading = new CountDownLatch(2);

    @BeforeEach
    void start() throws Exception {
        sim = SvarInnSimulator.start(0);
        receiver = new Receiver(dir);
        keepOpen = Receiver.holdOpen(dir);
        sim.addMottakersystem(Mottakersystem.of("Arkiv", SvarInnEndToEndTest.USER, SvarInnEndToEndTest.PASSWORD,
                receiver.certificate, ORGNR));
        SvarInnApi client = observed(receiver.client("v2", sim.baseUri(), SvarInnEndToEndTest.USER,
                SvarInnEndToEndTest.PASSWORD));
        ForsendelseReceiver r = receiver.receiver(client, Set.of(ORGNR), true, FailurePolicy.DEFAULT);
        poller = new AccountPoller("arkiv", "svarinn:test", "node-1", client, r, null, Duration.ofMinutes(15),
                PollLoop.DEFAULT_LEASE_TTL,
                Clock.systemUTC(), 3);
    }

    @AfterEach
    void stop() throws Exception {
        poller.stop(Duration.ofSeconds(5));
        sim.close();
        keepOpen.close();
    }

    @Test
    void eachIsAcknowledgedAfterItsOwnCommitAndAFailureStaysWithItsItem() throws Exception {
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            good.add(send("Brev " + i));
        }
        String corrupt = send("Skadet", Fault.CORRUPT_CIPHERTEXT);

        poller.poll();

        assertThat(mostAtOnce.get()).as("several downloads at once").isGreaterThanOrEqualTo(2);
        for (String id : good) {
            assertThat(sim.forsendelse(id).orElseThrow().status()).isEqualTo(ForsendelseStatus.LEST);
            assertThat(receiver.inbox.isStored(Channel.SVARINN, id)).isTrue();
        }
        assertThat(acknowledgements).hasSize(8).allMatch(a -> a.endsWith(" stored"));
        assertThat(sim.forsendelse(corrupt).orElseThrow().status()).isEqualTo(ForsendelseStatus.KLAR_FOR_MOTTAK);
        assertThat(sim.forsendelse(corrupt).orElseThrow().feil()).hasSize(1);
        assertThat(receiver.inbox.isStored(Channel.SVARINN, corrupt)).isFalse();
        assertThat(poller.status().received()).isEqualTo(8);
        assertThat(poller.status().failed()).isEqualTo(1);
        assertThat(poller.status().failedItems()).extracting(ItemResult::forsendelseId).containsExactly(corrupt);
    }

    private String send(String title, Fault... faults) {
        return sim.addForsendelse(ForsendelseSpec.builder().mottaker(ORGNR, "Fjordvik kommune").tittel(title)
                .date(Instant.now()).mode(PayloadMode.ZIP).fault(faults)
                .dokument(Dokument.of("Vedtak.pdf", "application/pdf", "H", SvarInnEndToEndTest.pdf(title)))
                .dokument(Dokument.of("Kart.pdf", "application/pdf", "V", SvarInnEndToEndTest.pdf("kart " + title)))
                .build());
    }

    /** The client, watching how many downloads run at once and whether each acknowledged item is committed. */
    private SvarInnApi observed(SvarInnApi target) {
        return new SvarInnApi() {
            @Override
            public String version() {
                return target.version();
            }

            @Override
            public List<Offered> listNew() throws SvarInnException {
                return target.listNew();
            }

            @Override
            public int pageSize() {
                return target.pageSize();
            }

            @Override
            public Download download(String url) throws SvarInnException {
                mostAtOnce.accumulateAndGet(downloading.incrementAndGet(), Math::max);
                try {
                    // The first two wait for each other (a bounded wait: a serial receiver fails the assertion).
                    twoDownloading.countDown();
                    twoDownloading.await(10, TimeUnit.SECONDS);
                    return target.download(url);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                } finally {
                    downloading.decrementAndGet();
                }
            }

            @Override
            public void acknowledge(String id) throws SvarInnException {
                try {
                    acknowledgements.add(id + (receiver.inbox.isStored(Channel.SVARINN, id) ? " stored" : " NOT STORED"));
                } catch (InboxException e) {
                    throw new AssertionError(e);
                }
                target.acknowledge(id);
            }

            @Override
            public void reportFailure(String id, String feilmelding, boolean permanent) throws SvarInnException {
                target.reportFailure(id, feilmelding, permanent);
            }
        };
    }
}
