package no.postmottak.archive.noark5.simulator;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The simulated archive's contents. The core fills in what N5WS says it fills in on create: systemID, opprettetDato,
 * opprettetAv, and for a journalpost its year, sequence and number within the case. Thread-safe (one lock).
 */
final class Store {

    static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    private final Map<String, Entity> entities = new LinkedHashMap<>();
    private final Map<Integer, Integer> journalSequence = new HashMap<>();
    private final Map<Integer, Integer> caseSequence = new HashMap<>();

    /** Stores a new object under {@code parentId} (null for an arkiv) with the fields the core assigns. */
    synchronized Entity create(Kind kind, String parentId, ObjectNode fields, String user) {
        String id = UUID.randomUUID().toString();
        fields.put("systemID", id);
        fields.put("opprettetDato", OffsetDateTime.now(NORWAY).truncatedTo(ChronoUnit.MILLIS).toString());
        fields.put("opprettetAv", user);
        int year = OffsetDateTime.now(NORWAY).getYear();
        if (kind == Kind.SAKSMAPPE && !fields.has("saksaar")) {
            fields.put("saksaar", year);
            fields.put("sakssekvensnummer", caseSequence.merge(year, 1, Integer::sum));
        }
        if (kind == Kind.SAKSMAPPE) {
            int saksaar = fields.path("saksaar").asInt();
            int seq = fields.path("sakssekvensnummer").asInt();
            caseSequence.merge(saksaar, seq, Math::max);
            fields.put("mappeID", saksaar + "/" + seq);
        }
        if (kind == Kind.JOURNALPOST) {
            Entity saksmappe = entities.get(parentId);
            int inCase = children(parentId, k -> k == Kind.JOURNALPOST).size() + 1;
            fields.put("journalaar", year);
            fields.put("journalsekvensnummer", journalSequence.merge(year, 1, Integer::sum));
            fields.put("journalpostnummer", inCase);
            fields.put("registreringsID", saksmappe.text("mappeID") + "-" + inCase);
        }
        Entity e = new Entity(kind, id, parentId, fields);
        entities.put(id, e);
        if (parentId != null) {
            entities.get(parentId).changed();
        }
        return e;
    }

    synchronized Optional<Entity> get(String id) {
        return Optional.ofNullable(entities.get(id));
    }

    synchronized List<Entity> children(String parentId, Predicate<Kind> kinds) {
        List<Entity> list = new ArrayList<>();
        for (Entity e : entities.values()) {
            if (parentId.equals(e.parentId()) && kinds.test(e.kind())) {
                list.add(e);
            }
        }
        return list;
    }

    synchronized List<Entity> ofKind(Kind kind) {
        return entities.values().stream().filter(e -> e.kind() == kind).toList();
    }

    /** Runs {@code change} on the entity under the store's lock and bumps its version. */
    synchronized void update(Entity e, java.util.function.Consumer<ObjectNode> change) {
        change.accept(e.fields());
        e.changed();
    }

    /** A copy of the fields, safe to render outside the lock. */
    synchronized ObjectNode snapshot(Entity e) {
        return e.fields().deepCopy();
    }
}
