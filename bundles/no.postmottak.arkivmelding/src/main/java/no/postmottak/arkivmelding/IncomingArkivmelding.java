package no.postmottak.arkivmelding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import no.postmottak.api.CaseNumber;

/**
 * An arkivmelding as a sender wrote it, read tolerantly by {@link ArkivmeldingReader}: every value may be missing
 * (null), unknown elements are skipped, and the numbers it carries are the <em>sender's</em> (their case and journal
 * post), never ours. Field names follow the schema's element names. Immutable.
 *
 * @param namespace      the namespace of the root element as the sender wrote it (the Arkivverket namespace, its
 *                       {@code /v2} variant, or none)
 * @param system         the sending system, or null
 * @param meldingId      the sender's message id, or null
 * @param tidspunkt      when the sender wrote it, or null
 * @param antallFiler    the number of files the sender announced, or null
 * @param registreringer the registrations (journal posts) in document order, each with the folder it is in
 * @param warnings       what was odd but readable (Norwegian, for the clerk or operator), never null
 * @since 1.1.0
 */
public record IncomingArkivmelding(String namespace, String system, String meldingId, Instant tidspunkt,
                                   Integer antallFiler, List<Registrering> registreringer, List<String> warnings) {

    public IncomingArkivmelding {
        registreringer = registreringer == null ? List.of() : List.copyOf(registreringer);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The registration an incoming letter is about: the first one. */
    public Optional<Registrering> first() {
        return registreringer.stream().findFirst();
    }

    /** Every file the registrations name by {@code referanseDokumentfil}, in document order, once each. */
    public List<String> referencedFiles() {
        Set<String> files = new LinkedHashSet<>();
        for (Registrering r : registreringer) {
            for (Dokumentbeskrivelse d : r.dokumentbeskrivelser()) {
                d.dokumentobjekter().stream().map(Dokumentobjekt::referanseDokumentfil)
                        .filter(f -> f != null && !f.isBlank()).forEach(files::add);
            }
        }
        return List.copyOf(files);
    }

    /**
     * A folder (mappe, usually {@code xsi:type="saksmappe"}): the sender's case.
     *
     * @param type               the {@code xsi:type} without prefix, or null
     * @param tittel             the case title
     * @param saksaar            the sender's case year
     * @param sakssekvensnummer  the sender's case sequence number
     * @param saksdato           the case date
     * @param administrativEnhet the sender's unit
     * @param saksansvarlig      the sender's case officer
     */
    public record Mappe(String type, String tittel, Integer saksaar, Integer sakssekvensnummer, LocalDate saksdato,
                        String administrativEnhet, String saksansvarlig) {

        /** The sender's case number, when both parts are positive. */
        public Optional<CaseNumber> caseNumber() {
            return CaseNumber.ofNullable(saksaar, sakssekvensnummer);
        }
    }

    /**
     * A registration (usually {@code xsi:type="journalpost"}), as the sender registered it.
     *
     * @param mappe                 the folder it is in, or null when it stands at the top level
     * @param type                  the {@code xsi:type} without prefix, or null
     * @param tittel                the title
     * @param offentligTittel       the public (screened) title
     * @param journalaar            the sender's journal year
     * @param journalsekvensnummer  the sender's journal sequence number
     * @param journalpostnummer     the sender's journal post number within the case
     * @param journalposttype       e.g. "Utgående dokument" or "U"
     * @param journalstatus         e.g. "Journalført" or "J"
     * @param journaldato           the journal date
     * @param dokumentetsDato       the date of the document
     * @param sendtDato             when it was sent
     * @param tilgangsrestriksjon   the access restriction code when the sender screened it (e.g. "13"), or null
     * @param skjermingshjemmel     the legal basis of the screening, or null
     * @param korrespondanseparter  the correspondence parties, never null
     * @param dokumentbeskrivelser  the documents in the order written, never null
     */
    public record Registrering(Mappe mappe, String type, String tittel, String offentligTittel, Integer journalaar,
                               Integer journalsekvensnummer, Integer journalpostnummer, String journalposttype,
                               String journalstatus, LocalDate journaldato, LocalDate dokumentetsDato,
                               LocalDate sendtDato, String tilgangsrestriksjon, String skjermingshjemmel,
                               List<Korrespondansepart> korrespondanseparter,
                               List<Dokumentbeskrivelse> dokumentbeskrivelser) {

        public Registrering {
            korrespondanseparter = korrespondanseparter == null ? List.of() : List.copyOf(korrespondanseparter);
            dokumentbeskrivelser = dokumentbeskrivelser == null ? List.of() : List.copyOf(dokumentbeskrivelser);
        }

        /** The first korrespondansepart of type Avsender (or EA), if any. */
        public Optional<Korrespondansepart> avsender() {
            return korrespondanseparter.stream().filter(Korrespondansepart::isAvsender).findFirst();
        }

        /** The first korrespondansepart of type Mottaker (or EM), if any. */
        public Optional<Korrespondansepart> mottaker() {
            return korrespondanseparter.stream().filter(Korrespondansepart::isMottaker).findFirst();
        }

        /**
         * The documents with the main document first (tilknyttetRegistreringSom "Hoveddokument" or "H"), then by
         * {@code dokumentnummer}, then in the order written.
         */
        public List<Dokumentbeskrivelse> mainFirst() {
            List<Dokumentbeskrivelse> sorted = new ArrayList<>(dokumentbeskrivelser);
            sorted.sort(Comparator.comparing((Dokumentbeskrivelse d) -> !d.isMain())
                    .thenComparing(Dokumentbeskrivelse::dokumentnummer,
                            Comparator.nullsLast(Comparator.naturalOrder())));
            return List.copyOf(sorted);
        }

        /** "Deres referanse" as a clerk reads it: the sender's case and journal post number, e.g. 2024/1234-7. */
        public Optional<String> senderReference() {
            return Optional.ofNullable(mappe).flatMap(Mappe::caseNumber).map(c -> journalpostnummer != null
                    && journalpostnummer > 0 ? c + "-" + journalpostnummer : c.toString());
        }
    }

    /**
     * A correspondence party. The organisation number is read from arkivmelding v1's
     * {@code organisasjonsnummer} (either form); the beta schema has none.
     */
    public record Korrespondansepart(String korrespondanseparttype, String korrespondansepartNavn,
                                     String organisasjonsnummer, List<String> postadresse, String postnummer,
                                     String poststed, String land, String epostadresse, String kontaktperson,
                                     String administrativEnhet, String saksbehandler, String deresReferanse) {

        public Korrespondansepart {
            postadresse = postadresse == null ? List.of() : List.copyOf(postadresse);
        }

        /** Whether the type is Avsender (EA), in any case or as the code. */
        public boolean isAvsender() {
            return is(korrespondanseparttype, "avsender", "ea");
        }

        /** Whether the type is Mottaker (EM), in any case or as the code. */
        public boolean isMottaker() {
            return is(korrespondanseparttype, "mottaker", "em");
        }
    }

    /**
     * A document of a registration.
     *
     * @param tilknyttetRegistreringSom "Hoveddokument"/"H" or "Vedlegg"/"V"
     * @param dokumentnummer            the number within the registration
     * @param tittel                    the document's title
     * @param dokumenttype              e.g. "Brev"
     * @param dokumentobjekter          its files (versions, variants), never null
     */
    public record Dokumentbeskrivelse(String tilknyttetRegistreringSom, Integer dokumentnummer, String tittel,
                                      String dokumenttype, List<Dokumentobjekt> dokumentobjekter) {

        public Dokumentbeskrivelse {
            dokumentobjekter = dokumentobjekter == null ? List.of() : List.copyOf(dokumentobjekter);
        }

        /** Whether it is the main document: "Hoveddokument" or "H", in any case. */
        public boolean isMain() {
            return is(tilknyttetRegistreringSom, "hoveddokument", "h");
        }

        /** The file that carries it: the first dokumentobjekt that names a file, preferring variant "Arkivformat". */
        public Optional<Dokumentobjekt> file() {
            List<Dokumentobjekt> named = dokumentobjekter.stream()
                    .filter(o -> o.referanseDokumentfil() != null && !o.referanseDokumentfil().isBlank()).toList();
            return named.stream().filter(o -> is(o.variantformat(), "arkivformat", "a")).findFirst()
                    .or(() -> named.stream().findFirst());
        }
    }

    /**
     * One file of a document. {@code format}, {@code mimeType}, {@code filstoerrelse} and the checksum exist in
     * arkivmelding v1 only.
     */
    public record Dokumentobjekt(String variantformat, String referanseDokumentfil, String format, String mimeType,
                                 Long filstoerrelse, String sjekksum, String sjekksumAlgoritme) {
    }

    private static boolean is(String value, String word, String code) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals(word) || v.equals(code);
    }
}
