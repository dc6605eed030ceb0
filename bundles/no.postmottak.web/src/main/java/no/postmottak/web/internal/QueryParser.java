package no.postmottak.web.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import no.postmottak.api.ItemState;
import no.postmottak.api.Orgnr;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.InboxQuery;

/**
 * Turns the inbox list's query parameters into an {@link InboxQuery} limited to what the user may see:
 * {@code org} (comma list of organisation numbers), {@code state} (comma list, or {@code OPEN}), {@code from} and
 * {@code to} (dates, both inclusive, Norwegian time), {@code q} (free text), {@code cursor}, {@code limit}.
 */
public final class QueryParser {

    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final OrgDirectory directory;

    public QueryParser(OrgDirectory directory) {
        this.directory = directory;
    }

    /** The query, or empty when the user asks for "all" and there is no organisation to search. */
    public Optional<InboxQuery> parse(User user, Function<String, String> param) throws HttpError, InboxException {
        Set<String> orgnrs = orgnrs(user, param.apply("org"));
        if (orgnrs.isEmpty()) {
            return Optional.empty();
        }
        LocalDate from = date(param.apply("from"), "from");
        LocalDate to = date(param.apply("to"), "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw new HttpError(400, "Til-dato kan ikke være før fra-dato");
        }
        String text = blankToNull(param.apply("q"));
        if (text != null && text.length() > 200) {
            throw new HttpError(400, "Søketeksten er for lang (maks 200 tegn)");
        }
        String cursor = blankToNull(param.apply("cursor"));
        if (cursor != null && cursor.length() > 500) {
            throw new HttpError(400, "Ugyldig sidemarkør");
        }
        return Optional.of(new InboxQuery(orgnrs, states(param.apply("state")),
                from == null ? null : from.atStartOfDay(OSLO).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(OSLO).toInstant(),
                text, cursor, limit(param.apply("limit")), user.confidentialOrgnrs()));
    }

    private Set<String> orgnrs(User user, String org) throws HttpError, InboxException {
        if (blankToNull(org) == null) {
            return user.admin() ? directory.knownOrgnrs() : user.orgnrs();
        }
        Set<String> orgnrs = new LinkedHashSet<>();
        for (String o : org.split(",")) {
            String orgnr = o.trim();
            if (!Orgnr.isValid(orgnr)) {
                throw new HttpError(400, "Organisasjonsnummer må ha 9 siffer: " + orgnr);
            }
            AccessControl.requireOrg(user, orgnr);
            orgnrs.add(orgnr);
        }
        return orgnrs;
    }

    static Set<ItemState> states(String value) throws HttpError {
        Set<ItemState> states = EnumSet.noneOf(ItemState.class);
        if (blankToNull(value) == null) {
            return states;
        }
        for (String s : value.split(",")) {
            String name = s.trim().toUpperCase(Locale.ROOT);
            if (name.equals("OPEN")) {
                states.addAll(ItemState.OPEN);
                continue;
            }
            try {
                states.add(ItemState.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new HttpError(400, "Ukjent status: " + s.trim());
            }
        }
        return states;
    }

    private static LocalDate date(String value, String name) throws HttpError {
        String v = blankToNull(value);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new HttpError(400, "Datoen i '" + name + "' må skrives som ÅÅÅÅ-MM-DD: " + v);
        }
    }

    private static int limit(String value) throws HttpError {
        String v = blankToNull(value);
        if (v == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(v);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new HttpError(400, "Sidestørrelsen må være mellom 1 og " + MAX_LIMIT);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
