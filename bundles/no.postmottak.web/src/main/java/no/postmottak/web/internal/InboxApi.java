package no.postmottak.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.api.inbox.Page;
import no.postmottak.api.inbox.StoredDocument;

/**
 * The JSON API under {@code /postmottak/api}; see README-web.md for the routes. Expects {@link WebSecurity} to have
 * authenticated the request and checked its CSRF token; checks per item what the user may see.
 */
public final class InboxApi {

    private static final Logger LOG = LoggerFactory.getLogger(InboxApi.class);

    private final Inbox inbox;
    private final OrgDirectory directory;
    private final AccessControl access;
    private final QueryParser queries;
    private final ItemActions actions;
    private final AdminOverview admin;
    private final DocumentCounts documentCounts;
    private final Clock clock;
    private final boolean deleteRestricted;

    public InboxApi(Inbox inbox, OrgDirectory directory, AdminOverview admin, Clock clock) {
        this(inbox, directory, admin, clock, false);
    }

    /** @param deleteRestricted whether only {@link Roles#DELETER} (and administrators) may delete */
    public InboxApi(Inbox inbox, OrgDirectory directory, AdminOverview admin, Clock clock, boolean deleteRestricted) {
        this.inbox = inbox;
        this.directory = directory;
        this.access = new AccessControl(inbox);
        this.queries = new QueryParser(directory);
        this.actions = new ItemActions(inbox, access, deleteRestricted);
        this.deleteRestricted = deleteRestricted;
        this.admin = admin;
        this.documentCounts = new DocumentCounts(inbox);
        this.clock = clock;
    }

    /** {@code path} is what follows {@code /postmottak/api}, e.g. {@code /items/<id>}. */
    public void handle(HttpServletRequest req, HttpServletResponse resp, String path) throws IOException {
        User user = (User) req.getAttribute(WebSecurity.USER_ATTRIBUTE);
        Sessions.Session session = (Sessions.Session) req.getAttribute(WebSecurity.SESSION_ATTRIBUTE);
        if (user == null || session == null) {
            Json.error(resp, 401, "Du er ikke innlogget");
            return;
        }
        try {
            route(req, resp, user, session, path == null ? "/" : path);
        } catch (HttpError | InboxException e) {
            if (resp.isCommitted()) {
                // A download broke off midway: the client sees a truncated body, nothing else can be sent.
                LOG.warn("{} {} brøt av underveis: {}", req.getMethod(), path, e.getMessage());
                return;
            }
            fail(resp, path, req.getMethod(), e);
        }
    }

    private static void fail(HttpServletResponse resp, String path, String method, Exception ex) throws IOException {
        resp.reset(); // drop download headers set before the failure
        WebSecurity.secureHeaders(resp);
        if (ex instanceof HttpError e) {
            Json.write(resp, e.status(), JsonViews.map("error", e.getMessage(), "status", e.status(),
                    "retryable", e.retryable()));
        } else if (ex instanceof InboxException e) {
            LOG.warn("Innboksen svarte med feil på {} {}: {}", method, path, e.getMessage());
            Json.write(resp, e.isRetryable() ? 503 : 400, JsonViews.map("error", e.getMessage(),
                    "status", e.isRetryable() ? 503 : 400, "retryable", e.isRetryable()));
        }
    }

    private void route(HttpServletRequest req, HttpServletResponse resp, User user, Sessions.Session session,
                       String path) throws IOException, HttpError, InboxException {
        String[] p = path.replaceAll("^/+|/+$", "").split("/");
        String method = req.getMethod();
        boolean get = method.equals("GET") || method.equals("HEAD");
        boolean post = method.equals("POST");
        if (get && p.length == 1 && p[0].equals("me")) {
            Json.write(resp, 200, JsonViews.map("user", user.name(), "admin", user.admin(),
                    "orgnrs", new java.util.TreeSet<>(user.admin() ? directory.knownOrgnrs() : user.orgnrs()),
                    "mayDelete", user.mayDelete(deleteRestricted), "csrfToken", session.csrfToken(),
                    "confidentialOrgnrs", new java.util.TreeSet<>(user.confidentialOrgnrs())));
        } else if (get && p.length == 1 && p[0].equals("items")) {
            list(req, resp, user);
        } else if (p.length >= 2 && p[0].equals("items")) {
            InboxItem item = access.item(user, p[1]);
            if (get && p.length == 2) {
                access.audited(user, item, "view", null);
                Json.write(resp, 200, JsonViews.detail(item, inbox.auditTrail(item.id()),
                        inbox.organisation(item.metadata().recipientOrgnr()), clock.instant()));
            } else if (get && p.length == 4 && p[2].equals("documents")) {
                document(req, resp, user, item, p[3]);
            } else if (get && p.length == 3 && p[2].equals("zip")) {
                access.audited(user, item, "download", "Alle dokumenter som zip");
                zip(resp, item);
            } else if (post && p.length == 3 && p[2].equals("archive")) {
                Json.write(resp, 200, actions.archive(user, item, Json.read(req.getInputStream())));
            } else if (post && p.length == 3 && p[2].equals("delete")) {
                Json.write(resp, 200, actions.delete(user, item, Json.read(req.getInputStream())));
            } else if (post && p.length == 3 && p[2].equals("forward")) {
                Json.write(resp, 200, actions.forward(user, item, Json.read(req.getInputStream())));
            } else {
                throw notFound(get || post);
            }
        } else if (post && p.length == 2 && p[0].equals("bulk") && (p[1].equals("archive") || p[1].equals("delete"))) {
            Json.write(resp, 200, actions.bulk(user, p[1], Json.read(req.getInputStream())));
        } else if (p.length >= 2 && p[0].equals("admin")) {
            admin(req, resp, user, p, get, post);
        } else {
            throw notFound(get || post);
        }
    }

    private void admin(HttpServletRequest req, HttpServletResponse resp, User user, String[] p, boolean get,
                       boolean post) throws IOException, HttpError, InboxException {
        AccessControl.requireAdmin(user);
        if (get && p.length == 2 && p[1].equals("overview")) {
            Json.write(resp, 200, admin.overview());
        } else if (get && p.length == 2 && p[1].equals("channels")) {
            Json.write(resp, 200, admin.channels());
        } else if (post && p.length == 4 && p[1].equals("channels") && p[3].equals("poll")) {
            Map<String, Object> result = admin.pollNow(p[2]);
            LOG.info("{} ba kanalkonto {} hente nå", user.name(), p[2]);
            Json.write(resp, 200, result);
        } else {
            throw notFound(get || post);
        }
    }

    private void list(HttpServletRequest req, HttpServletResponse resp, User user)
            throws IOException, HttpError, InboxException {
        Optional<InboxQuery> query = queries.parse(user, req::getParameter);
        if (query.isEmpty()) {
            Json.write(resp, 200, JsonViews.map("items", List.of(), "nextCursor", null));
            return;
        }
        Page<InboxItem> page = inbox.find(query.get());
        Instant now = clock.instant();
        List<Map<String, Object>> rows = new ArrayList<>(page.items().size());
        for (InboxItem i : page.items()) {
            boolean readable = user.mayRead(i.metadata().recipientOrgnr(), i.metadata().confidential());
            rows.add(JsonViews.summary(i, readable ? documentCounts.of(i) : 0, now, readable));
        }
        Json.write(resp, 200, JsonViews.map("items", rows, "nextCursor", page.nextCursor()));
    }

    private void document(HttpServletRequest req, HttpServletResponse resp, User user, InboxItem item, String index)
            throws IOException, HttpError, InboxException {
        StoredDocument doc = item.documents().stream().filter(d -> String.valueOf(d.index()).equals(index))
                .findFirst().orElseThrow(() -> new HttpError(404, "Elementet har ikke dokument " + index));
        if (doc.purged()) {
            throw new HttpError(410, "Innholdet i " + doc.fileName() + " er slettet");
        }
        access.audited(user, item, "download", doc.fileName());
        try (InputStream in = inbox.openDocument(item.id(), doc.index())) {
            DocumentResponses.headers(resp, doc.fileName(), doc.mediaType(), doc.size(),
                    !"1".equals(req.getParameter("download")));
            if (!req.getMethod().equals("HEAD")) {
                in.transferTo(resp.getOutputStream());
            }
        }
    }

    private void zip(HttpServletResponse resp, InboxItem item) throws IOException, InboxException {
        String title = item.metadata().title().isBlank() ? item.id().toString() : item.metadata().title();
        resp.setContentType("application/zip");
        resp.setHeader("Content-Disposition", ContentDisposition.attachment(
                title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + ".zip"));
        resp.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
        try (OutputStream out = resp.getOutputStream()) {
            inbox.writeZip(item.id(), out);
        }
    }

    private static HttpError notFound(boolean knownMethod) {
        return knownMethod ? new HttpError(404, "Ukjent adresse i API-et") : new HttpError(405, "Metoden støttes ikke");
    }
}
