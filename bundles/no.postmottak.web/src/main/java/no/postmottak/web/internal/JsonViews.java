package no.postmottak.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.postmottak.api.ImportSuggestion;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.ItemState;
import no.postmottak.api.Party;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.inbox.AuditEntry;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.OrganisationView;
import no.postmottak.api.inbox.StoredDocument;

/**
 * What the pages see of an item. Deliberately a whitelist: a person's national identity number (fnr) and anything
 * not named here never leave the server.
 */
public final class JsonViews {

    /** Channel attributes the item view shows: the sender's system, our journalpost it answers (SvarInn V2). */
    static final String SENDING_SYSTEM = "svarinn.avgivendeSystem";
    static final String REPLY_TO_JOURNALPOST = "svarinn.svarPaJournalpost";
    /** What any channel wants the clerk to know about how the mail arrived (Norwegian, one point per line). */
    static final String NOTICE = "merknad";

    /** An item nobody has acted on for this long gets a badge. */
    public static final Duration UNTOUCHED_AFTER = Duration.ofHours(2);

    private JsonViews() {
    }

    /** The title a confidential item shows to whoever may not read it. */
    public static final String CONFIDENTIAL_TITLE = "Taushetsbelagt";

    /** One row of a list, masked when the item is confidential (for lists that do not know the user's roles). */
    public static Map<String, Object> summary(InboxItem item, int documentCount, Instant now) {
        return summary(item, documentCount, now, !item.metadata().confidential());
    }

    /**
     * One row of the inbox list. An item the user may not read ({@link User#mayRead}) shows only that it exists:
     * when and how it came, its state, and "Taushetsbelagt"; no title, sender or document count.
     */
    public static Map<String, Object> summary(InboxItem item, int documentCount, Instant now, boolean readable) {
        IncomingItem m = item.metadata();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", item.id().toString());
        v.put("orgnr", m.recipientOrgnr());
        v.put("orgConfigured", item.orgConfigured());
        v.put("sender", readable ? party(m.sender()) : map("name", null));
        v.put("title", readable ? m.title() : CONFIDENTIAL_TITLE);
        v.put("receivedAt", item.receivedAt().toString());
        v.put("channel", m.channel().name());
        v.put("documentCount", readable ? documentCount : null);
        v.put("state", item.state().name());
        v.put("untouched", untouched(item, now));
        v.put("confidential", m.confidential());
        v.put("masked", !readable);
        return v;
    }

    /** Whether the item still waits for a clerk after {@link #UNTOUCHED_AFTER}. */
    public static boolean untouched(InboxItem item, Instant now) {
        return item.state() == ItemState.RECEIVED && item.receivedAt().isBefore(now.minus(UNTOUCHED_AFTER));
    }

    /** The item view: metadata, documents, receipt, audit trail and what the clerk can do now. */
    public static Map<String, Object> detail(InboxItem item, List<AuditEntry> audit, Optional<OrganisationView> org,
                                             Instant now) {
        IncomingItem m = item.metadata();
        Map<String, Object> v = summary(item, item.documents().size(), now, true);
        v.put("recipient", m.recipient() == null ? null : party(m.recipient()));
        v.put("sentAt", m.sentAt() == null ? null : m.sentAt().toString());
        v.put("senderReference", m.senderMetadata() == null ? null : m.senderMetadata().reference().orElse(null));
        v.put("eksternRef", m.eksternRef());
        v.put("replyTo", m.replyToChannelId());
        v.put("securityLevel", m.securityLevel());
        v.put("forsendelseType", m.forsendelseType());
        v.put("sendingSystem", m.channelAttributes().get(SENDING_SYSTEM));
        v.put("replyToJournalpost", m.channelAttributes().get(REPLY_TO_JOURNALPOST));
        v.put("notice", m.channelAttributes().get(NOTICE));
        v.put("suggestion", suggestion(m.importSuggestion()));
        v.put("links", m.links().stream().map(l -> map("label", l.label(), "url", l.url(), "text", l.text())).toList());
        v.put("documents", item.documents().stream().map(d -> document(item, d)).toList());
        v.put("receipt", receipt(item.receipt()));
        v.put("audit", audit.stream().map(JsonViews::audit).toList());
        v.put("organisation", org.map(JsonViews::organisation).orElse(null));
        v.put("actions", map("archive", item.state().canMoveTo(ItemState.ARCHIVING),
                "delete", item.state().canMoveTo(ItemState.DELETED),
                "forward", item.state().canMoveTo(ItemState.FORWARDED) && !m.confidential()));
        return v;
    }

    /** An organisation's settings as clerks and administrators see them: never a secret. */
    public static Map<String, Object> organisation(OrganisationView o) {
        return map("orgnr", o.orgnr(), "displayName", o.displayName(),
                "archiveTarget", o.archiveTarget().orElse(null), "archiveKind", o.archiveKind().orElse(null),
                "archiveAvailable", o.archiveAvailable(), "archiveProblem", o.archiveProblem().orElse(null),
                "fallbackCase", o.fallbackCase().map(Object::toString).orElse(null),
                "fallbackCaseTitle", o.fallbackCaseTitle().isEmpty() ? null : o.fallbackCaseTitle(),
                "forwardingAvailable", o.forwardingAvailable());
    }

    public static Map<String, Object> receipt(ArchiveReceipt r) {
        if (r == null) {
            return null;
        }
        return map("kind", r.kind(), "target", r.target(), "journalpostId", r.journalpostId(), "journalpostNumber", r.journalpostNumber(),
                "caseNumber", r.caseNumber(), "details", r.details());
    }

    private static Map<String, Object> party(Party p) {
        Map<String, Object> v = map("name", p.name(), "orgnr", p.orgnr(), "addressLines", p.addressLines(),
                "postnr", p.postnr(), "poststed", p.poststed(), "land", p.land());
        v.put("person", p.fnr() != null && !p.fnr().isBlank());
        return v;
    }

    private static Map<String, Object> suggestion(ImportSuggestion s) {
        if (s == null) {
            return null;
        }
        return map("caseNumber", s.caseNumber().map(Object::toString).orElse(null), "caseSystemId", s.caseSystemId(),
                "tittel", s.tittel(),
                "journalposttype", s.journalposttype(), "journalstatus", s.journalstatus(),
                "dokumentetsDato", s.dokumentetsDato() == null ? null : s.dokumentetsDato().toString());
    }

    private static Map<String, Object> document(InboxItem item, StoredDocument d) {
        String base = WebSecurity.BASE + "/api/items/" + item.id() + "/documents/" + d.index();
        Map<String, Object> v = map("index", d.index(), "fileName", d.fileName(), "mediaType", d.mediaType(),
                "size", d.size(), "role", d.role().name(), "purged", d.purged());
        v.put("url", d.purged() ? null : base);
        v.put("preview", !d.purged() && "application/pdf".equalsIgnoreCase(d.mediaType()));
        return v;
    }

    private static Map<String, Object> audit(AuditEntry e) {
        return map("at", e.at().toString(), "actor", e.actor(), "action", e.action(),
                "from", e.from() == null ? null : e.from().name(), "to", e.to() == null ? null : e.to().name(),
                "detail", e.detail());
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
