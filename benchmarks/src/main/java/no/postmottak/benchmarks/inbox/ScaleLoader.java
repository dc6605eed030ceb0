package no.postmottak.benchmarks.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import no.postmottak.api.inbox.Inbox;

/**
 * Fills the inbox with a large municipality's mail straight into the tables, in JDBC batches (accepting a million
 * items through {@link Inbox#accept} would take hours: each is a durable transaction with its documents). The rows
 * are what accept writes: the columns ItemRows writes, lower-cased {@code search_text}, the item's JSON (the
 * template item's JSON, accepted through the inbox, with this row's channel id, title, sender and marking put in)
 * and one document row each (no content chunks: the listings never read them).
 *
 * <p>Mix: 80 % of the items go to organisation A, 10 % each to B and C; one item every 30 s going back from now
 * (a million items span about a year); 70 % SvarInn, 30 % eFormidling; 2 % confidential. States by age: of the
 * last 14 days' items most are still RECEIVED; older ones are mostly ARCHIVED, with some DELETED and FORWARDED, a
 * few forgotten RECEIVED and ARCHIVE_FAILED, and 1 in 10,000 stuck in ARCHIVING. Titles come from 16 kinds of
 * letters with numbers in them; 1 in 1,000 is a "byggesøknad"; 20 are about an "ærfuglreir". Senders are 60 × 60
 * persons and 40 companies, many with æ, ø or å.
 */
final class ScaleLoader {

    static final Duration STEP = Duration.ofSeconds(30);
    static final Duration RECENT = Duration.ofDays(14);

    private static final String[] TITLES = {
        "Søknad om byggetillatelse, gnr. %d/%d", "Faktura %d", "Klage på vedtak i sak 2025/%d",
        "Melding om tilflytting %d", "Høringsuttalelse til reguleringsplan %d", "Søknad om skjenkebevilling %d",
        "Varsel om oppstart av planarbeid %d", "Tilsynsrapport %d", "Innsynskrav i sak 2024/%d",
        "Søknad om startlån %d", "Svar på forespørsel %d", "Ferdigattest for tiltak %d", "Søknad om permisjon %d",
        "Purring på faktura %d", "Melding om vedtak %d", "Rapport om avvik %d"};
    private static final String[] CONFIDENTIAL_TITLES = {"Bekymringsmelding %d", "Legeerklæring %d"};
    private static final String[] FIRST = {"Kari", "Ola", "Øyvind", "Åse", "Ærle", "Bjørn", "Siri", "Håkon", "Ingrid",
        "Pål", "Kjærsti", "Jørgen", "Solveig", "Tor", "Gro", "Ståle", "Mari", "Per", "Anne", "Bård", "Eirik", "Liv",
        "Hege", "Rune", "Tone", "Geir", "Nils", "Åshild", "Frøydis", "Sølvi", "Lars", "Trine", "Odd", "Randi",
        "Terje", "Marit", "Jon", "Else", "Arne", "Berit", "Knut", "Hilde", "Steinar", "Wenche", "Dag", "Laila",
        "Roar", "Torill", "Vidar", "Unni", "Bjørg", "Asbjørn", "Gudrun", "Øystein", "Kåre", "Mette", "Stian",
        "Nina", "Erlend", "Tove"};
    private static final String[] LAST = {"Nordmann", "Åsheim", "Ødegård", "Hansen", "Bakke", "Sæther", "Fjæra",
        "Lie", "Dahl", "Strøm", "Nilsen", "Berg", "Haugen", "Løken", "Brækhus", "Johansen", "Moe", "Solbakken",
        "Kristiansen", "Bø", "Holm", "Aas", "Grønli", "Sørensen", "Myhre", "Vik", "Kvåle", "Ruud", "Nygård",
        "Tveit", "Rønning", "Aune", "Hovland", "Sæbø", "Lund", "Ødegaard", "Eriksen", "Brøvig", "Tangen",
        "Sandvik", "Lønning", "Hægeland", "Vårdal", "Hovde", "Bråten", "Kleppe", "Nes", "Øvrebø", "Foss",
        "Ås", "Jæger", "Haga", "Skår", "Gjære", "Rød", "Fjeld", "Mæland", "Torp", "Ølberg", "Wiik"};
    private static final String[] COMPANIES = {"Byggmester Hansen AS", "Ærlig Regnskap AS", "Øst-Agder Rør AS",
        "Åsen Entreprenør AS", "Kontorrekvisita AS", "Statens vegvesen", "Skatteetaten", "NAV Kontaktsenter",
        "Fylkesmannen i Vestland", "Sørlandet sykehus HF", "Brønnøysundregistrene", "Miljødirektoratet",
        "Kystverket", "Arkitektkontoret Bølgen AS", "Trønderenergi AS", "Rørlegger Øien AS", "Elektro Bø AS",
        "Snøfjell Eiendom AS", "Mattilsynet", "Husbanken", "Politiet Øst", "Advokatfirmaet Bræk & Co",
        "Vann og Avløp Sæther AS", "Kommunerevisjonen", "Bygg og Tømrer Strand AS", "Grønn Vekst AS",
        "Fjellvåk Transport AS", "Tannlege Ødegård", "Kulturrådet", "Barnehagen Solstrålen", "Helsedirektoratet",
        "Statsforvalteren i Oslo og Viken", "Norsk Tipping AS", "Kartverket", "Lånekassen", "Direktoratet for byggkvalitet",
        "Nærbutikken Åsgård", "Taxi Øst AS", "Asfaltverket AS", "Entreprenørservice Vik AS"};

    private ScaleLoader() {
    }

    /** Items 1..count, item i received {@code i * STEP} before {@code newest}, of the orgs by i mod 10. */
    static void load(BenchDatabases db, Inbox inbox, String[] orgs, int count, Instant newest) throws Exception {
        String template = templateJson(db, inbox, orgs[0]);
        Random random = new Random(42);
        int byggesoknad = 0;
        try (Connection c = db.dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement items = c.prepareStatement("INSERT INTO inbox_item (id, channel, channel_id,"
                    + " recipient_orgnr, title, sender_name, search_text, received_at, state, state_changed_at,"
                    + " version, org_configured, metadata_json, confidential)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement docs = c.prepareStatement("INSERT INTO inbox_document (item_id, idx, file_name,"
                         + " media_type, role, document_type, size_bytes, sha256, purged)"
                         + " VALUES (?, 0, 'brev.pdf', 'application/pdf', 'MAIN', 'brev', ?, ?, FALSE)")) {
                for (int i = 1; i <= count; i++) {
                    String orgnr = orgs[i % 10 < 8 ? 0 : i % 10 == 8 ? 1 : 2];
                    boolean eformidling = random.nextInt(10) < 3;
                    boolean confidential = random.nextInt(50) == 0;
                    String title = title(random, i, confidential);
                    String sender = random.nextInt(3) == 0 ? COMPANIES[random.nextInt(COMPANIES.length)]
                            : FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                    Instant received = newest.minus(STEP.multipliedBy(i));
                    String state = state(random, i, received.isAfter(newest.minus(RECENT)));
                    UUID id = UUID.randomUUID();
                    String channelId = "bench-" + i;
                    items.setObject(1, id);
                    items.setString(2, eformidling ? "EFORMIDLING" : "SVARINN");
                    items.setString(3, channelId);
                    items.setString(4, orgnr);
                    items.setString(5, title);
                    items.setString(6, sender);
                    items.setString(7, (title + " " + sender).toLowerCase(Locale.ROOT));
                    items.setObject(8, OffsetDateTime.ofInstant(received, ZoneOffset.UTC));
                    items.setString(9, state);
                    items.setObject(10, OffsetDateTime.ofInstant(
                            state.equals("RECEIVED") ? received : received.plusSeconds(3600), ZoneOffset.UTC));
                    items.setInt(11, state.equals("RECEIVED") ? 0 : 1);
                    items.setBoolean(12, true);
                    items.setString(13, template.replace("MAL-ID", channelId).replace("MAL-TITTEL", title)
                            .replace("MAL-AVSENDER", sender).replace("MAL-ORG", orgnr)
                            .replace("\"SVARINN\"", eformidling ? "\"EFORMIDLING\"" : "\"SVARINN\"")
                            .replace("\"confidential\":false", "\"confidential\":" + confidential));
                    items.setBoolean(14, confidential);
                    items.addBatch();
                    docs.setObject(1, id);
                    docs.setLong(2, 20_000 + random.nextInt(2_000_000));
                    docs.setString(3, "%064x".formatted(i));
                    docs.addBatch();
                    if (i % 20_000 == 0 || i == count) { // few commits: H2 (REUSE_SPACE=FALSE) appends each one
                        items.executeBatch();
                        docs.executeBatch();
                        c.commit();
                    }
                    if (title.contains("Byggesøknad")) {
                        byggesoknad++;
                    }
                }
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute(db.kind.equals("h2") ? "ANALYZE" : "VACUUM ANALYZE"); // as autovacuum would after a bulk load
            }
        }
        System.out.printf("%s: %d byggesøknader%n", db.kind, byggesoknad);
    }

    private static String title(Random random, int i, boolean confidential) {
        if (confidential) {
            return CONFIDENTIAL_TITLES[random.nextInt(CONFIDENTIAL_TITLES.length)].formatted(i);
        }
        if (i % 50_000 == 25_000 - 7) { // 20 in a million, spread over the year
            return "Melding om ærfuglreir ved Øvre Årvoll " + i;
        }
        if (random.nextInt(1000) == 0) {
            return "Byggesøknad for tilbygg, sak " + i;
        }
        String t = TITLES[random.nextInt(TITLES.length)];
        return t.startsWith("Søknad om bygg") ? t.formatted(1 + random.nextInt(300), 1 + random.nextInt(900))
                : t.formatted(i);
    }

    private static String state(Random random, int i, boolean recent) {
        if (i % 10_000 == 5_000) {
            return "ARCHIVING"; // stuck: the hourly job moves these on
        }
        int r = random.nextInt(1000);
        if (recent) {
            return r < 700 ? "RECEIVED" : r < 720 ? "ARCHIVE_FAILED" : r < 950 ? "ARCHIVED" : "DELETED";
        }
        return r < 900 ? "ARCHIVED" : r < 950 ? "DELETED" : r < 970 ? "FORWARDED" : r < 995 ? "RECEIVED"
                : "ARCHIVE_FAILED";
    }

    /** The JSON the inbox writes for an item, with markers to put each row's values in; the template is deleted. */
    private static String templateJson(BenchDatabases db, Inbox inbox, String orgnr) throws Exception {
        UUID id = inbox.accept(new no.postmottak.api.IncomingItem(no.postmottak.api.Channel.SVARINN, "MAL-ID",
                "MAL-ORG", no.postmottak.api.Party.organisation("MAL-AVSENDER", "999888777"), null, "MAL-TITTEL",
                null, 3, "brev", "ref", null, null, null, List.of(), java.util.Map.of("niva", "3"), false),
                Bench.documents(1, 100)).itemId();
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
            String json;
            try (ResultSet rs = s.executeQuery("SELECT metadata_json FROM inbox_item WHERE id = '" + id + "'")) {
                rs.next();
                json = rs.getString(1);
            }
            for (String table : new String[] {"document_chunk", "inbox_document", "inbox_audit", "archive_progress"}) {
                s.executeUpdate("DELETE FROM " + table + " WHERE item_id = '" + id + "'");
            }
            s.executeUpdate("DELETE FROM inbox_item WHERE id = '" + id + "'");
            return json;
        }
    }
}
