package no.postmottak.archive.noark5.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import no.postmottak.api.archive.ArchiveException;
import no.postmottak.api.archive.ArchiveException.Reason;

/**
 * One N5WS resource as the server sent it, with its {@code ETag} when there was one. Links are looked up by rel;
 * a rel without its trailing slash is accepted too, since some cores drop it.
 */
record N5Object(JsonNode json, String etag) {

    Optional<Link> link(String rel) {
        JsonNode links = json.path("_links");
        JsonNode l = links.path(rel);
        if (l.isMissingNode() && rel.endsWith("/")) {
            l = links.path(rel.substring(0, rel.length() - 1));
        }
        String href = l.path("href").asText(null);
        return href == null || href.isBlank() ? Optional.empty()
                : Optional.of(new Link(href, l.path("templated").asBoolean(false)));
    }

    /** The link, or a clear refusal naming what the archive does not offer here. */
    Link require(String rel, String what) throws ArchiveException {
        return link(rel).orElseThrow(() -> new ArchiveException(Reason.REJECTED, "Noark 5-arkivet tilbyr ikke "
                + what + " her (relasjonen " + rel + " mangler på " + describe() + ")"));
    }

    String self() {
        return link("self").map(Link::href).orElse(null);
    }

    String text(String field) {
        JsonNode n = json.path(field);
        return n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    String systemId() {
        return text("systemID");
    }

    /** The members of a list resource ({@code results}; an empty list has none). */
    List<N5Object> results() {
        List<N5Object> list = new ArrayList<>();
        for (JsonNode r : json.path("results")) {
            list.add(new N5Object(r, null));
        }
        return list;
    }

    private String describe() {
        String title = text("tittel");
        return title != null ? "«" + title + "»" : systemId() != null ? systemId() : "objektet";
    }
}
