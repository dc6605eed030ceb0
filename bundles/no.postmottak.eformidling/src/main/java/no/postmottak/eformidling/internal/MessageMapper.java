package no.postmottak.eformidling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import no.postmottak.api.Channel;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.Party;
import no.postmottak.api.SenderMetadata;
import no.postmottak.arkivmelding.IncomingArkivmelding;
import no.postmottak.arkivmelding.IncomingArkivmelding.Korrespondansepart;
import no.postmottak.arkivmelding.IncomingArkivmelding.Mappe;
import no.postmottak.arkivmelding.IncomingArkivmelding.Registrering;

/**
 * Turns an eFormidling message (its SBD and the arkivmelding in its ASiC-E) into the inbox's {@link IncomingItem}:
 * the recipient from the SBD receiver ({@code 0192:<orgnr>}), the sender from the korrespondansepart Avsender with
 * the SBD sender's organisation number, the title, and the sender's case and journal post numbers as <em>their</em>
 * reference; confidential mail is marked so. A message the IP converted from KS SvarUt (DPF) is stored as the SvarInn forsendelse it is (the IP uses
 * the forsendelse id as message id), so that it is stored once whichever system fetched it.
 */
public final class MessageMapper {

    /** The integrasjonspunkt configuration that received it. */
    public static final String ACCOUNT = "eformidling.integrasjonspunkt";
    public static final String MESSAGE_ID = "eformidling.messageId";
    public static final String CONVERSATION_ID = "eformidling.conversationId";
    public static final String PROCESS = "eformidling.prosess";
    public static final String DOCUMENT_TYPE = "eformidling.dokumenttype";
    public static final String SERVICE = "eformidling.tjeneste";
    public static final String SENDER_IDENTIFIER = "eformidling.avsender";
    /**
     * What the clerk should know about how the message was read (Norwegian, one point per line): the channel
     * attribute any channel may set, which the web shows on the item as "Merknad".
     */
    public static final String WARNINGS = "merknad";
    /** Set when the message is for an org number this integrasjonspunkt configuration does not list. */
    public static final String ORGNR_NOT_LISTED = "eformidling.orgnrIkkeKonfigurert";
    /** Set when the SBD named no receiver and the configuration's first org number was used. */
    public static final String ORGNR_MISSING = "eformidling.mottakerOrgnrMangler";
    public static final String DPF = "DPF";

    private static final int MAX_ATTRIBUTE = 4000;

    private final String account;
    private final List<String> orgnrs;

    /** @param orgnrs the org numbers the integrasjonspunkt configuration lists, the main one first */
    public MessageMapper(String account, Collection<String> orgnrs) {
        this.account = account;
        this.orgnrs = List.copyOf(new LinkedHashSet<>(orgnrs));
    }

    /** The channel and id an item is stored under: SvarInn's forsendelse id for DPF, the message id otherwise. */
    public static Channel channel(String serviceIdentifier) {
        return DPF.equalsIgnoreCase(serviceIdentifier) ? Channel.SVARINN : Channel.EFORMIDLING;
    }

    /**
     * The item.
     *
     * @param am       the arkivmelding, or null when the message had none
     * @param fallbackTitle the title when neither the arkivmelding nor the SBD gives one (the first file's name)
     * @param warnings what the clerk should know
     */
    public IncomingItem toIncomingItem(Sbd sbd, String serviceIdentifier, IncomingArkivmelding am,
                                       String fallbackTitle, List<String> warnings) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(ACCOUNT, account);
        attributes.put(MESSAGE_ID, sbd.messageId());
        put(attributes, CONVERSATION_ID, sbd.conversationId());
        put(attributes, PROCESS, sbd.process());
        put(attributes, DOCUMENT_TYPE, sbd.documentType());
        put(attributes, SERVICE, serviceIdentifier);
        put(attributes, SENDER_IDENTIFIER, sbd.senderIdentifier());
        String orgnr = sbd.receiverOrgnr();
        if (orgnr == null) {
            if (orgnrs.isEmpty()) {
                throw new IllegalArgumentException("Meldingen har ingen mottaker, og integrasjonspunktet har ikke"
                        + " noe organisasjonsnummer å bruke i stedet");
            }
            orgnr = orgnrs.get(0);
            attributes.put(ORGNR_MISSING, "true");
        } else if (!orgnrs.isEmpty() && !orgnrs.contains(orgnr)) {
            attributes.put(ORGNR_NOT_LISTED, "true");
        }
        Registrering jp = am == null ? null : am.first().orElse(null);
        if (!warnings.isEmpty()) {
            put(attributes, WARNINGS, String.join("\n", warnings));
        }
        Party sender = sender(jp, sbd.senderOrgnr());
        Party recipient = jp == null ? null : jp.mottaker().map(k -> party(k, null)).orElse(null);
        Instant sentAt = sbd.created() != null ? sbd.created() : am == null ? null : am.tidspunkt();
        return new IncomingItem(channel(serviceIdentifier), sbd.messageId(), orgnr, sender, recipient,
                title(jp, fallbackTitle), sentAt, sbd.securityLevel(), sbd.dpfForsendelseType(), sbd.senderRef(),
                sbd.receiverRef(), senderMetadata(jp), null, List.of(), attributes, confidential(sbd, jp));
    }

    /**
     * Confidential (taushetsbelagt): sent in the confidential process, or screened by the sender under the duty of
     * confidentiality (tilgangsrestriksjon 13, offentleglova § 13).
     */
    static boolean confidential(Sbd sbd, Registrering jp) {
        return sbd.isConfidential() || jp != null && "13".equals(jp.tilgangsrestriksjon());
    }

    private static Party sender(Registrering jp, String sbdOrgnr) {
        Korrespondansepart avsender = jp == null ? null : jp.avsender().orElse(null);
        if (avsender != null) {
            return party(avsender, sbdOrgnr);
        }
        return Party.organisation(sbdOrgnr == null ? "" : "Organisasjonsnummer " + sbdOrgnr, sbdOrgnr);
    }

    private static Party party(Korrespondansepart k, String fallbackOrgnr) {
        String orgnr = k.organisasjonsnummer() != null && k.organisasjonsnummer().matches("\\d{9}")
                ? k.organisasjonsnummer() : fallbackOrgnr;
        return new Party(k.korrespondansepartNavn(), orgnr, null, k.postadresse(), k.postnummer(), k.poststed(),
                k.land());
    }

    private static String title(Registrering jp, String fallback) {
        if (jp != null) {
            if (jp.tittel() != null) {
                return jp.tittel();
            }
            if (jp.mappe() != null && jp.mappe().tittel() != null) {
                return jp.mappe().tittel();
            }
        }
        return fallback == null ? "" : fallback;
    }

    /** The sender's own registration: their case (saksmappe) and journal post. */
    private static SenderMetadata senderMetadata(Registrering jp) {
        if (jp == null) {
            return null;
        }
        Mappe m = jp.mappe();
        String saksbehandler = jp.avsender().map(Korrespondansepart::saksbehandler)
                .orElse(m == null ? null : m.saksansvarlig());
        return new SenderMetadata(m == null ? null : m.saksaar(), m == null ? null : m.sakssekvensnummer(),
                jp.journalaar(), jp.journalsekvensnummer(), jp.journalpostnummer(), jp.journalposttype(),
                jp.journalstatus(), instant(jp.journaldato()), instant(jp.dokumentetsDato()), jp.tittel(),
                saksbehandler, Map.of());
    }

    private static Instant instant(LocalDate date) {
        return date == null ? null : date.atStartOfDay(java.time.ZoneId.of("Europe/Oslo")).toInstant();
    }

    private static void put(Map<String, String> attributes, String key, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(key, value.length() > MAX_ATTRIBUTE ? value.substring(0, MAX_ATTRIBUTE) + "…" : value);
        }
    }
}
