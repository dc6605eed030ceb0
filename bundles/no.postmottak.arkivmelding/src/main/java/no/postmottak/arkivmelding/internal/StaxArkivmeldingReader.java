package no.postmottak.arkivmelding.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import no.postmottak.arkivmelding.ArkivmeldingInvalidException;
import no.postmottak.arkivmelding.ArkivmeldingReader;
import no.postmottak.arkivmelding.ArkivmeldingVersion;
import no.postmottak.arkivmelding.IncomingArkivmelding;
import no.postmottak.arkivmelding.IncomingArkivmelding.Dokumentbeskrivelse;
import no.postmottak.arkivmelding.IncomingArkivmelding.Dokumentobjekt;
import no.postmottak.arkivmelding.IncomingArkivmelding.Korrespondansepart;
import no.postmottak.arkivmelding.IncomingArkivmelding.Mappe;
import no.postmottak.arkivmelding.IncomingArkivmelding.Registrering;

/**
 * Reads an arkivmelding with StAX in one pass, matching elements by local name whatever their namespace. Every
 * element it does not know is skipped whole; a folder's values are taken when the folder ends, so they apply to every
 * registration inside it whatever the order.
 */
public final class StaxArkivmeldingReader implements ArkivmeldingReader {

    /** Characters kept of one text value; the rest is dropped with a warning. */
    static final int MAX_TEXT = 64 * 1024;
    /** Registrations, parties, documents and files together. */
    static final int MAX_PARTS = 20_000;
    static final int MAX_DEPTH = 100;
    /** Namespaces the arkivmelding root is known in; another one is read all the same, with a warning. */
    static final Set<String> KNOWN_NAMESPACES = Set.of(ArkivmeldingVersion.NAMESPACE,
            ArkivmeldingVersion.NAMESPACE + "/v2");
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final XMLInputFactory factory;

    public StaxArkivmeldingReader() {
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    @Override
    public IncomingArkivmelding read(InputStream xml) throws IOException {
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(xml);
            return new Pass(r).document();
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " (linje " + e.getLocation().getLineNumber() + ")";
            throw new ArkivmeldingInvalidException("arkivmelding.xml kan ikke leses" + where + ": "
                    + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // the caller closes the stream itself
                }
            }
        }
    }

    @FunctionalInterface
    private interface Child {
        void read(String name) throws XMLStreamException, IOException;
    }

    /** One read of one document: the parser, the warnings and the counts. */
    private static final class Pass {

        private final XMLStreamReader r;
        private final Set<String> warnings = new LinkedHashSet<>();
        private final LenientValues values = new LenientValues(warnings::add);
        private final List<RegistrationBuilder> registrations = new ArrayList<>();
        private int depth;
        private int parts;

        Pass(XMLStreamReader r) {
            this.r = r;
        }

        IncomingArkivmelding document() throws XMLStreamException, IOException {
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog: comments, processing instructions, white space
            }
            if (!r.isStartElement()) {
                throw new ArkivmeldingInvalidException("arkivmelding.xml er tom", null);
            }
            if (!"arkivmelding".equals(r.getLocalName())) {
                throw new ArkivmeldingInvalidException("arkivmelding.xml har rotelementet «" + r.getLocalName()
                        + "», ikke arkivmelding", null);
            }
            String namespace = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
            if (!KNOWN_NAMESPACES.contains(namespace)) {
                warnings.add("arkivmelding.xml bruker et ukjent navnerom («" + namespace + "»); lest likevel");
            }
            String[] system = new String[1];
            String[] meldingId = new String[1];
            Instant[] tidspunkt = new Instant[1];
            Integer[] antallFiler = new Integer[1];
            children(name -> {
                switch (name) {
                    case "system" -> system[0] = value();
                    case "meldingId" -> meldingId[0] = value();
                    case "tidspunkt" -> tidspunkt[0] = values.instant(name, value());
                    case "antallFiler" -> antallFiler[0] = values.integer(name, value());
                    case "mappe" -> mappe();
                    case "registrering", "basisregistrering" -> registrering(null);
                    default -> skip();
                }
            });
            List<Registrering> built = new ArrayList<>(registrations.size());
            for (RegistrationBuilder b : registrations) {
                built.add(b.build());
            }
            return new IncomingArkivmelding(namespace, system[0], meldingId[0], tidspunkt[0], antallFiler[0], built,
                    List.copyOf(warnings));
        }

        private void mappe() throws XMLStreamException, IOException {
            FolderBuilder f = new FolderBuilder(xsiType());
            children(name -> {
                switch (name) {
                    case "tittel" -> f.tittel = value();
                    case "saksaar" -> f.saksaar = values.integer(name, value());
                    case "sakssekvensnummer" -> f.sakssekvensnummer = values.integer(name, value());
                    case "saksdato" -> f.saksdato = values.date(name, value());
                    case "administrativEnhet" -> f.administrativEnhet = value();
                    case "saksansvarlig" -> f.saksansvarlig = value();
                    case "mappe" -> mappe(); // a nested folder: its registrations belong to it
                    case "registrering", "basisregistrering" -> registrering(f);
                    default -> skip();
                }
            });
        }

        private void registrering(FolderBuilder folder) throws XMLStreamException, IOException {
            count();
            RegistrationBuilder b = new RegistrationBuilder(folder, xsiType());
            registrations.add(b);
            children(name -> {
                switch (name) {
                    case "tittel" -> b.tittel = value();
                    case "offentligTittel" -> b.offentligTittel = value();
                    case "journalaar" -> b.journalaar = values.integer(name, value());
                    case "journalsekvensnummer" -> b.journalsekvensnummer = values.integer(name, value());
                    case "journalpostnummer" -> b.journalpostnummer = values.integer(name, value());
                    case "journalposttype" -> b.journalposttype = value();
                    case "journalstatus" -> b.journalstatus = value();
                    case "journaldato" -> b.journaldato = values.date(name, value());
                    case "dokumentetsDato" -> b.dokumentetsDato = values.date(name, value());
                    case "sendtDato" -> b.sendtDato = values.date(name, value());
                    case "skjerming" -> skjerming(b);
                    case "korrespondansepart" -> b.parties.add(korrespondansepart());
                    case "dokumentbeskrivelse" -> b.documents.add(dokumentbeskrivelse());
                    // beta: a dokumentobjekt may stand directly in the registration
                    case "dokumentobjekt" -> b.documents.add(new Dokumentbeskrivelse(null, null, null, null,
                            List.of(dokumentobjekt())));
                    default -> skip();
                }
            });
        }

        private void skjerming(RegistrationBuilder b) throws XMLStreamException, IOException {
            children(name -> {
                switch (name) {
                    case "tilgangsrestriksjon" -> b.tilgangsrestriksjon = value();
                    case "skjermingshjemmel" -> b.skjermingshjemmel = value();
                    default -> skip();
                }
            });
        }

        private Korrespondansepart korrespondansepart() throws XMLStreamException, IOException {
            count();
            String[] v = new String[11];
            List<String> postadresse = new ArrayList<>();
            children(name -> {
                switch (name) {
                    case "korrespondanseparttype" -> v[0] = value();
                    case "korrespondansepartNavn" -> v[1] = value();
                    case "organisasjonsnummer" -> v[2] = value();
                    case "postadresse" -> add(postadresse, value());
                    case "postnummer" -> v[3] = value();
                    case "poststed" -> v[4] = value();
                    case "land" -> v[5] = value();
                    case "epostadresse" -> v[6] = value();
                    case "kontaktperson" -> v[7] = value();
                    case "administrativEnhet" -> v[8] = value();
                    case "saksbehandler" -> v[9] = value();
                    case "deresReferanse" -> v[10] = value();
                    default -> skip();
                }
            });
            return new Korrespondansepart(v[0], v[1], v[2], postadresse, v[3], v[4], v[5], v[6], v[7], v[8], v[9],
                    v[10]);
        }

        private Dokumentbeskrivelse dokumentbeskrivelse() throws XMLStreamException, IOException {
            count();
            String[] v = new String[3];
            Integer[] dokumentnummer = new Integer[1];
            List<Dokumentobjekt> objects = new ArrayList<>();
            children(name -> {
                switch (name) {
                    case "tilknyttetRegistreringSom" -> v[0] = value();
                    case "dokumentnummer" -> dokumentnummer[0] = values.integer(name, value());
                    case "tittel" -> v[1] = value();
                    case "dokumenttype" -> v[2] = value();
                    case "dokumentobjekt" -> objects.add(dokumentobjekt());
                    default -> skip();
                }
            });
            return new Dokumentbeskrivelse(v[0], dokumentnummer[0], v[1], v[2], objects);
        }

        private Dokumentobjekt dokumentobjekt() throws XMLStreamException, IOException {
            count();
            String[] v = new String[6];
            Long[] size = new Long[1];
            children(name -> {
                switch (name) {
                    case "variantformat" -> v[0] = value();
                    case "referanseDokumentfil" -> v[1] = value();
                    case "format" -> v[2] = value();
                    case "mimeType" -> v[3] = value();
                    case "filstoerrelse" -> size[0] = values.longValue(name, value());
                    case "sjekksum" -> v[4] = value();
                    case "sjekksumAlgoritme" -> v[5] = value();
                    default -> skip();
                }
            });
            return new Dokumentobjekt(v[0], v[1], v[2], v[3], size[0], v[4], v[5]);
        }

        /** Calls {@code child} for each child element of the current one; returns after the current one ends. */
        private void children(Child child) throws XMLStreamException, IOException {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    enter();
                    child.read(r.getLocalName());
                    depth--;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    return;
                }
            }
        }

        /**
         * The current element's value, consuming it: its own text, or for a code object its {@code kodeverdi}, or
         * for a wrapper (v1 {@code organisasjonsnummer}) the first text inside. Null when blank.
         */
        private String value() throws XMLStreamException, IOException {
            String element = r.getLocalName();
            StringBuilder own = new StringBuilder();
            String kodeverdi = null;
            String firstInner = null;
            int level = 0;
            String innerName = null;
            StringBuilder inner = null;
            boolean truncated = false;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        enter();
                        level++;
                        innerName = r.getLocalName();
                        inner = new StringBuilder();
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
                            XMLStreamConstants.SPACE -> {
                        StringBuilder target = level == 0 ? own : inner;
                        if (target != null) {
                            truncated |= append(target, r);
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (level == 0) {
                            if (truncated) {
                                warnings.add(element + " er lengre enn " + MAX_TEXT + " tegn og er forkortet");
                            }
                            String text = own.toString().strip();
                            if (!text.isEmpty()) {
                                return text;
                            }
                            return kodeverdi != null ? kodeverdi : firstInner;
                        }
                        String text = inner == null ? "" : inner.toString().strip();
                        if (!text.isEmpty()) {
                            if ("kodeverdi".equals(innerName) && kodeverdi == null) {
                                kodeverdi = text;
                            } else if (firstInner == null) {
                                firstInner = text;
                            }
                        }
                        inner = null;
                        level--;
                        depth--;
                    }
                    default -> { }
                }
            }
            throw new ArkivmeldingInvalidException("arkivmelding.xml slutter midt i " + element, null);
        }

        private static boolean append(StringBuilder target, XMLStreamReader r) {
            int room = MAX_TEXT - target.length();
            int length = r.getTextLength();
            if (room <= 0) {
                return length > 0;
            }
            target.append(r.getTextCharacters(), r.getTextStart(), Math.min(room, length));
            return length > room;
        }

        /** Consumes the current element and everything in it. */
        private void skip() throws XMLStreamException, IOException {
            int level = 1;
            while (level > 0 && r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    enter();
                    level++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    level--;
                    if (level > 0) {
                        depth--;
                    }
                }
            }
        }

        private void enter() throws ArkivmeldingInvalidException {
            if (++depth > MAX_DEPTH) {
                throw new ArkivmeldingInvalidException("arkivmelding.xml er nestet dypere enn " + MAX_DEPTH
                        + " nivåer", null);
            }
        }

        private void count() throws ArkivmeldingInvalidException {
            if (++parts > MAX_PARTS) {
                throw new ArkivmeldingInvalidException("arkivmelding.xml har mer enn " + MAX_PARTS
                        + " registreringer, parter, dokumenter og filer", null);
            }
        }

        private String xsiType() {
            String type = r.getAttributeValue(XSI, "type");
            if (type == null || type.isBlank()) {
                return null;
            }
            int colon = type.indexOf(':');
            return type.substring(colon + 1).strip();
        }

        private static void add(List<String> list, String value) {
            if (value != null) {
                list.add(value);
            }
        }
    }

    /** A folder's values, complete only when the folder ends; registrations inside refer to it. */
    private static final class FolderBuilder {
        final String type;
        String tittel;
        Integer saksaar;
        Integer sakssekvensnummer;
        LocalDate saksdato;
        String administrativEnhet;
        String saksansvarlig;

        FolderBuilder(String type) {
            this.type = type;
        }

        Mappe build() {
            return new Mappe(type, tittel, saksaar, sakssekvensnummer, saksdato, administrativEnhet, saksansvarlig);
        }
    }

    private static final class RegistrationBuilder {
        final FolderBuilder folder;
        final String type;
        final List<Korrespondansepart> parties = new ArrayList<>();
        final List<Dokumentbeskrivelse> documents = new ArrayList<>();
        String tittel;
        String offentligTittel;
        Integer journalaar;
        Integer journalsekvensnummer;
        Integer journalpostnummer;
        String journalposttype;
        String journalstatus;
        LocalDate journaldato;
        LocalDate dokumentetsDato;
        LocalDate sendtDato;
        String tilgangsrestriksjon;
        String skjermingshjemmel;

        RegistrationBuilder(FolderBuilder folder, String type) {
            this.folder = folder;
            this.type = type;
        }

        Registrering build() {
            return new Registrering(folder == null ? null : folder.build(), type, tittel, offentligTittel,
                    journalaar, journalsekvensnummer, journalpostnummer, journalposttype, journalstatus, journaldato,
                    dokumentetsDato, sendtDato, tilgangsrestriksjon, skjermingshjemmel, parties, documents);
        }
    }
}
