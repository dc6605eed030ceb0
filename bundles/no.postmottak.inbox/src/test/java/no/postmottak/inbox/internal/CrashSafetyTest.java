package no.postmottak.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import no.postmottak.api.Channel;
import no.postmottak.api.inbox.AcceptResult;
import no.postmottak.api.inbox.InboxItem;

/**
 * Kills a JVM that is accepting items into an H2 file database with SIGKILL, 20 times at random points, and checks
 * after each kill: no partial item, every acknowledged item intact, the unacknowledged ones can be accepted again.
 * The child runs the shipped shape: a pooled data source holding the database open, {@value CrashChild#ACCEPTERS}
 * accepting threads and a reader, so H2 stores chunks from several threads and recovers a file it never closed.
 * Without REUSE_SPACE=FALSE (see {@link TestDatabases}) it loses acknowledged items within a few kills.
 * The second run has a content store: about half of the documents continue in files, forced to disk before the
 * commit; after each kill the sweep removes what no document names, and every acknowledged item must still be whole.
 */
class CrashSafetyTest {

    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "content store: {0}")
    @ValueSource(booleans = {false, true})
    void survivesTwentyKillsWithoutLosingOrHalfStoringAnything(boolean contentStore) throws Exception {
        Path db = dir.resolve("crash");
        Path store = contentStore ? dir.resolve("innhold") : null;
        List<String> childArgs = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                db.toString()));
        Random random = new Random(20261126L);
        Set<String> acknowledged = new LinkedHashSet<>();
        int next = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            List<String> command = new ArrayList<>(childArgs);
            command.add(Integer.toString(next));
            if (store != null) {
                command.add(store.toString());
            }
            Process child = new ProcessBuilder(command)
                    .redirectError(dir.resolve("child-" + kill + ".err").toFile()).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = readLines(child.getInputStream(), lines);
            Set<String> startedNow = new LinkedHashSet<>();
            int killAfterStarts = 1 + random.nextInt(3 * CrashChild.ACCEPTERS);
            // Kill right after the child announced its n-th accept: it is then somewhere inside it, or just past it.
            while (startedNow.size() < killAfterStarts) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                assertThat(line).as("child output (see child-" + kill + ".err)").isNotNull();
                record(line, startedNow, acknowledged);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            for (String line; (line = lines.poll()) != null; ) {
                record(line, startedNow, acknowledged);
            }

            verifyAfterCrash(db, store, startedNow, acknowledged);
            for (String channelId : startedNow) {
                next = Math.max(next, Integer.parseInt(channelId.substring("crash-".length())) + 1);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLS / 2);
        if (store != null) {
            try (var files = Files.list(store)) {
                assertThat(files.filter(Files::isDirectory).count()).as("folders of document files").isPositive();
            }
        }
    }

    private static void record(String line, Set<String> started, Set<String> acknowledged) {
        assertThat(line).as("child output").doesNotStartWith("FAILED");
        if (line.startsWith("START ")) {
            started.add(line.substring(6));
        } else if (line.startsWith("ACCEPTED ")) {
            acknowledged.add(line.split(" ")[1]);
        }
    }

    private void verifyAfterCrash(Path db, Path store, Set<String> startedNow, Set<String> acknowledged)
            throws Exception {
        BasicDataSource ds = TestDatabases.h2Pooled(db);
        JdbcInbox inbox = CrashChild.open(ds, store);
        if (store != null) {
            // What the killed accepts left: no document names it. The sweep must take only that.
            inbox.sweepContentFiles(Instant.now().plusSeconds(60));
        }
        assertNoPartialItems(ds, store);
        for (String channelId : startedNow) {
            if (acknowledged.contains(channelId)) {
                assertThat(inbox.isStored(Channel.SVARINN, channelId)).as(channelId + " was acknowledged").isTrue();
            } else {
                // Not acknowledged: stored whole (committed just before the kill) or not at all; accept again.
                AcceptResult again = inbox.accept(Fixtures.item(channelId), CrashChild.documents(channelId));
                assertThat(again.itemId()).isNotNull();
            }
            assertIntact(inbox, ds, channelId);
        }
        // Close the database for good before the next child opens the file (recovery ran in the shipped shape too).
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("SHUTDOWN");
        }
        ds.close();
    }

    private static void assertIntact(JdbcInbox inbox, DataSource ds, String channelId) throws Exception {
        List<byte[]> expected = CrashChild.contents(channelId);
        UUID id;
        try (Connection c = ds.getConnection()) {
            id = ItemRows.findByChannel(c, Channel.SVARINN, channelId)
                    .orElseThrow(() -> new AssertionError(channelId + " is not stored"));
        }
        InboxItem item = inbox.get(id).orElseThrow(() -> new AssertionError(channelId + " " + id + " diag "
                + diag(ds, "SELECT COUNT(*) FROM inbox_item WHERE id = '" + id + "'") + " "
                + diag(ds, "SELECT COUNT(*) FROM inbox_item WHERE channel_id = '" + channelId + "'") + " "
                + diag(ds, "SELECT CAST(id AS VARCHAR) FROM inbox_item WHERE channel_id = '" + channelId + "'") + " "
                + diag(ds, "SELECT COUNT(*) FROM inbox_item USE INDEX (PRIMARY_KEY_B) WHERE channel_id = '" + channelId + "'")));
        assertThat(item.documents()).as(channelId).hasSize(expected.size());
        for (int d = 0; d < expected.size(); d++) {
            String sha = Fixtures.sha256(expected.get(d));
            assertThat(item.documents().get(d).sha256()).isEqualTo(sha);
            try (InputStream in = inbox.openDocument(id, d)) {
                assertThat(Fixtures.sha256(in)).as(channelId + " document " + d).isEqualTo(sha);
            } catch (IOException e) {
                throw new AssertionError(channelId + " doc " + d + " size " + expected.get(d).length + " chunks "
                        + diag(ds, "SELECT LISTAGG(CAST(seq AS VARCHAR) || ':' || CAST(OCTET_LENGTH(data) AS VARCHAR), ',')"
                        + " FROM document_chunk WHERE item_id = '" + id + "' AND idx = " + d) + " via scan "
                        + diag(ds, "SELECT COUNT(*) FROM document_chunk USE INDEX () WHERE CAST(item_id AS VARCHAR) = '" + id + "'")
                        + " seq1 " + diag(ds, "SELECT COUNT(*) FROM document_chunk WHERE item_id = '" + id + "' AND idx = " + d + " AND seq = 1"), e);
            }
        }
    }

    private static String diag(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Every stored item has its documents, and every document all of its content (rows, and file if any). */
    private static void assertNoPartialItems(DataSource ds, Path store) throws Exception {
        ContentFiles files = store == null ? null : new ContentFiles(store, CrashChild.CONTENT_STORE_THRESHOLD);
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT i.channel_id, d.idx, d.size_bytes, (SELECT COALESCE(SUM(OCTET_LENGTH(k.data)), 0)"
                        + " FROM document_chunk k WHERE k.item_id = d.item_id AND k.idx = d.idx) AS stored,"
                        + " d.content_offset, CAST(i.id AS VARCHAR), d.content_path"
                        + " FROM inbox_item i LEFT JOIN inbox_document d ON d.item_id = i.id")) {
            List<String> broken = new ArrayList<>();
            java.util.Map<String, Integer> docCounts = new java.util.HashMap<>();
            while (rs.next()) {
                String channelId = rs.getString(1);
                docCounts.merge(channelId, rs.getObject(2) == null ? 0 : 1, Integer::sum);
                long stored = rs.getLong(4);
                if (rs.getObject(5) != null) {
                    Path file = files.path(DocumentStore.fileName(UUID.fromString(rs.getString(6)), rs.getInt(2),
                            rs.getString(7)));
                    stored = rs.getLong(5) == stored && Files.exists(file) ? stored + Files.size(file) : -1;
                }
                if (rs.getObject(2) != null && rs.getLong(3) != stored) {
                    broken.add(channelId + "#" + rs.getInt(2));
                }
            }
            docCounts.forEach((channelId, n) -> {
                if (n != CrashChild.contents(channelId).size()) {
                    broken.add(channelId + " has " + n + " documents");
                }
            });
            assertThat(broken).as("partial items").isEmpty();
        }
    }

    private static Thread readLines(InputStream in, BlockingQueue<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the child was killed
            }
        }, "crash-child-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
