package no.postmottak.svarinn.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Collection;
import java.util.LinkedHashSet;

import no.postmottak.api.Channel;
import no.postmottak.api.ImportSuggestion;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.Link;
import no.postmottak.api.Party;
import no.postmottak.api.SenderMetadata;
import no.postmottak.svarinn.internal.json.Adresse;
import no.postmottak.svarinn.internal.json.EkstraMetadata;
import no.postmottak.svarinn.internal.json.Forsendelse;
import no.postmottak.svarinn.internal.json.MetadataForImport;
import no.postmottak.svarinn.internal.json.MetadataFraAvleverendeSystem;

/**
 * Turns a SvarInn forsendelse into the inbox's {@link IncomingItem}: the recipient org from {@code mottaker.orgnr},
 * the sender from {@code svarSendesTil} falling back to {@code avsender}, and every field archiving needs.
 */
public final class ForsendelseMapper {

    /** Channel attribute set when the mail is for an org number the account configuration does not list. */
    public static final String ORGNR_NOT_LISTED = "svarinn.orgnrIkkeKonfigurert";
    /** Channel attribute set when {@code mottaker.orgnr} was missing and the account's first org number was used. */
    public static final String ORGNR_MISSING = "svarinn.mottakerOrgnrMangler";
    /** Channel attribute naming the SvarInn account that fetched the item. */
    public static final String ACCOUNT = "svarinn.konto";

    private static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    private final String accountName;
    private final List<String> accountOrgnrs;

    /** @param accountOrgnrs the org numbers the account configuration lists, the main one first */
    public ForsendelseMapper(String accountName, Collection<String> accountOrgnrs) {
        this.accountName = accountName;
        this.accountOrgnrs = List.copyOf(new LinkedHashSet<>(accountOrgnrs));
    }

    public IncomingItem toIncomingItem(Forsendelse f) {
        String orgnr = f.mottaker() == null ? null : f.mottaker().orgnr();
        Map<String, String> attributes = new HashMap<>();
        attributes.put(ACCOUNT, accountName);
        if (orgnr == null || orgnr.isBlank()) {
            // SvarUt only lists mail for this account's org numbers; rather than drop it, file it under the first
            // and flag it for the administrator (KS' own test data has such items).
            if (accountOrgnrs.isEmpty()) {
                throw new IllegalArgumentException("Forsendelsen mangler mottaker.orgnr, og kontoen har ingen"
                        + " organisasjonsnummer å bruke i stedet");
            }
            orgnr = accountOrgnrs.get(0);
            attributes.put(ORGNR_MISSING, "true");
        } else if (!accountOrgnrs.isEmpty() && !accountOrgnrs.contains(orgnr.trim())) {
            attributes.put(ORGNR_NOT_LISTED, "true");
        }
        if (f.status() != null) {
            attributes.put("svarinn.status", f.status());
        }
        Party sender = f.svarSendesTil() != null && !f.svarSendesTil().isEmpty()
                ? party(f.svarSendesTil()) : party(f.avsender());
        return new IncomingItem(Channel.SVARINN, f.id(), orgnr.trim(), sender, party(f.mottaker()),
                f.tittel(), f.date(), niva(f.niva()), f.forsendelseType(), f.eksternRef(), f.svarPaForsendelse(),
                senderMetadata(f.metadataFraAvleverendeSystem()), importSuggestion(f.metadataForImport()),
                links(f), attributes);
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
        return new ImportSuggestion(m.saksaar(), m.sakssekvensnummer(), m.journalposttype(), m.journalstatus(),
                date == null ? null : date.atZone(NORWAY).toLocalDate(), m.tittel());
    }

    private static List<Link> links(Forsendelse f) {
        if (f.lenker() == null) {
            return List.of();
        }
        return f.lenker().stream().filter(l -> l != null && l.urlLenke() != null && !l.urlLenke().isBlank())
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
