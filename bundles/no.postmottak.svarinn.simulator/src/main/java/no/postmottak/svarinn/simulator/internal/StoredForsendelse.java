package no.postmottak.svarinn.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.svarinn.simulator.ForsendelseSpec;
import no.postmottak.svarinn.simulator.ForsendelseStatus;
import no.postmottak.svarinn.simulator.MottakFeilet;

/** A forsendelse held by the simulator: the spec, resolved routing key, and its mutable SvarUt state. */
final class StoredForsendelse {
    final ForsendelseSpec spec;
    final String id;
    final String orgnr;
    final String forsendelseType;
    final String niva;
    /** The given JSON object for raw mode, else null. Never mutated after construction. */
    final ObjectNode rawJson;
    final AtomicInteger nedlastinger = new AtomicInteger();
    final AtomicLong bytesSendt = new AtomicLong();
    final AtomicInteger kvitteringer = new AtomicInteger();
    private final List<MottakFeilet> feil = new ArrayList<>();
    private ForsendelseStatus status = ForsendelseStatus.KLAR_FOR_MOTTAK;

    StoredForsendelse(ForsendelseSpec spec, ObjectNode rawJson) {
        this.spec = spec;
        this.rawJson = rawJson;
        this.id = text(rawJson, "id", spec.id());
        String specOrgnr = spec.mottaker() == null ? null : spec.mottaker().orgnr();
        this.orgnr = rawJson != null && rawJson.path("mottaker").hasNonNull("orgnr")
                ? rawJson.path("mottaker").get("orgnr").asText() : specOrgnr;
        this.forsendelseType = text(rawJson, "forsendelseType", spec.forsendelseType());
        this.niva = text(rawJson, "niva", spec.niva());
    }

    private static String text(ObjectNode json, String field, String fallback) {
        return json != null && json.hasNonNull(field) ? json.get(field).asText() : fallback;
    }

    synchronized ForsendelseStatus status() {
        return status;
    }

    /** @return whether it still waits for the receiver ({@link ForsendelseStatus#KLAR_FOR_MOTTAK}) */
    synchronized boolean waiting() {
        return status == ForsendelseStatus.KLAR_FOR_MOTTAK;
    }

    /** @return true if it was waiting and is now acknowledged */
    synchronized boolean kvitter() {
        if (status != ForsendelseStatus.KLAR_FOR_MOTTAK) {
            return false;
        }
        status = ForsendelseStatus.LEST;
        kvitteringer.incrementAndGet();
        return true;
    }

    synchronized void mottakFeilet(String feilmelding, boolean permanent, String brukernavn) {
        feil.add(new MottakFeilet(feilmelding, permanent, Instant.now(), brukernavn));
        if (permanent) {
            status = ForsendelseStatus.SENDT_ANNEN_KANAL;
        }
    }

    synchronized List<MottakFeilet> feil() {
        return List.copyOf(feil);
    }
}
