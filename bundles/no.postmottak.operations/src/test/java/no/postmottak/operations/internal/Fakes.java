package no.postmottak.operations.internal;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import no.postmottak.api.Channel;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.ItemState;
import no.postmottak.api.channel.ChannelAccount;
import no.postmottak.api.channel.ChannelStatus;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.OrganisationView;

/** Test doubles: a clock that moves when told, a channel account whose status the test sets, a small inbox. */
final class Fakes {

    static final String ORGNR = "921123450";

    private Fakes() {
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A channel account the test steers by setting {@link #status}. */
    static final class Account implements ChannelAccount {
        volatile ChannelStatus status;

        Account(ChannelStatus status) {
            this.status = status;
        }

        @Override
        public ChannelStatus status() {
            return status;
        }

        @Override
        public boolean pollNow() {
            return true;
        }
    }

    static ChannelStatus active(String account, Instant lastSucceeded, Duration interval) {
        return new ChannelStatus("SvarInn", account, List.of(ORGNR), ChannelStatus.State.ACTIVE,
                lastSucceeded == null ? null : new ChannelStatus.Poll(lastSucceeded, lastSucceeded,
                        ChannelStatus.Outcome.SUCCEEDED, "1 mottatt, 0 feilet av 1 ventende"),
                null, 1, 0, List.of()).withMonitoring(interval, lastSucceeded, null, null);
    }

    /** An inbox with items and counts the test sets; everything else is unsupported. */
    static final class SmallInbox {
        final List<InboxItem> untouched = new ArrayList<>();
        final Map<ItemState, Long> counts = new EnumMap<>(ItemState.class);
        final List<OrganisationView> organisations = new ArrayList<>();

        Inbox inbox() {
            return (Inbox) Proxy.newProxyInstance(Inbox.class.getClassLoader(), new Class<?>[] {Inbox.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "untouchedSince" -> untouched.stream()
                                .filter(i -> i.receivedAt().isBefore((Instant) args[0]))
                                .limit((Integer) args[1]).toList();
                        case "countByState" -> Map.copyOf(counts);
                        case "organisations" -> List.copyOf(organisations);
                        case "toString" -> "SmallInbox";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        void receive(String channelId, Instant at) {
            untouched.add(new InboxItem(UUID.randomUUID(), new IncomingItem(Channel.SVARINN, channelId, ORGNR,
                    null, null, "Brev", at, null, null, null, null, null, null, List.of(), Map.of()), at, ItemState.RECEIVED,
                    List.of(), null, true));
        }

        static OrganisationView organisation(String orgnr, boolean available, String problem) {
            return new OrganisationView(orgnr, "Fjordvik kommune", Optional.of("fjordvik-arkiv"), Optional.of("websak"),
                    available, Optional.ofNullable(problem), Optional.empty(), "", false);
        }
    }
}
