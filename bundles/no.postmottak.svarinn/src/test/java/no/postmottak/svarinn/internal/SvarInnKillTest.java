package no.postmottak.svarinn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import no.postmottak.api.Channel;
import no.postmottak.api.ItemState;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.api.inbox.Page;
import no.postmottak.api.inbox.StoredDocument;
import no.postmottak.svarinn.simulator.Dokument;
import no.postmottak.svarinn.simulator.ForsendelseSpec;
import no.postmottak.svarinn.simulator.ForsendelseState;
import no.postmottak.svarinn.simulator.ForsendelseStatus;
import no.postmottak.svarinn.simulator.Mottakersystem;
import no.postmottak.svarinn.simulator.SvarInnSimulator;

/**
 * Nothing is lost and nothing is stored twice when the receiving process dies by SIGKILL at any moment: mid-download,
 * mid-commit, or between the inbox commit and the acknowledgement. The simulator runs here; the receiver
 * ({@link ReceiverProcess}) runs in a child JVM on the same H2 file and key files, killed {@value #KILL_ROUNDS}
 * times at random moments and then left to finish. Over V1 with 200 forsendelser, and shorter over V2.
 */
class SvarInnKillTest {

    /** How many times the receiver is killed before it may finish. */
    static final int KILL_ROUNDS = 20;
    private static final int FORSENDELSER = 200;
    /** The V2 run: fewer kills over fewer forsendelser, the same guarantees. */
    static final int V2_KILL_ROUNDS = 10;
    private static final int V2_FORSENDELSER = 100;
    /** A kill comes after 1..this many lines of the child (started / begin id / stored id). */
    private static final int MAX_LINES_BEFORE_KILL = 12;
    private static final List<String> ORGNRS = List.of("921123450", "921765436", "964000123", "974760673");
    private static final String USER = "5f0c7a1e-3b8d-4c2a-9e61-7d4b2a9c0f13";
    private static final String PASSWORD = "hemmelig";

    /** Kept when a test fails: the H2 file, the receivers' log and each child's lines tell what was lost when. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    /** Every child started, so none outlives a failed test. */
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void aReceiverKilledAtRandomMomentsLosesNothingAndStoresNothingTwice() throws Exception {
        killAndFinish("v1", KILL_ROUNDS, FORSENDELSER);
    }

    @Test
    void aV2ReceiverKilledAtRandomMomentsLosesNothingAndStoresNothingTwice() throws Exception {
        killAndFinish("v2", V2_KILL_ROUNDS, V2_FORSENDELSER);
    }

    private void killAndFinish(String version, int killRounds, int forsendelser) throws Exception {
        long seed = System.nanoTime();
        System.out.println("SvarInnKillTest seed " + seed + ", files in " + dir + " (kept if it fails)");
        Random random = new Random(seed);
        Path installation = Files.createDirectories(dir.resolve("installation"));
        // Creates the key files and the inbox schema; the child processes open the same ones.
        Receiver setup = new Receiver(installation);
        closeIfCloseable(setup.inbox); // the child processes must be able to open the H2 file
        Map<String, List<Dokument>> sent;
        try (SvarInnSimulator sim = SvarInnSimulator.start(0)) {
            sim.addMottakersystem(Mottakersystem.of("Arkiv", USER, PASSWORD, setup.certificate,
                    ORGNRS.toArray(String[]::new)));
            sent = send(sim, random, forsendelser);

            Map<String, Integer> killsAfter = new HashMap<>();
            int storedButNotAcknowledged = 0;
            for (int round = 0; round < killRounds; round++) {
                Child child = start(installation, sim, version, 1 + random.nextInt(MAX_LINES_BEFORE_KILL), round);
                await("receiver round " + round).atMost(Duration.ofSeconds(60)).until(() -> !child.process.isAlive());
                assertThat(child.killedAfter).as("killed in round %d (seed %d), not finished early; log:\n%s", round,
                        seed, child.logTail()).isNotNull();
                String[] line = child.killedAfter.split(" ");
                killsAfter.merge(line[0], 1, Integer::sum);
                if (line[0].equals("stored")
                        && sim.forsendelse(line[1]).orElseThrow().status() == ForsendelseStatus.KLAR_FOR_MOTTAK) {
                    storedButNotAcknowledged++; // died between the inbox commit and the acknowledgement
                }
            }
            Child last = start(installation, sim, version, -1, killRounds);
            await("receiver finishing").atMost(Duration.ofSeconds(180)).until(() -> !last.process.isAlive());
            assertThat(last.process.exitValue()).as("seed %d, log:\n%s", seed, last.logTail()).isZero();
            System.out.println("SvarInnKillTest kills after: " + killsAfter + "; killed between commit and"
                    + " acknowledgement: " + storedButNotAcknowledged);

            List<ForsendelseState> states = sim.forsendelser();
            assertThat(states).hasSize(forsendelser).allSatisfy(s -> {
                assertThat(s.status()).as(s.id()).isEqualTo(ForsendelseStatus.LEST);
                assertThat(s.feil()).as("nothing reported as failed").isEmpty();
            });
            int downloads = states.stream().mapToInt(ForsendelseState::nedlastinger).sum();
            assertThat(downloads).as("some kills cut a download (seed %d, kills after %s)", seed, killsAfter)
                    .isGreaterThan(forsendelser);
            assertThat(killsAfter).as("some kills came mid-item").containsKey("begin");
        }
        Receiver after = new Receiver(installation);
        try (java.sql.Connection keepsDatabaseOpen = Receiver.holdOpen(installation)) {
            assertInboxHoldsEachExactlyOnceAndIntact(after, sent);
        } finally {
            closeIfCloseable(after.inbox);
        }
    }

    /** Some versions of the inbox hold an H2 connection open until closed. */
    private static void closeIfCloseable(Object inbox) throws Exception {
        if (inbox instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private static Map<String, List<Dokument>> send(SvarInnSimulator sim, Random random, int forsendelser) {
        Map<String, List<Dokument>> sent = new HashMap<>();
        Instant date = Instant.now().minusSeconds(forsendelser);
        for (int i = 0; i < forsendelser; i++) {
            List<Dokument> docs = new ArrayList<>();
            int count = 2 + random.nextInt(2);
            for (int d = 0; d < count; d++) {
                byte[] content = new byte[500 + random.nextInt(3000)];
                random.nextBytes(content);
                System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 9);
                docs.add(Dokument.of("dokument-" + i + "-" + d + ".pdf", "application/pdf", null, content));
            }
            ForsendelseSpec.Builder spec = ForsendelseSpec.builder().mottaker(ORGNRS.get(i % ORGNRS.size()), "Mottaker")
                    .tittel("Forsendelse " + i).date(date.plusSeconds(i));
            docs.forEach(spec::dokument);
            if (i % 8 == 0) {
                spec.bytesPerSecond(20_000); // about a third of a second: kills land mid-download
            }
            sent.put(sim.addForsendelse(spec.build()), docs);
        }
        return sent;
    }

    private static void assertInboxHoldsEachExactlyOnceAndIntact(Receiver receiver, Map<String, List<Dokument>> sent)
            throws Exception {
        Map<String, List<InboxItem>> byForsendelse = new HashMap<>();
        InboxQuery query = InboxQuery.all(Set.copyOf(ORGNRS), 500);
        for (Page<InboxItem> page = receiver.inbox.find(query); ; page = receiver.inbox.find(query.after(page))) {
            page.items().forEach(i -> byForsendelse.computeIfAbsent(i.metadata().channelId(), k -> new ArrayList<>())
                    .add(i));
            if (page.nextCursor() == null) {
                break;
            }
        }
        // The differences, not the 200 ids: a failure must say which forsendelser were lost or came from nowhere.
        Set<String> lost = new TreeSet<>(sent.keySet());
        lost.removeAll(byForsendelse.keySet());
        Set<String> unknown = new TreeSet<>(byForsendelse.keySet());
        unknown.removeAll(sent.keySet());
        List<String> storedButNotListed = new ArrayList<>();
        for (String id : lost) {
            if (receiver.inbox.isStored(Channel.SVARINN, id)) {
                storedButNotListed.add(id);
            }
        }
        assertThat(lost).as("acknowledged but not in the inbox (%d listed; of these, stored but not listed: %s)",
                byForsendelse.size(), storedButNotListed).isEmpty();
        assertThat(unknown).as("in the inbox but never sent").isEmpty();
        for (Map.Entry<String, List<Dokument>> e : sent.entrySet()) {
            assertThat(byForsendelse.get(e.getKey())).as("stored exactly once: %s", e.getKey()).hasSize(1);
            assertThat(receiver.inbox.isStored(Channel.SVARINN, e.getKey())).isTrue();
            InboxItem item = receiver.inbox.get(byForsendelse.get(e.getKey()).get(0).id()).orElseThrow();
            assertThat(item.state()).isEqualTo(ItemState.RECEIVED);
            List<StoredDocument> stored = item.documents();
            assertThat(stored).as("no partial item: %s", e.getKey()).hasSameSizeAs(e.getValue());
            for (int d = 0; d < stored.size(); d++) {
                Dokument original = e.getValue().get(d);
                assertThat(stored.get(d).fileName()).isEqualTo(original.filnavn());
                assertThat(stored.get(d).size()).isEqualTo(original.size());
                assertThat(sha256(receiver.inbox.openDocument(item.id(), d))).as("content of %s", original)
                        .isEqualTo(original.sha256());
            }
        }
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (in) {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private Child start(Path installation, SvarInnSimulator sim, String version, int killAfterLines, int round)
            throws IOException {
        Child child = Child.start(installation, sim, version, killAfterLines, round);
        children.add(child.process);
        return child;
    }

    /** A receiver JVM whose stdout is watched; it is killed right after its {@code killAfterLines}-th line. */
    private static final class Child {
        final Process process;
        final Path log;
        volatile String killedAfter;

        private Child(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        /**
         * @param killAfterLines kill after this many lines; -1 never
         * @param round          names the file beside the installation that gets the child's lines
         */
        static Child start(Path installation, SvarInnSimulator sim, String version, int killAfterLines, int round)
                throws IOException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Path log = installation.resolveSibling("receiver.log");
            Process process = new ProcessBuilder(java.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), ReceiverProcess.class.getName(),
                    installation.toString(), sim.baseUri().toString(), USER, PASSWORD, String.join(",", ORGNRS), version)
                    .redirectError(Redirect.appendTo(log.toFile())).start();
            Child child = new Child(process, log);
            Path lines = installation.resolveSibling("round-" + round + ".out");
            Thread watcher = new Thread(() -> child.watch(killAfterLines, lines), "kill-test-watcher");
            watcher.setDaemon(true);
            watcher.start();
            return child;
        }

        /** The end of the receivers' log, for failure messages. */
        String logTail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        private void watch(int killAfterLines, Path transcript) {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 var kept = Files.newBufferedWriter(transcript, StandardCharsets.UTF_8)) {
                int lines = 0;
                for (String line; (line = out.readLine()) != null; ) {
                    if (!line.equals("done") && ++lines == killAfterLines) {
                        killedAfter = line;
                        process.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
                    }
                    kept.write(line + (line.equals(killedAfter) ? " <- killed here" : "") + "\n");
                }
            } catch (IOException e) {
                // the pipe closes when the process dies
            }
        }
    }
}
