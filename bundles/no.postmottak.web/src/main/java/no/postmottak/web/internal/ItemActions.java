package no.postmottak.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import no.postmottak.api.CaseNumber;
import no.postmottak.api.ArchiveReceipt;
import no.postmottak.api.inbox.ForwardRequest;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;

/**
 * The clerk's actions on items: archive, delete (reason required), forward, and archive or delete in bulk. The
 * acting user becomes the audit trail's actor. Input errors give 400; refusals by the inbox (wrong state) 409;
 * a failed archiving 502 with {@code retryable}.
 */
public final class ItemActions {

    public static final int MAX_BULK = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ItemActions.class);

    private final Inbox inbox;
    private final AccessControl access;
    private final boolean deleteRestricted;

    /** @param deleteRestricted whether only {@link Roles#DELETER} (and administrators) may delete */
    public ItemActions(Inbox inbox, AccessControl access, boolean deleteRestricted) {
        this.inbox = inbox;
        this.access = access;
        this.deleteRestricted = deleteRestricted;
    }

    public Map<String, Object> archive(User user, InboxItem item, JsonNode body) throws HttpError {
        CaseNumber target = caseNumber(text(body, "caseNumber"));
        try {
            ArchiveReceipt receipt = inbox.archive(item.id(), target, user.name());
            LOG.info("{} archived {} as {}", user.name(), item.id(), receipt.journalpostNumber());
            return JsonViews.map("ok", true, "receipt", JsonViews.receipt(receipt));
        } catch (InboxException e) {
            throw new HttpError(e.isRetryable() ? 502 : 409, e.getMessage(), e.isRetryable());
        }
    }

    public Map<String, Object> delete(User user, InboxItem item, JsonNode body) throws HttpError {
        mayDelete(user);
        String reason = reason(body);
        try {
            inbox.delete(item.id(), reason, user.name());
            return JsonViews.map("ok", true);
        } catch (InboxException e) {
            throw new HttpError(e.isRetryable() ? 503 : 409, e.getMessage(), e.isRetryable());
        }
    }

    public Map<String, Object> forward(User user, InboxItem item, JsonNode body) throws HttpError {
        ForwardRequest request;
        try {
            request = new ForwardRequest(text(body, "toAddress"), text(body, "note"));
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, e.getMessage());
        }
        if (request.note().length() > 4000) {
            throw new HttpError(400, "Notatet er for langt (maks 4000 tegn)");
        }
        try {
            inbox.forward(item.id(), request, user.name());
            return JsonViews.map("ok", true);
        } catch (InboxException e) {
            throw new HttpError(e.isRetryable() ? 502 : 409, e.getMessage(), e.isRetryable());
        }
    }

    private void mayDelete(User user) throws HttpError {
        if (!user.mayDelete(deleteRestricted)) {
            throw new HttpError(403, "Du har ikke rettighet til å slette post. Be en som har rollen "
                    + Roles.DELETER + " om å gjøre det.");
        }
    }

    /**
     * Archives or deletes many items. Every id is checked first: one item the user may not see refuses the whole
     * request with 403, before anything is done. Each item then succeeds or fails on its own.
     */
    public Map<String, Object> bulk(User user, String action, JsonNode body) throws HttpError, InboxException {
        JsonNode ids = body.get("ids");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw new HttpError(400, "Velg minst ett element");
        }
        if (ids.size() > MAX_BULK) {
            throw new HttpError(400, "Høyst " + MAX_BULK + " elementer om gangen");
        }
        Set<String> unique = new LinkedHashSet<>();
        ids.forEach(n -> unique.add(n.asText()));
        List<InboxItem> items = new ArrayList<>();
        for (String id : unique) {
            items.add(access.item(user, id));
        }
        if (action.equals("delete")) {
            mayDelete(user);
            reason(body); // fail before the first item when the reason is missing
        }
        List<Map<String, Object>> results = new ArrayList<>();
        int ok = 0;
        for (InboxItem item : items) {
            try {
                Map<String, Object> r = action.equals("archive") ? archive(user, item, body)
                        : delete(user, item, body);
                r.put("id", item.id().toString());
                results.add(r);
                ok++;
            } catch (HttpError e) {
                results.add(JsonViews.map("id", item.id().toString(), "ok", false, "error", e.getMessage(),
                        "retryable", e.retryable()));
            }
        }
        return JsonViews.map("succeeded", ok, "failed", items.size() - ok, "results", results);
    }

    private static String reason(JsonNode body) throws HttpError {
        String reason = text(body, "reason");
        if (reason == null || reason.isBlank()) {
            throw new HttpError(400, "Sletting krever en begrunnelse");
        }
        if (reason.length() > 1000) {
            throw new HttpError(400, "Begrunnelsen er for lang (maks 1000 tegn)");
        }
        return reason.trim();
    }

    private static CaseNumber caseNumber(String text) throws HttpError {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return CaseNumber.parse(text);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, e.getMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
