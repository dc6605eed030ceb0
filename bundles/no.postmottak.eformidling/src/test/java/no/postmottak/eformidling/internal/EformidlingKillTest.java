package no.postmottak.eformidling.internal;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxItem;
import no.postmottak.api.inbox.InboxQuery;
import no.postmottak.api.inbox.Page;
import no.postmottak.eformidling.simulator.IntegrasjonspunktSimulator;
import no.postmottak.eformidling.simulator.Message;
import no.postmottak.eformidling.simulator.MessageState;
import no.postmottak.eformidling.simulator.SimDocument;
import no.postmottak.eformidling.simulator.SimulatorOptions;
import no.postmottak.inbox.testing.TestInboxes;

/**
 * Nothing is lost and nothing is stored twice when the receiving process dies by SIGKILL at any moment: while it
 * stores a message, or between the inbox commit and the DELETE. The integrasjonspunkt simulator runs here; the
 * receiver ({@link KillChild}) runs in a child JVM on the same H2 file, killed {@value #KILLS} times and then left to
 * finish. Every message ends in the inbox once, intact, and deleted from the integrasjonspunkt.
 */
class EformidlingKillTest {

    static final int KILLS = 12;
    private static final int MESSAGES = 120;
    private static final String ORGNR = "910075918";

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void aReceiverKilledAtRandomMomentsLosesNothingAndStoresNothingTwice() throws Exception {
        long seed = System.nanoTime();
        System.out.println("EformidlingKillTest seed " + seed);
        Random random = new Random(seed);
        Map<String, byte[]> sent = new HashMap<>();
        int betweenCommitAndDelete = 0;
        Map<String, Integer> killsAfter = new HashMap<>();
        try (IntegrasjonspunktSimulator ip = IntegrasjonspunktSimulator.start(SimulatorOptions.loopback(0))) {
            for (int i = 0; i < MESSAGES; i++) {
                byte[] content = new byte[500 + random.nextInt(5000)];
                random.nextBytes(content);
                Message m = Message.builder().receiver(ORGNR).title("Melding " + i)
                        .document(SimDocument.of("dokument-" + i + ".pdf", "application/pdf", "D", content)).build();
                ip.add(m);
                sent.put(m.messageId(), content);
            }
            // A short lock, so what a killed receiver held comes back soon; slow answers, so that a kill after the
            // commit lands before the DELETE is answered.
            ip.knobs().lockTimeout(Duration.ofSeconds(1)).delay(Duration.ofMillis(50));
            for (int round = 0; round < KILLS; round++) {
                // Even rounds die right after a commit (before the DELETE), odd ones while a message is stored.
                String phase = round % 2 == 0 ? "stored" : "begin";
                Child child = start(ip, phase, 1 + random.nextInt(6));
                await("receiver round " + round).atMost(Duration.ofSeconds(90)).until(() -> !child.process.isAlive());
                assertThat(child.killedAfter).as("killed in round %d (seed %d), not finished early; log:\n%s", round,
                        seed, child.logTail()).isNotNull();
                killsAfter.merge(child.killedAfter.split(" ")[0], 1, Integer::sum);
                if (child.deletedAtKill == Boolean.FALSE && phase.equals("stored")) {
                    betweenCommitAndDelete++;
                }
            }
            ip.knobs().delay(Duration.ZERO);
            Child last = start(ip, null, -1);
            await("receiver finishing").atMost(Duration.ofMinutes(3)).until(() -> !last.process.isAlive());
            assertThat(last.process.exitValue()).as("seed %d, log:\n%s", seed, last.logTail()).isZero();
            System.out.println("EformidlingKillTest kills after: " + killsAfter + "; killed between commit and"
                    + " DELETE: " + betweenCommitAndDelete);

            assertThat(ip.messages()).hasSize(MESSAGES).allMatch(MessageState::deleted);
            assertThat(betweenCommitAndDelete).as("some kills came between the commit and the DELETE (seed %d)",
                    seed).isPositive();
            assertThat(killsAfter).containsKeys("begin", "stored");
        }
        assertInboxHoldsEachExactlyOnceAndIntact(sent);
    }

    private void assertInboxHoldsEachExactlyOnceAndIntact(Map<String, byte[]> sent) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("inbox").toAbsolutePath() + ";REUSE_SPACE=FALSE;WRITE_DELAY=0"); // as shipped
        ds.setUser("sa");
        try (java.sql.Connection keepsDatabaseOpen = ds.getConnection()) {
            Inbox inbox = TestInboxes.create(ds);
            Map<String, List<InboxItem>> byMessage = new HashMap<>();
            InboxQuery query = InboxQuery.all(Set.of(ORGNR), 500);
            for (Page<InboxItem> page = inbox.find(query); ; page = inbox.find(query.after(page))) {
                page.items().forEach(i -> byMessage.computeIfAbsent(i.metadata().channelId(), k -> new ArrayList<>())
                        .add(i));
                if (!page.hasNext()) {
                    break;
                }
            }
            assertThat(byMessage.keySet()).containsExactlyInAnyOrderElementsOf(sent.keySet());
            for (Map.Entry<String, byte[]> e : sent.entrySet()) {
                assertThat(byMessage.get(e.getKey())).as("stored exactly once: %s", e.getKey()).hasSize(1);
                InboxItem item = inbox.get(byMessage.get(e.getKey()).get(0).id()).orElseThrow();
                assertThat(item.documents()).as("no partial item").hasSize(1);
                assertThat(item.documents().get(0).sha256()).isEqualTo(sha256(e.getValue()));
                try (InputStream in = inbox.openDocument(item.id(), 0)) {
                    assertThat(in.readAllBytes()).isEqualTo(e.getValue());
                }
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private Child start(IntegrasjonspunktSimulator ip, String phase, int killAfter) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("receiver.log");
        Process process = new ProcessBuilder(java.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), KillChild.class.getName(),
                dir.toString(), ip.baseUri().toString(), ORGNR)
                .redirectError(Redirect.appendTo(log.toFile())).start();
        children.add(process);
        Child child = new Child(process, log, id -> ip.message(id).map(MessageState::deleted).orElse(false));
        Thread watcher = new Thread(() -> child.watch(phase, killAfter), "kill-test-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return child;
    }

    /** A receiver JVM whose stdout is watched; it is killed right after its {@code killAfter}-th line of a phase. */
    private static final class Child {
        final Process process;
        final Path log;
        final java.util.function.Predicate<String> deleted;
        volatile String killedAfter;
        /** Whether the message of the last line was deleted from the IP at the moment of the kill. */
        volatile Boolean deletedAtKill;

        Child(Process process, Path log, java.util.function.Predicate<String> deleted) {
            this.process = process;
            this.log = log;
            this.deleted = deleted;
        }

        String logTail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        /** @param phase kill after lines starting with this, or null never */
        void watch(String phase, int killAfter) {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                int seen = 0;
                for (String line; (line = out.readLine()) != null; ) {
                    if (phase != null && line.startsWith(phase + " ") && ++seen == killAfter) {
                        process.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
                        deletedAtKill = deleted.test(line.substring(line.indexOf(' ') + 1));
                        killedAfter = line;
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }
    }
}
