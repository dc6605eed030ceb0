package no.postmottak.archive.noark5.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One stored N5WS object: its kind, systemID, parent and fields (without {@code _links}, which are rendered from
 * the kind). The version counts changes and makes the ETag. Guarded by the {@link Store}'s lock.
 */
final class Entity {

    private final Kind kind;
    private final String id;
    private final String parentId;
    private final ObjectNode fields;
    private int version = 1;

    Entity(Kind kind, String id, String parentId, ObjectNode fields) {
        this.kind = kind;
        this.id = id;
        this.parentId = parentId;
        this.fields = fields;
    }

    Kind kind() {
        return kind;
    }

    String id() {
        return id;
    }

    String parentId() {
        return parentId;
    }

    ObjectNode fields() {
        return fields;
    }

    String etag() {
        return "\"" + id + "-" + version + "\"";
    }

    void changed() {
        version++;
    }

    String text(String field) {
        return fields.path(field).isValueNode() ? fields.path(field).asText() : null;
    }
}
