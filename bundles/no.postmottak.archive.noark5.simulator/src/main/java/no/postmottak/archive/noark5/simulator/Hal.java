package no.postmottak.archive.noark5.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The simulator's own href layout and the HAL {@code _links} it renders. Hrefs live under a per-instance path
 * prefix and use short codes ({@code /o/{systemID}/l/jp/}), so nothing about them can be guessed from the spec:
 * only a client that follows rels gets anywhere. Every href ends with {@code /}, as N5WS requires.
 */
final class Hal {

    static final String QUERY_TEMPLATE = "{?$filter&$orderby&$top&$skip&$search}";
    /** The list of korrespondanseparter (all three kinds) has its own code. */
    static final String KORRESPONDANSEPART_LIST = "kp";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String base;

    /** @param base e.g. {@code http://127.0.0.1:4567/n5/x7k2/} */
    Hal(String base) {
        this.base = base;
    }

    String root() {
        return base;
    }

    String structure() {
        return base + "struktur/";
    }

    String caseArchive() {
        return base + "sakarkiv/";
    }

    String system() {
        return base + "system/";
    }

    String token() {
        return base + "token/";
    }

    String openIdConfiguration() {
        return base + ".well-known/openid-configuration";
    }

    String object(String id) {
        return base + "o/" + id + "/";
    }

    String list(String parentId, String code) {
        return object(parentId) + "l/" + code + "/";
    }

    String create(String parentId, Kind kind) {
        return object(parentId) + "ny/" + kind.code() + "/";
    }

    String file(String id) {
        return object(id) + "fil/";
    }

    String session(String sessionId) {
        return base + "okt/" + sessionId + "/";
    }

    /** The entity's fields with its {@code _links}: self, its own rel, its parent, its lists and its ny-* rels. */
    ObjectNode render(Entity e, ObjectNode fields, Entity parent) {
        ObjectNode links = NODES.objectNode();
        links.putObject("self").put("href", object(e.id()));
        links.putObject(e.kind().rel()).put("href", object(e.id()));
        if (parent != null) {
            links.putObject(parent.kind().rel()).put("href", object(parent.id()));
        }
        switch (e.kind()) {
            case ARKIV -> listLink(links, e, Kind.ARKIVDEL.rel(), Kind.ARKIVDEL.code());
            case ARKIVDEL -> {
                listLink(links, e, Kind.SAKSMAPPE.rel(), Kind.SAKSMAPPE.code());
                createLink(links, e, Kind.SAKSMAPPE);
            }
            case SAKSMAPPE -> {
                listLink(links, e, Kind.JOURNALPOST.rel(), Kind.JOURNALPOST.code());
                createLink(links, e, Kind.JOURNALPOST);
            }
            case JOURNALPOST -> {
                listLink(links, e, Kind.REL_BASE + "arkivstruktur/korrespondansepart/", KORRESPONDANSEPART_LIST);
                createLink(links, e, Kind.KORRESPONDANSEPARTENHET);
                createLink(links, e, Kind.KORRESPONDANSEPARTPERSON);
                createLink(links, e, Kind.KORRESPONDANSEPARTINTERN);
                listLink(links, e, Kind.DOKUMENTBESKRIVELSE.rel(), Kind.DOKUMENTBESKRIVELSE.code());
                createLink(links, e, Kind.DOKUMENTBESKRIVELSE);
            }
            case DOKUMENTBESKRIVELSE -> {
                listLink(links, e, Kind.DOKUMENTOBJEKT.rel(), Kind.DOKUMENTOBJEKT.code());
                createLink(links, e, Kind.DOKUMENTOBJEKT);
            }
            case DOKUMENTOBJEKT -> links.putObject(Kind.REL_BASE + "arkivstruktur/fil/").put("href", file(e.id()));
            default -> {
                // korrespondanseparter have no children
            }
        }
        fields.set("_links", links);
        return fields;
    }

    /** A link to a list resource that takes OData parameters. */
    void listLink(ObjectNode links, Entity parent, String rel, String code) {
        links.putObject(rel).put("href", list(parent.id(), code) + QUERY_TEMPLATE).put("templated", true);
    }

    private void createLink(ObjectNode links, Entity parent, Kind kind) {
        links.putObject(kind.newRel()).put("href", create(parent.id(), kind));
    }
}
