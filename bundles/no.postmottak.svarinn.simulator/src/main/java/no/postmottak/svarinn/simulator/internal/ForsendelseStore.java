package no.postmottak.svarinn.simulator.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.svarinn.simulator.ForsendelseSpec;
import no.postmottak.svarinn.simulator.ForsendelseState;
import no.postmottak.svarinn.simulator.Mottakersystem;

/** Mottakersystems and forsendelser, in insertion order. Thread-safe. */
final class ForsendelseStore {
    private final Map<String, Mottakersystem> systems = new LinkedHashMap<>();
    private final Map<String, StoredForsendelse> forsendelser = new LinkedHashMap<>();

    synchronized void put(Mottakersystem m) {
        systems.put(m.brukernavn(), m);
    }

    synchronized Optional<Mottakersystem> system(String brukernavn) {
        return Optional.ofNullable(systems.get(brukernavn));
    }

    synchronized Collection<Mottakersystem> systems() {
        return List.copyOf(systems.values());
    }

    synchronized StoredForsendelse add(ForsendelseSpec spec, ObjectNode rawJson) {
        StoredForsendelse f = new StoredForsendelse(spec, rawJson);
        if (forsendelser.containsKey(f.id)) {
            throw new IllegalArgumentException("forsendelse " + f.id + " already exists");
        }
        forsendelser.put(f.id, f);
        return f;
    }

    synchronized Optional<StoredForsendelse> get(String id) {
        return Optional.ofNullable(forsendelser.get(id));
    }

    synchronized void clearForsendelser() {
        forsendelser.clear();
    }

    /**
     * The forsendelse with this id, if the system may see it: looked up by id, so that a download or a status call
     * does not work out the routing of every forsendelse in the store (with thousands stored, that made the
     * simulator the slowest part of a benchmark).
     */
    synchronized Optional<StoredForsendelse> visibleTo(String brukernavn, String id) {
        StoredForsendelse f = forsendelser.get(id);
        return f != null && Addressing.synligFor(f, systems.values()).contains(brukernavn) ? Optional.of(f)
                : Optional.empty();
    }

    synchronized List<StoredForsendelse> waitingFor(String brukernavn) {
        return waitingFor(brukernavn, Integer.MAX_VALUE);
    }

    /** The first {@code limit} waiting forsendelser the system may see, in insertion order. */
    synchronized List<StoredForsendelse> waitingFor(String brukernavn, int limit) {
        List<StoredForsendelse> out = new ArrayList<>();
        for (StoredForsendelse f : forsendelser.values()) {
            if (out.size() == limit) {
                break;
            }
            if (f.waiting() && Addressing.synligFor(f, systems.values()).contains(brukernavn)) {
                out.add(f);
            }
        }
        return out;
    }

    synchronized List<ForsendelseState> states() {
        return forsendelser.values().stream().map(this::state).toList();
    }

    synchronized ForsendelseState state(StoredForsendelse f) {
        String tittel = f.rawJson != null ? f.rawJson.path("tittel").asText(null) : f.spec.tittel();
        return new ForsendelseState(f.id, tittel, f.orgnr, f.status(), Addressing.synligFor(f, systems.values()),
                f.nedlastinger.get(), f.bytesSendt.get(), f.kvitteringer.get(), f.feil());
    }
}
