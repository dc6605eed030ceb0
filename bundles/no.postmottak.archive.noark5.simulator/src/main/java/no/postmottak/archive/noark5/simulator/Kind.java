package no.postmottak.archive.noark5.simulator;

import java.util.Arrays;
import java.util.Optional;

/**
 * The N5WS entity types the simulator keeps, with the rel that names each type (spec ch. 7), the parent type it is
 * created on, and the short code used in the simulator's own hrefs (deliberately unlike the spec's examples, so
 * that a client building URLs instead of following links fails).
 */
enum Kind {
    ARKIV("arkivstruktur/arkiv/", null, "ak"),
    ARKIVDEL("arkivstruktur/arkivdel/", ARKIV, "ad"),
    SAKSMAPPE("sakarkiv/saksmappe/", ARKIVDEL, "sm"),
    JOURNALPOST("sakarkiv/journalpost/", SAKSMAPPE, "jp"),
    KORRESPONDANSEPARTENHET("arkivstruktur/korrespondansepartenhet/", JOURNALPOST, "kpe"),
    KORRESPONDANSEPARTPERSON("arkivstruktur/korrespondansepartperson/", JOURNALPOST, "kpp"),
    KORRESPONDANSEPARTINTERN("arkivstruktur/korrespondansepartintern/", JOURNALPOST, "kpi"),
    DOKUMENTBESKRIVELSE("arkivstruktur/dokumentbeskrivelse/", JOURNALPOST, "db"),
    DOKUMENTOBJEKT("arkivstruktur/dokumentobjekt/", DOKUMENTBESKRIVELSE, "do");

    static final String REL_BASE = "https://rel.arkivverket.no/noark5/v5/api/";

    private final String rel;
    private final Kind parent;
    private final String code;

    Kind(String rel, Kind parent, String code) {
        this.rel = rel;
        this.parent = parent;
        this.code = code;
    }

    /** The entity rel, e.g. {@code https://rel.arkivverket.no/noark5/v5/api/sakarkiv/journalpost/}. */
    String rel() {
        return REL_BASE + rel;
    }

    /** The {@code ny-*} rel that creates one. */
    String newRel() {
        int slash = rel.indexOf('/');
        return REL_BASE + rel.substring(0, slash + 1) + "ny-" + rel.substring(slash + 1);
    }

    Kind parent() {
        return parent;
    }

    String code() {
        return code;
    }

    boolean isKorrespondansepart() {
        return name().startsWith("KORRESPONDANSEPART");
    }

    static Optional<Kind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
