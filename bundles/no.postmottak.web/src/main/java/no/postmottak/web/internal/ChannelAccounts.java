package no.postmottak.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.channel.ChannelAccount;
import no.postmottak.api.channel.ChannelAlert;
import no.postmottak.api.channel.ChannelStatus;

/**
 * The channel accounts (SvarInn accounts and the like) as they come and go, keyed by their service id, and their
 * JSON views for the administration page. A service that throws shows as an error line; it never breaks the page.
 */
public final class ChannelAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelAccounts.class);

    private final Map<Long, ChannelAccount> byId = new ConcurrentSkipListMap<>();

    public void add(long id, ChannelAccount account) {
        byId.put(id, account);
    }

    /** Removes the account only if {@code id} still maps to it. */
    public void remove(long id, ChannelAccount account) {
        byId.remove(id, account);
    }

    /** One view per account, ordered by channel and account; broken ones last, as error lines. */
    public List<Map<String, Object>> views() {
        List<Map<String, Object>> ok = new ArrayList<>();
        List<Map<String, Object>> broken = new ArrayList<>();
        byId.forEach((id, account) -> {
            try {
                ok.add(view(id, account.status()));
            } catch (RuntimeException e) {
                LOG.warn("Status of channel account {} ({}) could not be read", id, account.getClass().getName(), e);
                broken.add(JsonViews.map("id", String.valueOf(id), "error",
                        "Status kunne ikke hentes (" + e.getClass().getSimpleName() + ")"));
            }
        });
        ok.sort(Comparator.comparing((Map<String, Object> v) -> (String) v.get("channel"))
                .thenComparing(v -> (String) v.get("account")));
        ok.addAll(broken);
        return ok;
    }

    /** Asks the account to poll now; answers with its status right after. */
    public Map<String, Object> pollNow(String id) throws HttpError {
        ChannelAccount account = find(id);
        boolean scheduled;
        try {
            scheduled = account.pollNow();
        } catch (RuntimeException e) {
            LOG.warn("Poll now failed for channel account {}", id, e);
            throw new HttpError(502, "Kunne ikke starte hentingen (" + e.getClass().getSimpleName() + ")", true);
        }
        ChannelStatus status = null;
        try {
            status = account.status();
        } catch (RuntimeException e) {
            LOG.warn("Status of channel account {} could not be read after poll now", id, e);
        }
        if (!scheduled) {
            String why = status == null || status.alerts().isEmpty() ? "" : ": " + status.alerts().get(0).text();
            throw new HttpError(409, "Kontoen kan ikke hente nå" + why);
        }
        return JsonViews.map("ok", true, "channel", status == null ? null : view(Long.parseLong(id), status));
    }

    private ChannelAccount find(String id) throws HttpError {
        ChannelAccount account = null;
        try {
            account = byId.get(Long.parseLong(id));
        } catch (NumberFormatException e) {
            // unknown, as below
        }
        if (account == null) {
            throw new HttpError(404, "Kontoen finnes ikke (lenger); last siden på nytt");
        }
        return account;
    }

    /** A whitelist of the status: what the page shows, nothing else. */
    static Map<String, Object> view(long id, ChannelStatus s) {
        ChannelStatus.Poll p = s.lastPoll();
        ChannelAlert.Severity worst = s.worstSeverity();
        return JsonViews.map("id", String.valueOf(id), "channel", s.channel(), "account", s.account(),
                "orgnrs", s.orgnrs(), "state", s.state().name(),
                "lastPoll", p == null ? null : JsonViews.map("started", p.started().toString(),
                        "ended", p.ended() == null ? null : p.ended().toString(), "outcome", p.outcome().name(),
                        "summary", p.summary()),
                "nextPoll", s.nextPoll() == null ? null : s.nextPoll().toString(),
                "received", s.received(), "failed", s.failed(),
                "lastSucceeded", s.lastSucceeded() == null ? null : s.lastSucceeded().toString(),
                "backlog", s.backlog() == null ? null : JsonViews.map("waiting", s.backlog().waiting(),
                        "oldest", s.backlog().oldest() == null ? null : s.backlog().oldest().toString(),
                        "listedAt", s.backlog().listedAt().toString()),
                "severity", worst == null ? null : worst.name(),
                "alerts", s.alerts().stream().map(a -> JsonViews.map("kind", a.kind().name(),
                        "severity", a.severity().name(), "text", a.text())).toList());
    }
}
