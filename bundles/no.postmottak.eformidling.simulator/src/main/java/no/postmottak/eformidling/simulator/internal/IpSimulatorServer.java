package no.postmottak.eformidling.simulator.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.postmottak.eformidling.simulator.Call;
import no.postmottak.eformidling.simulator.IntegrasjonspunktSimulator;
import no.postmottak.eformidling.simulator.IpKnobs;
import no.postmottak.eformidling.simulator.Message;
import no.postmottak.eformidling.simulator.MessageState;
import no.postmottak.eformidling.simulator.SentMessage;
import no.postmottak.eformidling.simulator.SimulatorOptions;
import no.postmottak.simulator.http.Auth;
import no.postmottak.simulator.http.Request;
import no.postmottak.simulator.http.Response;
import no.postmottak.simulator.http.SimHttpServer;
import no.postmottak.simulator.http.StatusException;

/**
 * The simulator on the shared simulator HTTP foundation: the receiving side of the integrasjonspunkt's fagsystem API
 * (NextMoveMessageInController), sending of receipts, statuses, and a state view for tests.
 */
public final class IpSimulatorServer implements IntegrasjonspunktSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(IpSimulatorServer.class);
    static final String ASIC_TYPE = "application/vnd.etsi.asic-e+zip";
    /** Messages up to this size are built in memory, so pop can send their length (and cut them short). */
    private static final long IN_MEMORY = 64L * 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();
    private final IpKnobs knobs = new IpKnobs();
    private final MessageQueue queue = new MessageQueue(knobs, Clock.systemUTC());
    private final Outbox outbox = new Outbox(json);
    private final SimHttpServer http;

    private IpSimulatorServer(SimulatorOptions options) {
        SimHttpServer.Builder b = SimHttpServer.builder("ip-simulator").host(options.host()).port(options.port())
                .maxBody(16L * 1024 * 1024);
        if (options.username() != null) {
            b.guard("/api", Auth.basic("integrasjonspunkt", (user, password) ->
                    Auth.sameSecret(options.username(), user) && Auth.sameSecret(options.password(), password)));
        }
        http = b.route("GET", "/api/messages/in", this::find)
                .route("GET", "/api/messages/in/peek", this::peek)
                .route("GET", "/api/messages/in/pop/{id}", this::pop)
                .route("DELETE", "/api/messages/in/{id}", this::delete)
                .route("POST", "/api/messages/out", this::send)
                .route("GET", "/api/statuses", (req, res) -> res.json(200, outbox.statuses(null)))
                .route("GET", "/api/statuses/{id}", (req, res) -> res.json(200, outbox.statuses(req.param("id"))))
                .route("GET", "/_simulator/state", (req, res) -> res.json(200, state()))
                .start();
    }

    public static IpSimulatorServer start(SimulatorOptions options) {
        IpSimulatorServer s = new IpSimulatorServer(options);
        LOG.info("Integrasjonspunkt simulator listening on {} ({})", s.baseUri(),
                options.username() == null ? "open API" : "HTTP Basic");
        return s;
    }

    private void find(Request req, Response res) throws IOException {
        slow();
        List<MessageQueue.Entry> all = queue.waiting(filter(req));
        int size = intParam(req, "size", 10);
        int page = intParam(req, "page", 0);
        ObjectNode body = json.createObjectNode();
        var content = body.putArray("content");
        all.stream().skip((long) page * size).limit(size).forEach(e -> content.add(SbdJson.of(e.message, json)));
        int pages = (all.size() + size - 1) / size;
        body.put("totalElements", all.size()).put("totalPages", pages).put("number", page).put("size", size)
                .put("numberOfElements", content.size()).put("first", page == 0).put("last", page >= pages - 1)
                .put("empty", content.isEmpty());
        body.putObject("pageable").put("pageNumber", page).put("pageSize", size);
        res.json(200, body.toString());
    }

    private void peek(Request req, Response res) throws IOException {
        slow();
        Optional<MessageQueue.Entry> e = queue.peek(filter(req));
        if (e.isEmpty()) {
            res.empty(204);
            return;
        }
        res.json(200, SbdJson.of(e.get().message, json).toString());
    }

    private void pop(Request req, Response res) throws IOException {
        slow();
        String id = req.param("id");
        MessageQueue.Checked checked = queue.pop(id);
        switch (checked.status()) {
            case 404 -> throw new StatusException(404, "Message with id " + id + " not found");
            case 400 -> throw new StatusException(400, "Message with id " + id + " is not locked");
            case 500 -> throw new StatusException(500, "Could not read the stored ASiC of message " + id);
            default -> { }
        }
        Message m = checked.entry().message;
        if (m.isReceipt()) {
            res.empty(204);
            return;
        }
        res.header("Content-Disposition", "attachment; filename=asic.zip");
        boolean cut = knobs.takeTruncatePop();
        long estimate = m.documents().stream().mapToLong(d -> d.size()).sum();
        if (estimate > IN_MEMORY && !cut) {
            try (OutputStream out = res.stream(200, ASIC_TYPE, Response.CHUNKED)) {
                AsicWriter.write(m, out);
            }
            return;
        }
        ByteArrayOutputStream asic = new ByteArrayOutputStream();
        AsicWriter.write(m, asic);
        byte[] bytes = asic.toByteArray();
        if (!cut) {
            res.send(200, ASIC_TYPE, bytes);
            return;
        }
        // Promise the whole length, send half, and stop: the client sees the connection end early.
        queue.popCut(id);
        OutputStream out = res.stream(200, ASIC_TYPE, bytes.length);
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        throw new IOException("pop of " + id + " cut off on purpose (truncatePops)");
    }

    private void delete(Request req, Response res) throws IOException {
        slow();
        String id = req.param("id");
        MessageQueue.Checked checked = queue.delete(id);
        switch (checked.status()) {
            case 404 -> throw new StatusException(404, "Message with id " + id + " not found");
            case 400 -> throw new StatusException(400, "Message with id " + id + " is not locked");
            default -> {
                outbox.delivered(checked.entry().message);
                res.json(200, SbdJson.of(checked.entry().message, json).toString());
            }
        }
    }

    private void send(Request req, Response res) throws IOException {
        slow();
        if (knobs.takeFailSend()) {
            throw new StatusException(500, "Could not store the outgoing message");
        }
        try {
            res.json(200, outbox.accept(req.text()).toString());
        } catch (IllegalArgumentException e) {
            throw new StatusException(400, e.getMessage());
        }
    }

    private String state() {
        ObjectNode root = json.createObjectNode();
        root.set("messages", json.valueToTree(queue.states()));
        root.set("calls", json.valueToTree(queue.calls().stream().map(c -> c.kind() + " " + c.messageId() + " "
                + c.status()).toList()));
        root.set("sent", json.valueToTree(outbox.sent().stream().map(s -> s.documentType() + " " + s.receiptType()
                + " " + s.relatedToMessageId() + " " + s.messages()).toList()));
        return root.toString();
    }

    private void slow() {
        Duration delay = knobs.delay();
        if (!delay.isZero()) {
            try {
                TimeUnit.MILLISECONDS.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static MessageQueue.Filter filter(Request req) {
        return new MessageQueue.Filter(req.query("receiverIdentifier"), req.query("senderIdentifier"),
                req.query("serviceIdentifier"), req.query("process"), req.query("conversationId"),
                req.query("messageId"));
    }

    private static int intParam(Request req, String name, int fallback) {
        String v = req.query(name);
        try {
            return v == null ? fallback : Math.max(Integer.parseInt(v), name.equals("size") ? 1 : 0);
        } catch (NumberFormatException e) {
            throw new StatusException(400, name + " must be a number");
        }
    }

    @Override
    public URI baseUri() {
        return http.baseUri();
    }

    @Override
    public int port() {
        return http.port();
    }

    @Override
    public boolean add(Message message) {
        boolean queued = queue.add(message);
        if (queued) {
            outbox.incoming(message);
        }
        return queued;
    }

    @Override
    public List<Message> seedDemo(List<String> orgnrs) {
        List<Message> seeded = DemoMail.messages(orgnrs);
        seeded.forEach(this::add);
        return seeded;
    }

    @Override
    public IpKnobs knobs() {
        return knobs;
    }

    @Override
    public void failNext(int times, int status) {
        http.knobs().failNext(status, times);
    }

    @Override
    public List<Call> calls() {
        return queue.calls();
    }

    @Override
    public List<MessageState> messages() {
        return queue.states();
    }

    @Override
    public Optional<MessageState> message(String messageId) {
        return queue.states().stream().filter(s -> s.messageId().equals(messageId)).findFirst();
    }

    @Override
    public List<SentMessage> sent() {
        return outbox.sent();
    }

    @Override
    public void reset() {
        queue.clear();
        outbox.clear();
        knobs.clear();
    }

    @Override
    public void close() {
        http.close();
        LOG.info("Integrasjonspunkt simulator on port {} stopped", port());
    }

    @Override
    public String toString() {
        return "IntegrasjonspunktSimulator[" + baseUri() + "]";
    }
}
