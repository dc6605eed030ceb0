package no.postmottak.web.internal;

import java.util.UUID;

import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;

/**
 * Who may see which item. A user who may not see an item gets 403, and so does a non-admin asking for an id that
 * does not exist: otherwise 404 versus 403 would tell a clerk which ids exist in other organisations. The one rule
 * for confidential mail is here too: without the organisation's {@code postmottak-taushet-<orgnr>} role every URL
 * of the item answers 403 (the list shows it masked, {@link JsonViews#summary}), and each look at it by someone
 * with the role is written to its audit trail.
 */
public final class AccessControl {

    private final Inbox inbox;

    public AccessControl(Inbox inbox) {
        this.inbox = inbox;
    }

    /** The item, when the user may see it. */
    public InboxItem item(User user, String id) throws HttpError, InboxException {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw user.admin() ? new HttpError(400, "Ugyldig id: " + id) : HttpError.forbidden();
        }
        InboxItem item = inbox.get(uuid).orElse(null);
        if (item == null) {
            throw user.admin() ? new HttpError(404, "Fant ikke elementet") : HttpError.forbidden();
        }
        String orgnr = item.metadata().recipientOrgnr();
        if (!user.maySee(orgnr)) {
            throw HttpError.forbidden();
        }
        if (!user.mayRead(orgnr, item.metadata().confidential())) {
            throw new HttpError(403, "Elementet er taushetsbelagt. Det kan bare åpnes av brukere med rollen "
                    + Roles.CONFIDENTIAL_PREFIX + orgnr + ".");
        }
        return item;
    }

    /** Writes a look at a confidential item ({@code view}, {@code download}) to its audit trail. */
    public void audited(User user, InboxItem item, String action, String detail) throws InboxException {
        if (item.metadata().confidential()) {
            inbox.auditAccess(item.id(), user.name(), action, detail);
        }
    }

    public static void requireAdmin(User user) throws HttpError {
        if (!user.admin()) {
            throw new HttpError(403, "Krever rollen " + Roles.ADMIN);
        }
    }

    public static void requireOrg(User user, String orgnr) throws HttpError {
        if (!user.maySee(orgnr)) {
            throw HttpError.forbidden();
        }
    }
}
