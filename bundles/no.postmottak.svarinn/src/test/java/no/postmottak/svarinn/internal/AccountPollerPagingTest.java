package no.postmottak.svarinn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.svarinn.internal.json.ForsendelseV2;

/**
 * V2 lists at most 200: the poller reads the list again while a full page brought something new, and stops when a
 * full page holds only items it already tried (they failed and wait in SvarUt), instead of looping.
 */
class AccountPollerPagingTest {

    /** SvarUt in memory: a list capped at 200 of what waits; a failure report leaves the item waiting. */
    static final class FakeV2 implements SvarInnApi {
        final Map<String, ForsendelseV2> waiting = new LinkedHashMap<>();
        final List<String> reported = new ArrayList<>();
        int listCalls;

        @Override
        public String version() {
            return "v2";
        }

        @Override
        public synchronized List<Offered> listNew() {
            listCalls++;
            return waiting.values().stream().limit(SvarInnV2Client.PAGE).map(f -> (Offered) f).toList();
        }

        @Override
        public int pageSize() {
            return SvarInnV2Client.PAGE;
        }

        @Override
        public Download download(String url) {
            throw new AssertionError("nothing has a download link");
        }

        @Override
        public synchronized void acknowledge(String id) {
            waiting.remove(id);
        }

        @Override
        public synchronized void reportFailure(String id, String feilmelding, boolean permanent) {
            reported.add(id);
        }
    }

    @Test
    void aFullPageOfItemsThatFailIsNotReadForever() {
        FakeV2 api = new FakeV2();
        for (int i = 0; i < 230; i++) {
            String id = "f-" + i;
            api.waiting.put(id, new ForsendelseV2(id, "uten lenke", null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null));
        }
        java.util.Map<String, Integer> asked = new java.util.concurrent.ConcurrentHashMap<>();
        Inbox nothingStored = (Inbox) Proxy.newProxyInstance(Inbox.class.getClassLoader(),
                new Class<?>[] {Inbox.class}, (proxy, method, args) -> {
                    asked.merge(method.getName(), 1, Integer::sum);
                    if (method.getName().equals("isStored")) {
                        return false;
                    }
                    if (method.getName().equals("storedAmong")) {
                        return Set.of();
                    }
                    throw new AssertionError("unexpected " + method.getName());
                });
        ForsendelseReceiver receiver = new ForsendelseReceiver("konto", api, null, nothingStored,
                new ForsendelseMapper("konto", Set.of("921123450")), PayloadReader.Limits.DEFAULT, true,
                new FailurePolicy(0, true), Set.of());
        AccountPoller poller = new AccountPoller("konto", "lease", "node", api, receiver, null, Duration.ofHours(1),
                Clock.systemUTC());

        poller.poll();

        assertThat(api.listCalls).as("the first page, then the same page again with nothing new").isEqualTo(2);
        assertThat(asked).as("one question to the inbox per page, none per item")
                .isEqualTo(java.util.Map.of("storedAmong", 2));
        assertThat(api.reported).hasSize(200).doesNotHaveDuplicates();
        assertThat(poller.status().failed()).isEqualTo(200);
        assertThat(poller.status().lastResult()).isEqualTo("0 mottatt, 200 feilet av 200 ventende");

        ChannelStatus monitored = poller.withMonitoring(new ChannelStatus(AccountAlerts.CHANNEL, "konto", List.of(),
                ChannelStatus.State.ACTIVE, null, null, 0, 0, List.of()));
        assertThat(monitored.pollInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(monitored.lastSucceeded()).as("the poll reached SvarUt, though items failed").isNotNull();
        assertThat(monitored.backlog().waiting()).as("the first page's length").isEqualTo(200);
        assertThat(monitored.counters().polls()).isEqualTo(1);
        assertThat(monitored.counters().acknowledged()).isZero();
    }
}
