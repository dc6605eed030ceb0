package no.postmottak.archive.noark5.internal;

/**
 * The N5WS relation keys this provider follows (spec v1.1 ch. 6-7). Only rels are fixed by the standard; hrefs are
 * whatever the server chose, so the provider never builds a URL from these.
 */
final class Rels {

    static final String BASE = "https://rel.arkivverket.no/noark5/v5/api/";
    static final String ARKIVSTRUKTUR = BASE + "arkivstruktur/";
    static final String SAKARKIV = BASE + "sakarkiv/";
    static final String SYSTEM = BASE + "admin/system/";
    static final String ARKIV = ARKIVSTRUKTUR + "arkiv/";
    static final String ARKIVDEL = ARKIVSTRUKTUR + "arkivdel/";
    static final String SAKSMAPPE = SAKARKIV + "saksmappe/";
    static final String JOURNALPOST = SAKARKIV + "journalpost/";
    static final String NY_JOURNALPOST = SAKARKIV + "ny-journalpost/";
    static final String KORRESPONDANSEPART = ARKIVSTRUKTUR + "korrespondansepart/";
    static final String NY_KORRESPONDANSEPARTENHET = ARKIVSTRUKTUR + "ny-korrespondansepartenhet/";
    static final String NY_KORRESPONDANSEPARTPERSON = ARKIVSTRUKTUR + "ny-korrespondansepartperson/";
    static final String NY_KORRESPONDANSEPARTINTERN = ARKIVSTRUKTUR + "ny-korrespondansepartintern/";
    static final String DOKUMENTBESKRIVELSE = ARKIVSTRUKTUR + "dokumentbeskrivelse/";
    static final String NY_DOKUMENTBESKRIVELSE = ARKIVSTRUKTUR + "ny-dokumentbeskrivelse/";
    static final String DOKUMENTOBJEKT = ARKIVSTRUKTUR + "dokumentobjekt/";
    static final String NY_DOKUMENTOBJEKT = ARKIVSTRUKTUR + "ny-dokumentobjekt/";
    static final String FIL = ARKIVSTRUKTUR + "fil/";
    static final String LOGIN_OIDC = BASE + "login/oidc/";
    static final String LOGIN_OAUTH2 = BASE + "login/rfc6749/";
    static final String LOGIN_BASIC = BASE + "login/rfc7617/";

    private Rels() {
    }
}
