package no.postmottak.web.internal;

import java.util.UUID;

import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;

/**
 * Who may see which item. A user who may not see an item gets 403, and so does a non-admin asking for an id that
 * does not exist: otherwise 404 versus 403 would tell a clerk which ids exist in other organisations.
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
        if (!user.maySee(item.metadata().recipientOrgnr())) {
            throw HttpError.forbidden();
        }
        return item;
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
