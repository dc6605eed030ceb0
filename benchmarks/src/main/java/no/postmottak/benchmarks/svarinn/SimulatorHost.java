package no.postmottak.benchmarks.svarinn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import no.postmottak.svarinn.simulator.Dokument;
import no.postmottak.svarinn.simulator.ForsendelseSpec;
import no.postmottak.svarinn.simulator.ForsendelseState;
import no.postmottak.svarinn.simulator.ForsendelseStatus;
import no.postmottak.svarinn.simulator.Mottakersystem;
import no.postmottak.svarinn.simulator.SvarInnSimulator;

/**
 * The SvarInn simulator in a JVM of its own, so that its on-the-fly encryption neither shares the receiver's CPU
 * accounting nor its heap. Seeds a scenario, prints {@code ready <baseUri> <documents> <bytes>} and then answers
 * each stdin line with {@code state <total> <lest> <feil>}; stops at end of input. The line {@code prefetch} reads
 * the measured items' payloads into the page cache (answered {@code prefetched <bytes> <seconds>}).
 *
 * <p>Arguments: receiver-cert.pem, then {@code big SIZE_MIB [WARMUP_ITEMS]} or {@code many COUNT DOCS DOC_KIB}.
 * With warm-up items, {@code big} first offers that many items of {@value #WARMUP_MIB} MiB and holds the big one
 * back until the line {@code release} (answered {@code released}; its payload read into the page cache first): the
 * big item is then received alone, by a JVM that has compiled its hot paths, as a server that has run for a while
 * would. {@code ready} counts the big item only.
 */
public final class SimulatorHost {

    static final String USER = "5f0c7a1e-3b8d-4c2a-9e61-7d4b2a9c0f13";
    static final String PASSWORD = "bench-passord";
    static final List<String> ORGNRS = List.of("921123450", "921765436", "964000123");
    static final int WARMUP_MIB = 64;
    /** Distinct sets of documents among the warm-up items of {@code many}. */
    static final int WARMUP_DISTINCT = 500;

    private SimulatorHost() {
    }

    /**
     * The forsendelser of {@code big SIZE_MIB [WARMUP_ITEMS]} (the big one last) or {@code many COUNT DOCS DOC_KIB
     * [WARMUP_ITEMS]} (the warm-up items first), each buildable again, with the key of its payload: forsendelser with
     * the same documents share one encrypted payload. The warm-up items of {@code many} cycle over
     * {@value #WARMUP_DISTINCT} sets of documents, so that a long warm-up costs no more encryption here; the COUNT
     * items after them all differ.
     */
    private static List<Offer> scenario(String[] args) {
        Instant date = Instant.now().minusSeconds(1_000_000);
        List<Offer> offers = new ArrayList<>();
        if (args[1].equals("big")) {
            for (int i = 0; i < warmupItems(args); i++) {
                Dokument warm = Dokument.generert("oppvarming-" + i + ".pdf", "application/pdf",
                        WARMUP_MIB * 1024L * 1024, 7 + i);
                Instant warmDate = date.plusSeconds(i);
                offers.add(new Offer(i, () -> ForsendelseSpec.builder().mottaker(ORGNRS.get(0), "Fjordvik kommune")
                        .tittel("Oppvarming").date(warmDate).dokument(warm)));
            }
            Dokument doc = Dokument.generert("stor-fil.pdf", "application/pdf", Long.parseLong(args[2]) * 1024 * 1024,
                    42);
            offers.add(new Offer(offers.size(), () -> ForsendelseSpec.builder().mottaker(ORGNRS.get(0),
                    "Fjordvik kommune").tittel("Stor forsendelse").date(date.plusSeconds(100_000)).dokument(doc)));
            return offers;
        }
        int count = Integer.parseInt(args[2]);
        int docs = Integer.parseInt(args[3]);
        long size = Long.parseLong(args[4]) * 1024;
        int warmup = warmupItems(args);
        for (int i = 0; i < warmup + count; i++) {
            int n = i;
            // Key of the set of documents (and of its payload): warm-up items after the first WARMUP_DISTINCT repeat
            int key = i < warmup ? i % WARMUP_DISTINCT : WARMUP_DISTINCT + i - warmup;
            List<Dokument> dokumenter = new ArrayList<>();
            for (int d = 0; d < docs; d++) {
                dokumenter.add(Dokument.generert("dokument-" + d + ".pdf", "application/pdf", size, key * 31L + d));
            }
            offers.add(new Offer(key, () -> {
                ForsendelseSpec.Builder b = ForsendelseSpec.builder().mottaker(ORGNRS.get(n % ORGNRS.size()),
                        "Mottaker").tittel("Forsendelse " + n).date(date.plusSeconds(n));
                dokumenter.forEach(b::dokument);
                return b;
            }));
        }
        return offers;
    }

    private record Offer(int payload, Supplier<ForsendelseSpec.Builder> spec) {
    }

    /**
     * Reads files whole, so that serving them reads memory, not the disk the receiver writes to: SvarUt serves from
     * its own machines. Needed because the payloads are written long before they are served, and a machine may
     * write cold file pages out and drop them meanwhile (the test machines do after 60 s: DAMON {@code pageout}),
     * and then the measured window included this simulator's disk reads.
     */
    private static long readIntoPageCache(Collection<Path> files) throws IOException {
        long read = 0;
        ByteBuffer buffer = ByteBuffer.allocateDirect(1024 * 1024);
        for (Path file : files) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                for (int n; (n = ch.read(buffer.clear())) >= 0; ) {
                    read += n;
                }
            }
        }
        return read;
    }

    private static int warmupItems(String[] args) {
        int at = args[1].equals("big") ? 3 : 5;
        return args.length > at ? Integer.parseInt(args[at]) : 0;
    }

    public static void main(String[] args) throws Exception {
        X509Certificate cert;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        try (SvarInnSimulator sim = SvarInnSimulator.start(0)) {
            sim.addMottakersystem(Mottakersystem.of("Bench", USER, PASSWORD, cert, ORGNRS.toArray(String[]::new)));
            // Each payload is encrypted once, here, by the simulator's own streaming writer (fetched over HTTP),
            // and then served byte for byte from a file: the receiver's clock then measures the receiver, not the
            // simulator generating, zipping and encrypting on the same two cores.
            Path payloads = Files.createDirectories(Path.of(args[0]).resolveSibling("payloads"));
            List<Offer> scenario = scenario(args);
            Map<Integer, Path> payloadFiles = new HashMap<>();
            HttpClient http = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            for (Offer offer : scenario) {
                if (payloadFiles.containsKey(offer.payload())) {
                    continue;
                }
                String id = sim.addForsendelse(offer.spec().get().build());
                Path file = payloads.resolve(id);
                HttpResponse<Path> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/forsendelse/" + id))
                        .header("Authorization", auth).build(), BodyHandlers.ofFile(file));
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("simulator download " + id + ": HTTP " + r.statusCode());
                }
                // On disk before the receiver starts: the kernel writing these back must not share the receiver's
                // clock and disk (the references are measured after a sync too)
                try (FileChannel written = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    written.force(true);
                }
                payloadFiles.put(offer.payload(), file);
            }
            sim.reset();
            int warmup = warmupItems(args);
            boolean big = args[1].equals("big");
            long documents = 0;
            long bytes = 0;
            ForsendelseSpec held = null;
            Set<Path> measuredPayloads = new LinkedHashSet<>();
            for (int i = 0; i < scenario.size(); i++) {
                Offer offer = scenario.get(i);
                ForsendelseSpec spec = offer.spec().get()
                        .preEncrypted(payloadFiles.get(offer.payload()), "application/zip", "dokumenter.zip").build();
                if (i < warmup) {
                    sim.addForsendelse(spec);
                    continue;
                }
                measuredPayloads.add(payloadFiles.get(offer.payload()));
                if (warmup > 0 && big) {
                    held = spec;
                } else {
                    sim.addForsendelse(spec);
                }
                documents += spec.dokumenter().size();
                bytes += spec.dokumenter().stream().mapToLong(Dokument::size).sum();
            }
            System.out.println("ready " + sim.baseUri() + " " + documents + " " + bytes);
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.equals("prefetch")) {
                    long start = System.nanoTime();
                    long read = readIntoPageCache(measuredPayloads);
                    System.out.printf(Locale.ROOT, "prefetched %d %.2f%n", read, (System.nanoTime() - start) / 1e9);
                    System.out.flush();
                    continue;
                }
                if (line.equals("release") && held != null) {
                    readIntoPageCache(measuredPayloads);
                    sim.addForsendelse(held);
                    held = null;
                    System.out.println("released ");
                    System.out.flush();
                    continue;
                }
                List<ForsendelseState> states = sim.forsendelser();
                long lest = states.stream().filter(s -> s.status() == ForsendelseStatus.LEST).count();
                long feil = states.stream().filter(s -> !s.feil().isEmpty()).count();
                System.out.println("state " + states.size() + " " + lest + " " + feil);
                System.out.flush();
            }
        }
    }
}
