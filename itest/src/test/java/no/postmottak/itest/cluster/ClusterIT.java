package no.postmottak.itest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.postmottak.archive.simulator.WebsakSimulator;
import no.postmottak.itest.TestPostgres;
import no.postmottak.svarinn.simulator.Dokument;
import no.postmottak.svarinn.simulator.Fault;
import no.postmottak.svarinn.simulator.ForsendelseSpec;
import no.postmottak.svarinn.simulator.ForsendelseState;
import no.postmottak.svarinn.simulator.ForsendelseStatus;
import no.postmottak.svarinn.simulator.MottakFeilet;
import no.postmottak.svarinn.simulator.Mottakersystem;
import no.postmottak.svarinn.simulator.SvarInnSimulator;

/**
 * Issue 14: two real Karaf nodes (the distribution, as separate OS processes, each with its own ports and
 * {@code data/}) on one PostgreSQL, fetching one SvarInn account from the SvarInn simulator (in this JVM, serving
 * forsendelser encrypted to the real KS test certificate {@code sp-cert.pem}; the nodes decrypt with
 * {@code sp-key.pem}) and archiving into a WebSak simulator (in this JVM).
 * <p>
 * The methods run in order on the same cluster. {@link #gracefulStopHandsTheAccountOver} works on {@code main}
 * today. The others prove what the cluster state in the database gives ({@code shared} branch): they say so in their
 * names' javadoc, with {@code DEPENDS ON shared}, and fail on a build without it:
 * <ul>
 * <li>{@link #sigkillOfTheActiveNodeLosesNothingAndStoresNothingTwice}: a lease that expires within seconds (on
 * {@code main} it lasts the poll interval plus 10 minutes, so nobody takes over in time after a SIGKILL);</li>
 * <li>{@link #oneLoginServesBothNodes} and {@link #theLoginLimitCountsFailuresOnEveryNode}: sessions and the login
 * limit in the database;</li>
 * <li>{@link #anArchivingCutOffByAKillIsCompletedByTheOtherNode}: archiving claims another node takes over;</li>
 * <li>{@link #aCorruptForsendelseIsReportedPermanentAfterExactlyNAttemptsAcrossNodes}: attempt counts in the
 * database.</li>
 * </ul>
 * Speed is printed, never asserted ({@code cluster-bench} lines; {@code benchmarks/cluster-bench.sh}).
 * System properties: {@code postmottak.cluster.rounds} (kill rounds, default 5), {@code postmottak.cluster.seed}
 * (the random kill moments), {@code postmottak.cluster.bench=true} (adds the ingest benchmark).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String ORGNR = "921123450";
    static final String USER = "7d0c2b9e-41f3-4e6a-9c55-0b8e2f7a1c34";
    static final String PASSWORD = "klynge-passord";
    /** The lease name the SvarInn account uses: {@code svarinn:<username>@<host>}. */
    static final String LEASE = "svarinn:" + USER;
    /** Attempts before a forsendelse that cannot be read is reported permanent. */
    static final int ATTEMPTS = 6;
    /** Short, so that a standby node sees a free lease quickly. */
    static final int POLL_SECONDS = 1;
    /** How long a lease lives without renewal (the {@code shared} branch's setting; ignored on {@code main}). */
    static final int LEASE_TTL_SECONDS = 5;
    static final Duration BOOT = Duration.ofMinutes(4);
    static final Duration TAKEOVER_DEADLINE = Duration.ofSeconds(60);
    static final Duration INGEST_DEADLINE = Duration.ofMinutes(3);
    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static SvarInnSimulator svarinn;
    static WebsakSimulator websak;
    static ClusterDb db;
    static KarafNode nodeA;
    static KarafNode nodeB;
    static Random random;
    /** Every forsendelse sent, with the documents the simulator serves for it. */
    static final Map<String, List<Dokument>> SENT = Collections.synchronizedMap(new LinkedHashMap<>());
    static int sentCount;
    /** The administrator's session per node, for reading the account's state. */
    static final Map<KarafNode, String> ADMIN_SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void startCluster() throws Exception {
        String archive = System.getProperty("postmottak.distribution");
        assumeTrue(archive != null && Files.isRegularFile(Path.of(archive)),
                "the postmottak-distribution tar.gz is not built (system property postmottak.distribution)");
        Path javaHome = Path.of(System.getProperty("postmottak.demo.javaHome", System.getProperty("java.home")));
        if (!Files.isExecutable(javaHome.resolve("bin/java"))) {
            javaHome = Path.of(System.getProperty("java.home"));
        }
        long seed = Long.getLong("postmottak.cluster.seed", System.nanoTime());
        random = new Random(seed);
        bench("seed=%d (repeat the kill moments with -Dpostmottak.cluster.seed=%d)", seed, seed);

        String jdbcUrl = TestPostgres.start();
        db = new ClusterDb(jdbcUrl);
        Path fixtures = Path.of(System.getProperty("postmottak.fixtures", "target/fixtures"), "svarinn-real",
                "svarut-sak-mottak").toAbsolutePath();
        svarinn = SvarInnSimulator.start(0);
        svarinn.addMottakersystem(Mottakersystem.of("Klyngen", USER, PASSWORD,
                certificate(fixtures.resolve("sp-cert.pem")), ORGNR));
        websak = WebsakSimulator.start(0, "postmottak", "klynge-hemmelighet");
        int template = websak.addTemplate("Inngående brev");
        int fallbackCase = websak.addCase("2026/1", "Fordeling av inngående post");

        Path tarGz = Path.of(archive);
        nodeA = KarafNode.unpack("node-a", tarGz, TARGET.resolve("cluster/node-a"), javaHome);
        nodeB = KarafNode.unpack("node-b", tarGz, TARGET.resolve("cluster/node-b"), javaHome);
        for (KarafNode node : List.of(nodeA, nodeB)) {
            configure(node, jdbcUrl, fixtures, template, fallbackCase);
        }
        long started = System.nanoTime();
        // Both at once, as after a data-centre restart: both migrate the empty schema (Flyway's lock on PostgreSQL).
        nodeA.start();
        nodeB.start();
        nodeA.awaitUp(BOOT);
        nodeB.awaitUp(BOOT);
        awaitActiveAndStandby();
        bench("both nodes up %.1f s after the first start", (System.nanoTime() - started) / 1e9);
    }

    /** The same configuration on every node: only ports, {@code karaf.name} and {@code data/} differ. */
    private static void configure(KarafNode node, String jdbcUrl, Path fixtures, int template, int fallbackCase)
            throws IOException {
        node.write("org.ops4j.datasource-postmottak.cfg", Map.of(
                "osgi.jdbc.driver.class", "org.postgresql.Driver",
                "dataSourceName", "postmottak",
                "url", jdbcUrl,
                "user", "postgres",
                "pool", "dbcp2",
                "xa", "false",
                "pool.maxTotal", "8"));
        node.write("no.postmottak.keystore.key-klynge.cfg", Map.of(
                "account", "klynge",
                "pem.key.file", fixtures.resolve("sp-key.pem").toString(),
                "pem.certificate.file", fixtures.resolve("sp-cert.pem").toString()));
        Map<String, String> account = new LinkedHashMap<>();
        account.put("api.version", "v2");
        account.put("base.url", svarinn.baseUri().toString());
        account.put("username", USER);
        account.put(".password", PASSWORD);
        account.put("orgnrs", ORGNR);
        account.put("poll.interval.seconds", Integer.toString(POLL_SECONDS));
        account.put("read.timeout.seconds", "20");
        account.put("failure.permanent.after.attempts", Integer.toString(ATTEMPTS));
        account.put("lease.ttl.seconds", Integer.toString(LEASE_TTL_SECONDS));
        node.write("no.postmottak.svarinn.account-klynge.cfg", account);
        // How long an archiving claim holds without renewal (the shared branch's setting): a dead node's archiving
        // is taken over by another node after that.
        node.write("no.postmottak.inbox.cfg", Map.of("archiving.claim.seconds", "6"));
        node.write("no.postmottak.inbox.organisation-fjordvik.cfg", Map.of(
                "orgnr", ORGNR,
                "displayName", "Fjordvik kommune",
                "archive.target", "klynge-websak"));
        node.write("no.postmottak.archive.websak-klynge.cfg", Map.of(
                "name", "klynge-websak",
                "base.url", websak.apiBase().toString(),
                "token.url", websak.tokenUrl().toString(),
                "client.id", "postmottak",
                ".client.secret", "klynge-hemmelighet",
                "journalpost.template.id", Integer.toString(template),
                "fallback.case.id", Integer.toString(fallbackCase),
                "request.timeout.seconds", "15"));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        try (AutoCloseable a = nodeA; AutoCloseable b = nodeB; AutoCloseable s = svarinn; AutoCloseable w = websak) {
            if (websak != null) {
                websak.knobs().releaseHeld();
            }
        }
    }

    /** A test that failed may leave a node down: every test starts with both up. */
    @BeforeEach
    void bothNodesRun() throws Exception {
        for (KarafNode node : List.of(nodeA, nodeB)) {
            if (!node.alive()) {
                node.start();
            }
        }
        nodeA.awaitUp(BOOT);
        nodeB.awaitUp(BOOT);
    }

    /**
     * Works on {@code main}: exactly one node polls (ACTIVE, holding the lease), the other waits (STANDBY); an operator
     * stopping the active node ({@code bin/stop}) releases the lease, and the other node goes on at its next poll.
     * Every forsendelse is stored once, intact, and acknowledged.
     */
    @Test
    @Order(1)
    void gracefulStopHandsTheAccountOver() throws Exception {
        KarafNode active = awaitActiveAndStandby();
        KarafNode standby = other(active);
        assertThat(channelState(active)).isEqualTo("ACTIVE");

        Set<String> first = send(40, "Før stopp");
        int stopAt = 5 + random.nextInt(20);
        awaitStored(first, stopAt);
        long stopping = System.nanoTime();
        active.stop();
        double stopSeconds = (System.nanoTime() - stopping) / 1e9;
        Instant stopped = Instant.now();
        long t0 = System.nanoTime();
        await("the lease taken by " + standby).atMost(TAKEOVER_DEADLINE).pollInterval(Duration.ofMillis(50))
                .until(() -> holder().filter(standby::equals).isPresent());
        bench("graceful handover: bin/stop of %s after %d stored took %.1f s; %s held the lease %.2f s later",
                active, stopAt, stopSeconds, standby, (System.nanoTime() - t0) / 1e9);
        Set<String> second = send(20, "Etter stopp");
        awaitStored(union(first, second), 60);
        assertThat(db.firstStoredAfter(stopped)).isPresent();

        active.start();
        active.awaitUp(BOOT);
        assertThat(awaitStandby(active)).as("the restarted node waits").isEqualTo("STANDBY");
        assertEverySentStoredOnceIntactAndAcknowledged();
    }

    /**
     * DEPENDS ON shared (sessions in the database): one login, and the session cookie works on both nodes, and a
     * logout on one ends it on the other.
     */
    @Test
    @Order(2)
    void oneLoginServesBothNodes() throws Exception {
        String cookie = logIn(nodeA, "kari", "kari").orElseThrow();
        HttpResponse<String> onA = get(nodeA, cookie, "me");
        assertThat(onA.statusCode()).as(onA.body()).isEqualTo(200);
        HttpResponse<String> onB = get(nodeB, cookie, "me");
        assertThat(onB.statusCode()).as("node-b knows the session node-a made: " + onB.body()).isEqualTo(200);
        assertThat(JSON.readTree(onB.body()).path("user").asText()).isEqualTo("kari");
        assertThat(JSON.readTree(onB.body()).path("csrfToken").asText())
                .isEqualTo(JSON.readTree(onA.body()).path("csrfToken").asText());
        HttpResponse<String> items = get(nodeB, cookie, "items?org=" + ORGNR);
        assertThat(items.statusCode()).as(items.body()).isEqualTo(200);

        HTTP.send(HttpRequest.newBuilder(URI.create(nodeB.base() + "/postmottak/logout")).header("Cookie", cookie)
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(get(nodeA, cookie, "me").statusCode()).as("logged out on node-b, so on node-a too")
                .isEqualTo(401);
    }

    /**
     * DEPENDS ON shared (login limit in the database): failed logins count on every node together. The limit is 5
     * per user: 3 on node-a and 2 on node-b, and the right password is refused on both.
     */
    @Test
    @Order(3)
    void theLoginLimitCountsFailuresOnEveryNode() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(logIn(nodeA, "per", "feil-" + i)).isEmpty();
        }
        for (int i = 0; i < 2; i++) {
            assertThat(logIn(nodeB, "per", "feil-b" + i)).isEmpty();
        }
        assertThat(logIn(nodeA, "per", "per")).as("5 failures over both nodes: refused on node-a").isEmpty();
        assertThat(logIn(nodeB, "per", "per")).as("5 failures over both nodes: refused on node-b").isEmpty();
    }

    /**
     * DEPENDS ON shared (archiving claims another node takes over): a clerk archives on one node, the node is killed
     * while the archive call is under way, and the other node completes the archiving: the item ends ARCHIVED with
     * exactly one journalpost in the WebSak simulator.
     */
    @Test
    @Order(4)
    void anArchivingCutOffByAKillIsCompletedByTheOtherNode() throws Exception {
        String channelId = SENT.keySet().iterator().next();
        String itemId = db.itemId(channelId);
        // The clerk works on the node that does not poll: its death must not hold up the mail.
        KarafNode clerkNode = other(awaitActiveAndStandby());
        String cookie = logIn(clerkNode, "kari", "kari").orElseThrow();
        String csrf = JSON.readTree(get(clerkNode, cookie, "me").body()).path("csrfToken").asText();
        int before = websak.journalposts().size();
        websak.knobs().holdNext(1); // the first archive call (the token request) is held: the node dies waiting
        try {
            CompletableFuture<HttpResponse<String>> archiving = HTTP.sendAsync(HttpRequest.newBuilder(
                            URI.create(clerkNode.base() + "/postmottak/api/items/" + itemId + "/archive"))
                    .header("Cookie", cookie).header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            await("the archive call reaching WebSak").atMost(Duration.ofSeconds(60))
                    .until(() -> websak.knobs().holding() == 1 || archiving.isDone());
            assertThat(archiving).as("still archiving").isNotDone();
            assertThat(db.state(channelId)).contains("ARCHIVING");
            clerkNode.kill();
            Instant killed = Instant.now();
            clerkNode.start();
            await("the other node completing the archiving").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200)).until(() -> db.state(channelId).orElseThrow(),
                            "ARCHIVED"::equals);
            bench("archiving cut off by SIGKILL completed %.1f s after the kill",
                    Duration.between(killed, Instant.now()).toMillis() / 1e3);
        } finally {
            websak.knobs().releaseHeld();
        }
        List<WebsakSimulator.Journalpost> journalposts = websak.journalposts();
        assertThat(journalposts).as("exactly one journalpost").hasSize(before + 1);
        assertThat(journalposts.get(journalposts.size() - 1).documents()).hasSize(SENT.get(channelId).size());
    }

    /**
     * DEPENDS ON shared (a lease that expires within seconds, and a node that stops before its next external call
     * once its lease is gone): the node holding the account's lease is killed with SIGKILL at a random moment
     * (after a random number of a batch is stored), in several rounds, and restarted each time. Afterwards every
     * forsendelse is stored exactly once, intact (SHA-256 of the stored chunks against what the simulator served) and
     * acknowledged. Prints the takeover times.
     */
    @Test
    @Order(5)
    void sigkillOfTheActiveNodeLosesNothingAndStoresNothingTwice() throws Exception {
        int rounds = Integer.getInteger("postmottak.cluster.rounds", 5);
        int batch = Math.max(60, 300 / rounds);
        List<Double> leaseTakeovers = new ArrayList<>();
        List<Double> firstStores = new ArrayList<>();
        Set<String> sent = new LinkedHashSet<>();
        for (int round = 1; round <= rounds; round++) {
            KarafNode active = awaitActiveAndStandby();
            KarafNode standby = other(active);
            Set<String> items = send(batch, "Runde " + round);
            sent.addAll(items);
            int killAt = 3 + random.nextInt(batch / 2);
            awaitStored(items, killAt);
            active.kill();
            Instant killed = Instant.now();
            long t0 = System.nanoTime();
            await("round " + round + ": the lease taken over by " + standby + " after SIGKILL of " + active)
                    .atMost(TAKEOVER_DEADLINE).pollInterval(Duration.ofMillis(50))
                    .until(() -> holder().filter(standby::equals).isPresent());
            double lease = (System.nanoTime() - t0) / 1e9;
            Instant firstStore = await("round " + round + ": " + standby + " storing").atMost(TAKEOVER_DEADLINE)
                    .pollInterval(Duration.ofMillis(50)).until(() -> db.firstStoredAfter(killed), Optional::isPresent)
                    .orElseThrow();
            double store = Duration.between(killed, firstStore).toNanos() / 1e9;
            leaseTakeovers.add(lease);
            firstStores.add(store);
            bench("round %d: SIGKILL of %s after %d of %d stored; lease taken by %s after %.2f s, first item stored"
                    + " after %.2f s", round, active, killAt, batch, standby, lease, store);
            active.start(); // boots while the other node works on
            awaitStored(items, items.size());
            active.awaitUp(BOOT);
        }
        bench("takeover after SIGKILL over %d rounds (lease TTL %d s, poll %d s): lease %s; first item stored %s",
                rounds, LEASE_TTL_SECONDS, POLL_SECONDS, minMedianMax(leaseTakeovers), minMedianMax(firstStores));
        assertThat(sent).hasSizeGreaterThanOrEqualTo(300);
        assertEverySentStoredOnceIntactAndAcknowledged();
    }

    /**
     * DEPENDS ON shared (failure attempts counted in the database): a forsendelse whose ciphertext is always corrupt
     * is tried on one node, then (after a SIGKILL) on the other, then (after that one is restarted) on the first
     * again, and reported permanent after exactly {@link #ATTEMPTS} attempts in all: N-1 temporary reports, then one
     * permanent, then no more downloads.
     */
    @Test
    @Order(6)
    void aCorruptForsendelseIsReportedPermanentAfterExactlyNAttemptsAcrossNodes() throws Exception {
        Dokument pdf = document("Ødelagt", 0);
        String id = svarinn.addForsendelse(ForsendelseSpec.builder().mottaker(ORGNR, "Fjordvik kommune")
                .tittel("Alltid ødelagt").date(Instant.now()).dokument(pdf).fault(Fault.CORRUPT_CIPHERTEXT).build());
        KarafNode first = awaitActiveAndStandby();
        KarafNode second = other(first);
        await("the first attempt").atMost(INGEST_DEADLINE).pollInterval(Duration.ofMillis(20))
                .until(() -> reports(id).size() >= 1);
        first.kill(); // a failover ...
        first.start();
        await("an attempt on " + second + " after the failover").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(20)).until(() -> reports(id).size() >= 2);
        second.stop(); // ... and a restart; whichever node is up first goes on
        second.start();
        await("the permanent report").atMost(BOOT).until(() -> permanent(id));
        first.awaitUp(BOOT);
        second.awaitUp(BOOT);
        // No more attempts after the permanent one: the simulator no longer lists it.
        await("exactly " + ATTEMPTS + " reports (the last permanent), and no more").during(Duration.ofSeconds(
                        3 * POLL_SECONDS + 2)).atMost(Duration.ofSeconds(30))
                .until(() -> reports(id), r -> r.size() == ATTEMPTS);
        List<MottakFeilet> reports = reports(id);
        assertThat(reports).hasSize(ATTEMPTS);
        assertThat(reports.subList(0, ATTEMPTS - 1)).noneMatch(MottakFeilet::permanent);
        assertThat(reports.get(ATTEMPTS - 1).permanent()).isTrue();
        ForsendelseState state = svarinn.forsendelse(id).orElseThrow();
        // A download cut off by the SIGKILL may have reached the simulator without becoming an attempt.
        assertThat(state.nedlastinger()).as("downloads").isBetween(ATTEMPTS, ATTEMPTS + 1);
        assertThat(state.status()).isEqualTo(ForsendelseStatus.SENDT_ANNEN_KANAL);
        assertThat(db.state(id)).as("never stored").isEmpty();
    }

    /**
     * Benchmark mode only ({@code -Dpostmottak.cluster.bench=true}): ingest items/s with two nodes against one, in
     * the same run. One account is polled by one node at a time (its lease), so two nodes are not expected to be
     * faster; the point is that the standby costs (almost) nothing.
     */
    @Test
    @Order(7)
    @EnabledIfSystemProperty(named = "postmottak.cluster.bench", matches = "true")
    void benchmarkIngestTwoNodesAgainstOne() throws Exception {
        int count = Integer.getInteger("postmottak.cluster.bench.items", 300);
        KarafNode active = awaitActiveAndStandby();
        double two = ingest(count, "To noder");
        other(active).stop();
        double one = ingest(count, "Én node");
        other(active).start();
        other(active).awaitUp(BOOT);
        bench("ingest of %d forsendelser (2 documents of 8-40 KiB each): two nodes %.1f items/s, one node %.1f"
                + " items/s, two/one = %.2f", count, two, one, two / one);
        assertEverySentStoredOnceIntactAndAcknowledged();
    }

    private static double ingest(int count, String title) throws Exception {
        long t0 = System.nanoTime();
        Set<String> items = send(count, title);
        awaitStored(items, count);
        return count / ((System.nanoTime() - t0) / 1e9);
    }

    // ---- helpers

    /** Sends {@code count} forsendelser of two documents (8 to 40 KiB of random bytes) to the organisation. */
    static Set<String> send(int count, String title) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            int n = ++sentCount;
            List<Dokument> documents = List.of(document("Brev " + n, n * 2), document("Vedlegg " + n, n * 2 + 1));
            ForsendelseSpec.Builder spec = ForsendelseSpec.builder().mottaker(ORGNR, "Fjordvik kommune")
                    .tittel(title + " " + n).date(Instant.now());
            documents.forEach(spec::dokument);
            String id = svarinn.addForsendelse(spec.build());
            SENT.put(id, documents);
            ids.add(id);
        }
        return ids;
    }

    static Dokument document(String name, long n) {
        byte[] content = new byte[8 * 1024 + random.nextInt(32 * 1024)];
        random.nextBytes(content);
        byte[] header = ("%PDF-1.4\n% " + name + " " + n + "\n").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(header, 0, content, 0, header.length);
        return Dokument.of(name.replace(' ', '-') + ".pdf", "application/pdf", "H", content);
    }

    static void awaitStored(Set<String> ids, int atLeast) {
        await(atLeast + " of " + ids.size() + " stored").atMost(INGEST_DEADLINE).pollInterval(Duration.ofMillis(20))
                .until(() -> db.stored(ids) >= atLeast);
    }

    /** Exactly once (the counts per forsendelse id), intact (SHA-256 of the stored chunks), acknowledged (LEST). */
    static void assertEverySentStoredOnceIntactAndAcknowledged() throws Exception {
        Map<String, List<Dokument>> sent;
        synchronized (SENT) {
            sent = new LinkedHashMap<>(SENT);
        }
        Map<String, Integer> counts = db.storedCounts(sent.keySet());
        assertThat(counts).as("every forsendelse stored").hasSize(sent.size());
        assertThat(counts.values()).as("each exactly once").allMatch(c -> c == 1);
        for (Map.Entry<String, List<Dokument>> e : sent.entrySet()) {
            List<ClusterDb.StoredDocument> stored = db.documents(e.getKey());
            assertThat(stored).extracting(ClusterDb.StoredDocument::sha256).as("intact: " + e.getKey())
                    .containsExactlyElementsOf(e.getValue().stream().map(Dokument::sha256).toList());
        }
        await("every forsendelse acknowledged").atMost(Duration.ofSeconds(30)).until(() -> sent.keySet().stream()
                .allMatch(id -> svarinn.forsendelse(id).orElseThrow().status() == ForsendelseStatus.LEST));
        bench("checked: %d forsendelser stored once each, %d documents intact, all acknowledged", sent.size(),
                sent.values().stream().mapToInt(List::size).sum());
    }

    /**
     * The running node holding the account's live lease, if any. The holder id is {@code karaf.name@host/pid}: a
     * lease still held by a killed JVM (same name, old pid) is nobody's.
     */
    static Optional<KarafNode> holder() throws Exception {
        return db.liveLease(LEASE).map(ClusterDb.Lease::holder).flatMap(h -> List.of(nodeA, nodeB).stream()
                .filter(n -> h.startsWith(n.name() + "@") && h.endsWith("/" + n.pid())).findFirst());
    }

    /**
     * Waits until one running node holds the lease and the other says STANDBY, both read in the same check: while a
     * node boots, its account may restart (configuration arriving) and hand the lease over once more.
     */
    static KarafNode awaitActiveAndStandby() {
        return await("one node holding the lease, the other on standby").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> {
                    Optional<KarafNode> holder = holder();
                    return holder.isPresent() && "STANDBY".equals(channelState(other(holder.get())))
                            && holder().equals(holder) ? holder : Optional.<KarafNode>empty();
                }, Optional::isPresent).orElseThrow();
    }

    static KarafNode other(KarafNode node) {
        return node == nodeA ? nodeB : nodeA;
    }

    /** Waits until the node's SvarInn account says STANDBY (it has polled and found the lease taken). */
    static String awaitStandby(KarafNode node) {
        return await(node + " on standby").atMost(BOOT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> channelState(node), "STANDBY"::equals);
    }

    /** The account's state as the node's administration API shows it. */
    static String channelState(KarafNode node) throws Exception {
        String cookie = ADMIN_SESSIONS.get(node);
        HttpResponse<String> r = cookie == null ? null : get(node, cookie, "admin/channels");
        if (r == null || r.statusCode() == 401) { // a new login after a restart
            cookie = logIn(node, "admin", "admin").orElseThrow();
            ADMIN_SESSIONS.put(node, cookie);
            r = get(node, cookie, "admin/channels");
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException(node + ": admin/channels " + r.statusCode());
        }
        for (JsonNode channel : JSON.readTree(r.body()).path("channels")) {
            if ("klynge".equals(channel.path("account").asText())) {
                return channel.path("state").asText();
            }
        }
        throw new IllegalStateException(node + " has no account klynge yet: " + r.body());
    }

    /** Logs in as the login form does; the session cookie, or empty when the login was refused. */
    static Optional<String> logIn(KarafNode node, String user, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + "/postmottak/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("POSTMOTTAK_SESSION=")
                        && !c.startsWith("POSTMOTTAK_SESSION=;"))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().filter(c -> r.statusCode() == 303);
    }

    static HttpResponse<String> get(KarafNode node, String cookie, String apiPath) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + "/postmottak/api/" + apiPath))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<MottakFeilet> reports(String id) {
        return svarinn.forsendelse(id).orElseThrow().feil();
    }

    static boolean permanent(String id) {
        return reports(id).stream().anyMatch(MottakFeilet::permanent);
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    static String minMedianMax(List<Double> seconds) {
        List<Double> sorted = seconds.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return String.format("min %.2f s / median %.2f s / max %.2f s", sorted.get(0), median,
                sorted.get(sorted.size() - 1));
    }

    /** A measured number: printed with a {@code cluster-bench} prefix that the benchmark script collects. */
    static void bench(String format, Object... args) {
        System.out.printf("cluster-bench: " + format + "%n", args);
    }

    static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
