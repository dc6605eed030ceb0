package no.postmottak.archive.noark5.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import no.postmottak.api.archive.ArchiveProgress;
import no.postmottak.api.archive.ArchiveRequest;
import no.postmottak.api.archive.CaseInfo;
import no.postmottak.archive.noark5.internal.Noark5Settings.AuthMethod;
import no.postmottak.archive.noark5.internal.Noark5Settings.Login;
import no.postmottak.archive.noark5.simulator.Noark5Simulator;
import no.postmottak.archive.noark5.simulator.Options;
import no.postmottak.arkivmelding.testing.ArchiveFixtures;

/** A running N5WS simulator and archivers configured against it over real HTTP, for the provider's tests. */
final class SimulatorSetup implements AutoCloseable {

    static final String SECRET = "hemmelig-ÆØÅ-s3cr3t";
    static final int CHUNK = 64 * 1024;

    final Noark5Simulator sim;
    final String fallbackCase;
    final String chosenCase;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SimulatorSetup(Options options) {
        sim = Noark5Simulator.start(options);
        fallbackCase = sim.addCase(2026, 1, "Postmottak – fordelingssak");
        chosenCase = sim.addCase(2025, 77, "Byggesak – Ærøy");
    }

    SimulatorSetup() {
        this(Options.defaults(SECRET));
    }

    /** Settings for this simulator: OAuth2 client credentials, arkivdel Sakarkiv, fallback case 2026/1. */
    Noark5Settings settings() {
        return settings(AuthMethod.AUTO, new Login("postmottak", SECRET, null, null, null), Duration.ofSeconds(10));
    }

    Noark5Settings settings(AuthMethod auth, Login login, Duration timeout) {
        return new Noark5Settings(sim.root(), auth, login, null, null, Noark5Simulator.ARKIVDEL, "2026/1", "M", null,
                null, CHUNK, timeout);
    }

    Noark5Archiver archiver() {
        return archiver(settings());
    }

    Noark5Archiver archiver(Noark5Settings settings) {
        return Noark5Client.archiver(settings, http, Clock.systemUTC());
    }

    static ArchiveRequest request(int documents) {
        return ArchiveFixtures.request(documents);
    }

    static ArchiveRequest onCase(ArchiveRequest r, CaseInfo target) {
        return new ArchiveRequest(r.item(), r.documents(), target, r.progress());
    }

    static ArchiveRequest withProgress(ArchiveRequest r, ArchiveProgress progress) {
        return new ArchiveRequest(r.item(), r.documents(), r.targetCase(), progress);
    }

    /** A request whose documents are larger than {@code size} bytes (for the chunked upload). */
    static ArchiveRequest large(int documents, int size) {
        List<ArchiveFixtures.BytesDocument> docs = new java.util.ArrayList<>();
        ArchiveRequest small = ArchiveFixtures.request(UUID.randomUUID(), documents, -1);
        for (int i = 0; i < documents; i++) {
            byte[] content = new byte[size + 17 * i];
            new java.util.Random(i).nextBytes(content);
            var meta = ArchiveFixtures.stored(i);
            docs.add(new ArchiveFixtures.BytesDocument(new no.postmottak.api.inbox.StoredDocument(i, meta.fileName(),
                    meta.mediaType(), content.length, ArchiveFixtures.sha256(content), meta.role(), false), content,
                    false));
        }
        return new ArchiveRequest(small.item(), List.copyOf(docs), null, small.progress());
    }

    URI root() {
        return sim.root();
    }

    @Override
    public void close() {
        sim.close();
    }
}
