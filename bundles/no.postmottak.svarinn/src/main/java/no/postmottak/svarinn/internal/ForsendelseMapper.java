package no.postmottak.svarinn.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;

import no.postmottak.api.Channel;
import no.postmottak.api.ImportSuggestion;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.Link;
import no.postmottak.api.Party;
import no.postmottak.api.SenderMetadata;
import no.postmottak.svarinn.internal.json.Adresse;
import no.postmottak.svarinn.internal.json.EkstraMetadata;
import no.postmottak.svarinn.internal.json.Forsendelse;
import no.postmottak.svarinn.internal.json.ForsendelseV2;
import no.postmottak.svarinn.internal.json.Lenke;
import no.postmottak.svarinn.internal.json.MetadataForImport;
import no.postmottak.svarinn.internal.json.MetadataFraAvleverendeSystem;

/**
 * Turns a SvarInn forsendelse, V1 or V2, into the inbox's {@link IncomingItem}. What depends on the account is done
 * once for both versions: the recipient org (falling back to the account's first org number), the flags for the
 * administrator, the sender ({@code svarSendesTil} falling back to {@code avsender}).
 */
public final class ForsendelseMapper {

    /** Channel attribute set when the mail is for an org number the account configuration does not list. */
    public static final String ORGNR_NOT_LISTED = "svarinn.orgnrIkkeKonfigurert";
    /** Channel attribute set when {@code mottaker.orgnr} was missing and the account's first org number was used. */
    public static final String ORGNR_MISSING = "svarinn.mottakerOrgnrMangler";
    /** Channel attribute naming the SvarInn account that fetched the item. */
    public static final String ACCOUNT = "svarinn.konto";
    /** Channel attribute: the API version that fetched the item. */
    public static final String API_VERSION = "svarinn.api";
    /** Channel attribute (V2): the sender's system, e.g. EDIALOG. */
    public static final String SENDING_SYSTEM = "svarinn.avgivendeSystem";
    /** Channel attribute (V2): our journalpost this answers ({@code metadataForImport.journalpostId}). */
    public static final String REPLY_TO_JOURNALPOST = "svarinn.svarPaJournalpost";

    private static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    private final String accountName;
    private final List<String> accountOrgnrs;

    /** @param accountOrgnrs the org numbers the account configuration lists, the main one first */
    public ForsendelseMapper(String accountName, Collection<String> accountOrgnrs) {
        this.accountName = accountName;
        this.accountOrgnrs = List.copyOf(new LinkedHashSet<>(accountOrgnrs));
    }

    public IncomingItem toIncomingItem(Offered offered) {
        return offered.toIncomingItem(this);
    }

    /** A V1 forsendelse ({@code niva} "3"/"4", flat import suggestion). */
    public IncomingItem fromV1(Forsendelse f) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(API_VERSION, "v1");
        if (f.status() != null) {
            attributes.put("svarinn.status", f.status());
        }
        return new IncomingItem(Channel.SVARINN, f.id(), recipient(f.mottaker(), attributes),
                sender(f.svarSendesTil(), f.avsender()), party(f.mottaker()), f.tittel(), f.date(), niva(f.niva()),
                f.forsendelseType(), f.eksternRef(), f.svarPaForsendelse(),
                senderMetadata(f.metadataFraAvleverendeSystem()), importSuggestion(f.metadataForImport()),
                links(f.lenker()), attributes, false);
    }

    /** A V2 forsendelse: {@code sikkerhetsniva}, {@code taushetsbelagtPost}, {@code avgivendeSystem}, Noark ids. */
    public IncomingItem fromV2(ForsendelseV2 f) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(API_VERSION, "v2");
        putIfPresent(attributes, SENDING_SYSTEM, f.avgivendeSystem());
        MetadataForImport imp = f.metadataForImport();
        putIfPresent(attributes, REPLY_TO_JOURNALPOST, imp == null ? null : journalpost(imp.journalpostId()));
        return new IncomingItem(Channel.SVARINN, f.id(), recipient(f.mottaker(), attributes),
                sender(f.svarSendesTil(), f.avsender()), party(f.mottaker()), f.tittel(), f.dato(),
                sikkerhetsniva(f.sikkerhetsniva()), blankToNull(f.type()), f.eksternRef(), f.svarPaForsendelse(),
                senderMetadata(f.metadataFraAvleverendeSystem()), importSuggestion(imp), links(f.lenker()),
                attributes, Boolean.TRUE.equals(f.taushetsbelagtPost()));
    }

    /** The recipient org number, flagged in {@code attributes} when missing or not the account's. */
    private String recipient(Adresse mottaker, Map<String, String> attributes) {
        attributes.put(ACCOUNT, accountName);
        String orgnr = mottaker == null ? null : mottaker.orgnr();
        if (orgnr == null || orgnr.isBlank()) {
            // SvarUt only lists mail for this account's org numbers; rather than drop it, file it under the first
            // and flag it for the administrator (KS' own test data has such items).
            if (accountOrgnrs.isEmpty()) {
                throw new IllegalArgumentException("Forsendelsen mangler mottakerens organisasjonsnummer, og kontoen"
                        + " har ingen organisasjonsnummer å bruke i stedet");
            }
            attributes.put(ORGNR_MISSING, "true");
            return accountOrgnrs.get(0);
        }
        if (!accountOrgnrs.isEmpty() && !accountOrgnrs.contains(orgnr.trim())) {
            attributes.put(ORGNR_NOT_LISTED, "true");
        }
        return orgnr.trim();
    }

    private static Party sender(Adresse svarSendesTil, Adresse avsender) {
        return svarSendesTil != null && !svarSendesTil.isEmpty() ? party(svarSendesTil) : party(avsender);
    }

    /** eID levels as the inbox's numbers; an unknown level is kept out rather than stopping the item. */
    static Integer sikkerhetsniva(String niva) {
        if (niva == null) {
            return null;
        }
        return switch (niva.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "BETYDELIG" -> 3;
            case "HOYESTE", "HØYESTE" -> 4;
            default -> niva(niva);
        };
    }

    private static String journalpost(MetadataForImport.JournalpostId j) {
        if (j == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (j.registreringsId() != null && !j.registreringsId().isBlank()) {
            parts.add(j.registreringsId().trim());
        }
        if (j.journalpostnummer() != null) {
            parts.add("journalpostnummer " + j.journalpostnummer());
        }
        if (j.systemId() != null && !j.systemId().isBlank()) {
            parts.add("arkivets id " + j.systemId().trim());
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static void putIfPresent(Map<String, String> attributes, String key, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(key, value.trim());
        }
    }

    static Party party(Adresse a) {
        if (a == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (String line : new String[] {a.adresse1(), a.adresse2(), a.adresse3(),
                a.adresselinje1(), a.adresselinje2(), a.adresselinje3()}) {
            if (line != null && !line.isBlank()) {
                lines.add(line.trim());
            }
        }
        return new Party(a.navn(), blankToNull(a.orgnr()), blankToNull(a.fnr()), lines, blankToNull(a.postnr()),
                blankToNull(a.poststed()), blankToNull(a.land()));
    }

    private static SenderMetadata senderMetadata(MetadataFraAvleverendeSystem m) {
        if (m == null) {
            return null;
        }
        Map<String, String> extra = new HashMap<>();
        if (m.ekstraMetadata() != null) {
            for (EkstraMetadata e : m.ekstraMetadata()) {
                if (e != null && e.key() != null && !e.key().isBlank()) {
                    extra.put(e.key(), Objects.requireNonNullElse(e.value(), ""));
                }
            }
        }
        return new SenderMetadata(m.saksaar(), m.sakssekvensnummer(), m.journalaar(), m.journalsekvensnummer(),
                m.journalpostnummer(), m.journalposttype(), m.journalstatus(), m.journaldato(), m.dokumentetsDato(),
                m.tittel(), m.saksBehandler(), extra);
    }

    private static ImportSuggestion importSuggestion(MetadataForImport m) {
        if (m == null) {
            return null;
        }
        Instant date = m.dokumentetsDato();
        return new ImportSuggestion(m.caseYear(), m.caseSequence(), m.journalposttype(), m.journalstatus(),
                date == null ? null : date.atZone(NORWAY).toLocalDate(), m.tittel(),
                m.mappeId() == null ? null : m.mappeId().systemId());
    }

    private static List<Link> links(List<Lenke> lenker) {
        if (lenker == null) {
            return List.of();
        }
        return lenker.stream().filter(l -> l != null && l.urlLenke() != null && !l.urlLenke().isBlank())
                .map(l -> new Link(l.ledetekst(), l.urlLenke(), l.urlTekst())).toList();
    }

    private static Integer niva(String niva) {
        if (niva == null || niva.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(niva.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
