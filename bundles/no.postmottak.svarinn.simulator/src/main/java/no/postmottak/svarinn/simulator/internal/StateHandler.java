package no.postmottak.svarinn.simulator.internal;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.simulator.http.Handler;
import no.postmottak.simulator.http.Request;
import no.postmottak.simulator.http.Response;
import no.postmottak.svarinn.simulator.ForsendelseState;
import no.postmottak.svarinn.simulator.MottakFeilet;
import no.postmottak.svarinn.simulator.Mottakersystem;

/** {@code GET /_simulator/state}: mottakersystems (never passwords) and forsendelse states, for tests and demos. */
final class StateHandler implements Handler {
    static final String PATH = "/_simulator/state";

    private final ForsendelseStore store;
    private final ObjectMapper mapper;

    StateHandler(ForsendelseStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    @Override
    public void handle(Request request, Response response) throws IOException {
        response.json(200, state().toString());
    }

    ObjectNode state() {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode systems = root.putArray("mottakersystemer");
        for (Mottakersystem m : store.systems()) {
            ObjectNode o = systems.addObject().put("navn", m.navn()).put("brukernavn", m.brukernavn());
            ArrayNode regs = o.putArray("registreringer");
            m.registreringer().forEach(r -> regs.addObject().put("orgnr", r.orgnr())
                    .put("forsendelseType", r.forsendelseType()).put("niva", r.niva()));
        }
        ArrayNode list = root.putArray("forsendelser");
        for (ForsendelseState s : store.states()) {
            ObjectNode o = list.addObject();
            o.put("id", s.id()).put("tittel", s.tittel()).put("orgnr", s.orgnr()).put("status", s.status().name());
            s.synligFor().forEach(o.putArray("synligFor")::add);
            o.put("nedlastinger", s.nedlastinger()).put("bytesSendt", s.bytesSendt())
                    .put("kvitteringer", s.kvitteringer());
            ArrayNode feil = o.putArray("feil");
            for (MottakFeilet f : s.feil()) {
                feil.addObject().put("feilmelding", f.feilmelding()).put("permanent", f.permanent())
                        .put("tidspunkt", f.tidspunkt().toString()).put("mottakersystem", f.mottakersystem());
            }
        }
        return root;
    }
}
