package no.postmottak.svarinn.internal;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;

import no.postmottak.api.inbox.Inbox;
import no.postmottak.inbox.testing.TestInboxes;

/**
 * The receiver as a process of its own, for {@link SvarInnKillTest}: {@link Receiver} on an existing directory (key
 * files and H2 inbox), polling until SvarInn lists nothing. It prints {@code begin <id>} when the inbox starts
 * taking an item (the download is then under way) and {@code stored <id>} when the inbox has committed it (and
 * before it is acknowledged), so the test can kill it at those moments. Exits 0 when nothing is left.
 *
 * <p>Arguments: directory, SvarInn base URI, user, password, comma-separated orgnrs.
 */
public final class ReceiverProcess {

    private ReceiverProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Set<String> orgnrs = Set.of(args[4].split(","));
        PrintStream out = System.out;
        Receiver receiver = new Receiver(dir);
        java.sql.Connection keepsDatabaseOpen = Receiver.holdOpen(dir); // for the life of this process
        SvarInnApi client = receiver.client(args[5], URI.create(args[1]), args[2], args[3]);
        Inbox observed = TestInboxes.observed(receiver.inbox, (phase, id) -> {
            out.println(phase + " " + id);
            out.flush();
        });
        AccountPoller poller = receiver.poller(client,
                receiver.receiver(client, orgnrs, true, FailurePolicy.DEFAULT, observed));
        out.println("started");
        out.flush();
        do {
            poller.poll();
        } while (!client.listNew().isEmpty());
        keepsDatabaseOpen.close();
        out.println("done");
        out.flush();
        System.exit(0);
    }
}
